"""A backend standing for an external index (Elasticsearch): it records the writes it gets and
answers queries from the database, as the real one does during an outage."""

from __future__ import annotations

from search.backends.base import SearchBackend
from search.backends.database import DatabaseSearchBackend


class RecordingBackend(SearchBackend):
    name = "recording"

    def __init__(self):
        self.fallback = DatabaseSearchBackend()
        self.writes: list[tuple[str, str, str, str]] = []

    def index(self, documents):
        self.writes += [("index", d.kind, d.object_id, d.title) for d in documents]

    def delete(self, kind, object_ids):
        self.writes += [("delete", kind, str(pk), "") for pk in object_ids]

    def clear(self, kind=None):
        self.writes.append(("clear", kind or "", "", ""))

    def search(self, query, **kwargs):
        return self.fallback.search(query, **kwargs)

    def highlight(self, query, hits, language=None):
        return self.fallback.highlight(query, hits, language)

    def health(self):
        return True, "recording"
