"""The interface every search backend implements, and the values that cross it."""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from operator import attrgetter

# The facets every hit carries values for, in the order a page shows them.
FACETS = ("kind", "topic", "municipality", "language")

# Highlighted words come back between these private-use characters, never as markup: the
# page escapes the text first and only then turns them into <mark>, so indexed text cannot
# smuggle HTML in (search.snippets).
MARK_START = "\ue000"
MARK_END = "\ue001"


def batched(items: Iterable[SearchDocument], size: int) -> Iterator[list[SearchDocument]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class SearchDocument:
    """What an app hands to the index for one object: weighted title, then body text.

    `url` is the object's address in the default language; `topics`, `municipalities` and
    `languages` (slugs, ISO codes) feed the facets; a document with `visible_until` is no longer
    found by the public after that day (needs that run out, past events). `audience` names who
    may find the document besides the public ("actor:<pk>" for the actor's members, "staff" for
    agency staff), so that a draft is found by those who work on it and by nobody else.
    """

    kind: str
    object_id: str
    title: str
    body: str = ""
    public: bool = True
    url: str = ""
    topics: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    visible_until: datetime.date | None = None
    audience: tuple[str, ...] = ()
    # The object's own names besides its title (an actor's offers): matched and ranked as the
    # title is, so that an actor offering "Deutschkurs" comes before a text mentioning one.
    keywords: str = ""
    # The text translated into other languages (portal.translations): found by queries in
    # that language and shown to its readers.
    translations: tuple[Translation, ...] = ()


@dataclass(frozen=True)
class Translation:
    """A document's title, keywords and body in one language other than German."""

    language: str
    title: str = ""
    body: str = ""
    keywords: str = ""


def audience_of_actor(actor_id: object) -> tuple[str, ...]:
    """Who may find what an actor has not published yet: its members and agency staff."""
    return (f"actor:{actor_id}", "staff")


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: str
    score: float
    title: str
    url: str = ""
    topics: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # The title in the language asked for, where the document has it translated.
    translated_title: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.object_id)

    def facet_values(self, facet: str) -> tuple[str, ...]:
        if facet == "kind":
            return (self.kind,)
        return getattr(self, _FACET_FIELDS[facet])

    def chosen(self, selected: Mapping[str, set[str]], *, skip: str | None = None) -> bool:
        """Whether the hit has one of the chosen values of every facet (but `skip`)."""
        return all(
            not values or not values.isdisjoint(self.facet_values(facet))
            for facet, values in selected.items()
            if facet != skip
        )


# Hit's field holding each facet's values but the kind's.
_FACET_FIELDS = {"topic": "topics", "municipality": "municipalities", "language": "languages"}


class SearchBackend(ABC):
    name: str = "base"
    # A backend that stores its index outside the database (Elasticsearch) names the database
    # backend that answers while it is unreachable; the database one has none.
    fallback: SearchBackend | None = None
    # Whether index writes take part in the caller's database transaction (and roll back with
    # it); the others are written only after the transaction commits (search.registry).
    transactional: bool = False

    @abstractmethod
    def index(self, documents: Iterable[SearchDocument]) -> None:
        """Add or replace documents."""

    @abstractmethod
    def delete(self, kind: str, object_ids: Iterable[str]) -> None:
        """Remove documents; unknown ids are ignored."""

    @abstractmethod
    def clear(self, kind: str | None = None) -> None:
        """Remove every document, or those of one kind."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] | None = None,
        public_only: bool = True,
        limit: int = 1000,
        scopes: Sequence[str] = (),
        language: str | None = None,
    ) -> list[Hit]:
        """Ranked hits, best first; documents matching in the title come before the rest.

        With `public_only`, the public documents and those whose audience shares one of the
        `scopes` (the asking person's, search.services.scopes_of) are found, none past its
        `visible_until`; without it, every document. With a `language` other than German, the
        words also match the documents' text translated into it."""

    @abstractmethod
    def highlight(
        self, query: str, hits: Sequence[Hit], language: str | None = None
    ) -> dict[tuple[str, str], str]:
        """A short passage of each hit's body with the matched words between MARK_START and
        MARK_END, keyed by Hit.key; done for one page of hits, not for every match. A passage
        may be a search.snippets.Passage naming its language (a translation's)."""

    def count_facets(
        self, hits: Sequence[Hit], selected: Mapping[str, set[str]]
    ) -> dict[str, dict[str, int]]:
        """Per facet, how many of the hits each value would leave with the other facets'
        choices applied (choosing it then gives that many results)."""
        counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
        # One pass over the hits: a hit that has a chosen value of every facet counts in every
        # facet; one that misses a single facet's choice counts in that facet only (choosing
        # one of its values there would bring it in); one that misses two counts nowhere. Each
        # facet's pass over every hit (1,000 of them) was a third of the search page's time.
        chosen = [(facet, values) for facet, values in selected.items() if values]
        if not chosen:
            # Nothing chosen: every hit counts in every facet, counted in C.
            counts["kind"] = dict(Counter(map(attrgetter("kind"), hits)))
            for facet, name in _FACET_FIELDS.items():
                counts[facet] = dict(Counter(chain.from_iterable(map(attrgetter(name), hits))))
            return counts
        for hit in hits:
            missed = [
                facet for facet, values in chosen if values.isdisjoint(hit.facet_values(facet))
            ]
            if len(missed) > 1:
                continue
            for facet in missed or FACETS:
                if facet not in counts:
                    continue
                facet_counts = counts[facet]
                for value in hit.facet_values(facet):
                    facet_counts[value] = facet_counts.get(value, 0) + 1
        return counts

    def suggest(
        self,
        query: str,
        *,
        limit: int = 8,
        scopes: Sequence[str] = (),
        language: str | None = None,
    ) -> list[Hit]:
        """Hits the asking person may see for a query being typed, the last word taken as the
        start of a word."""
        return self.search(query, public_only=True, limit=limit, scopes=scopes)

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        *,
        kinds: Sequence[str],
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Replace every document of the kinds with these; returns how many were indexed."""
        for kind in kinds:
            self.clear(kind)
        written = 0
        for batch in batched(documents, batch_size):
            self.index(batch)
            written += len(batch)
            if progress is not None:
                progress(len(batch))
        return written

    @abstractmethod
    def health(self) -> tuple[bool, str]:
        """Whether the backend can serve queries now, with a short reason."""
