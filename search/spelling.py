""" "Did you mean": a query word the index does not know is replaced by the closest known word.

The vocabulary is the words of the public documents' titles and bodies plus the synonym list,
read from the database index (kept in step whichever backend serves). Building it reads every
public document, so no request does: a change of the index or of the synonyms bumps a version
key in the cache after the commit and queues `refresh_vocabulary`, which the worker runs; it
stores the vocabulary in the cache under the version it was built for. Each process keeps its
own copy and, per request, only compares the version key (one cache read). Until the worker has
built the newer one, requests answer from the copy they have (a word new to the index only
matters for corrections and completions, so a stale vocabulary does no harm).
"""

from __future__ import annotations

import bisect
import difflib
import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task

from search import synonyms
from search.analysis import STOP_WORDS, fold, stem, words
from search.models import IndexEntry

VOCABULARY_CACHE_KEY = "search:vocabulary:v2"
VERSION_CACHE_KEY = "search:vocabulary:version"
# Set while a refresh is queued, so a burst of changes or of requests queues one.
QUEUED_CACHE_KEY = "search:vocabulary:queued"
QUEUED_TIMEOUT = 5 * 60
# Enough documents for the words people use; a large index adds names, not vocabulary.
VOCABULARY_DOCUMENTS = 20_000
MIN_WORD_LENGTH = 3
CUTOFF = 0.75
# The worker's queue (settings.TASKS), the one `manage.py worker` works off.
BACKEND = "outbox"


@dataclass(frozen=True)
class Vocabulary:
    spellings: dict[str, str]  # folded word → the word as most often written
    stems: frozenset[str]
    by_start: dict[str, list[str]]  # first letter → folded words
    ordered: tuple[str, ...] = field(default=())  # folded words in order, for prefixes
    version: str = ""


EMPTY = Vocabulary(spellings={}, stems=frozenset(), by_start={})
_process_copy: list[Vocabulary] = [EMPTY]


def build_vocabulary() -> Vocabulary:
    """Every word of the public documents and the synonyms: the worker's job, not a request's."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    texts = IndexEntry.objects.filter(public=True).values_list("title", "body")
    for title, body in texts[:VOCABULARY_DOCUMENTS].iterator(chunk_size=2000):
        for word in words(f"{title} {body}"):
            if len(word) >= MIN_WORD_LENGTH and not word.isdigit():
                counts[fold(word)][word] += 1
    for group in synonyms.groups():
        for word in group:
            counts[fold(word)][word] += 1
    spellings = {folded: max(found, key=found.get) for folded, found in counts.items()}
    by_start: dict[str, list[str]] = defaultdict(list)
    for folded in spellings:
        by_start[folded[0]].append(folded)
    return Vocabulary(
        spellings=spellings,
        stems=frozenset(stem(word) for word in spellings),
        by_start=dict(by_start),
        ordered=tuple(sorted(spellings)),
    )


def current_version() -> str:
    version = cache.get(VERSION_CACHE_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_CACHE_KEY, version, timeout=None):
            version = cache.get(VERSION_CACHE_KEY) or version
    return version


@task(backend=BACKEND)
def refresh_vocabulary() -> int:
    """Build the vocabulary for the current version and share it; returns its number of words.

    A change committed while it builds bumps the version again, so the next request sees the
    difference and queues another refresh.
    """
    cache.delete(QUEUED_CACHE_KEY)
    version = current_version()
    built = build_vocabulary()
    shared = Vocabulary(
        spellings=built.spellings,
        stems=built.stems,
        by_start=built.by_start,
        ordered=built.ordered,
        version=version,
    )
    cache.set(VOCABULARY_CACHE_KEY, shared, timeout=None)
    _process_copy[0] = shared
    return len(shared.spellings)


def queue_refresh() -> None:
    """Queue one refresh, unless one is queued already: for the worker where the cache is shared
    (Redis); with a cache of this process alone (the embedded default) the worker's copy would
    stay in the worker, so a thread of this process builds it beside the requests."""
    if not cache.add(QUEUED_CACHE_KEY, 1, timeout=QUEUED_TIMEOUT):
        return
    if settings.SEARCH_VOCABULARY_REFRESH == "thread":
        threading.Thread(target=_refresh_in_thread, name="vocabulary", daemon=True).start()
    else:
        refresh_vocabulary.enqueue()


def _refresh_in_thread() -> None:
    try:
        refresh_vocabulary.call()
    finally:
        connection.close()


def _changed() -> None:
    cache.set(VERSION_CACHE_KEY, uuid.uuid4().hex, timeout=None)
    queue_refresh()


def vocabulary_changed() -> None:
    """The index or the synonyms changed: after the commit, a new version and a refresh."""
    transaction.on_commit(_changed, robust=True)


def _synonyms_changed(**kwargs: object) -> None:
    vocabulary_changed()


def connect() -> None:
    """Called from search's AppConfig.ready(): the synonyms are part of the vocabulary."""
    from search.models import Synonym

    for signal in (post_save, post_delete):
        signal.connect(_synonyms_changed, sender=Synonym, dispatch_uid=f"spelling-{signal}")


def vocabulary() -> Vocabulary:
    """This process's copy, replaced when the shared one is newer; never built here."""
    local = _process_copy[0]
    version = cache.get(VERSION_CACHE_KEY)
    if version is not None and local.version == version:
        return local
    shared = cache.get(VOCABULARY_CACHE_KEY)
    if shared is not None and shared.version != local.version:
        _process_copy[0] = local = shared
    if version is None:
        # The cache was emptied (or never held one): nothing tells which copy is current.
        queue_refresh()
        return shared or EMPTY
    if local.version != version:
        queue_refresh()
    return local


def _is_known(word: str, known: Vocabulary) -> bool:
    folded = fold(word)
    return folded in known.spellings or stem(word) in known.stems or folded in STOP_WORDS


def did_you_mean(query: str) -> str | None:
    """The query with each unknown word replaced by its closest known word, if any was."""
    known = vocabulary()
    corrected: list[str] = []
    changed = False
    for word in words(query):
        if len(word) < MIN_WORD_LENGTH or _is_known(word, known):
            corrected.append(word)
            continue
        folded = fold(word)
        candidates = [
            c for c in known.by_start.get(folded[0], ()) if abs(len(c) - len(folded)) <= 2
        ]
        closest = difflib.get_close_matches(folded, candidates, n=1, cutoff=CUTOFF)
        if closest:
            corrected.append(known.spellings[closest[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None


def completions(prefix: str, *, limit: int) -> list[str]:
    """Known words starting with the prefix, most common spelling, shortest first."""
    folded = fold(prefix)
    if len(folded) < 2:
        return []
    known = vocabulary()
    first = bisect.bisect_left(known.ordered, folded)
    last = bisect.bisect_left(known.ordered, folded + "\U0010ffff", first)
    matching = sorted(known.ordered[first:last], key=lambda word: (len(word), word))
    return [known.spellings[word] for word in matching[:limit]]
