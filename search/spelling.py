""" "Did you mean": a query word the index does not know is replaced by the closest known word.

The vocabulary is the words of the public documents' titles and bodies plus the synonym list,
read from the database index (kept in step whichever backend serves) and cached for a while;
a word new to it only matters for corrections, so a stale vocabulary does no harm.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache

from search import synonyms
from search.analysis import STOP_WORDS, fold, stem, words
from search.models import IndexEntry

VOCABULARY_CACHE_KEY = "search:vocabulary:v1"
VOCABULARY_TIMEOUT = 15 * 60
# Enough documents for the words people use; a large index adds names, not vocabulary.
VOCABULARY_DOCUMENTS = 20_000
MIN_WORD_LENGTH = 3
CUTOFF = 0.75


@dataclass(frozen=True)
class Vocabulary:
    spellings: dict[str, str]  # folded word → the word as most often written
    stems: frozenset[str]
    by_start: dict[str, list[str]]  # first letter → folded words


def vocabulary() -> Vocabulary:
    cached = cache.get(VOCABULARY_CACHE_KEY)
    if cached is not None:
        return cached
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
    known = Vocabulary(
        spellings=spellings,
        stems=frozenset(stem(word) for word in spellings),
        by_start=dict(by_start),
    )
    cache.set(VOCABULARY_CACHE_KEY, known, VOCABULARY_TIMEOUT)
    return known


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
    starting = (word for word in known.by_start.get(folded[0], ()) if word.startswith(folded))
    matching = sorted(starting, key=lambda word: (len(word), word))
    return [known.spellings[word] for word in matching[:limit]]
