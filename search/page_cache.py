"""Search results in the shared page cache (portal/pagecache.py): the apps add the kinds they
index; synonyms change the ranking of every result list."""

from __future__ import annotations

from portal import pagecache

SYNONYMS = "synonyms"


def register() -> None:
    from search.models import Synonym

    pagecache.register_model(Synonym, SYNONYMS)
    pagecache.register_view("search:results", SYNONYMS, pagecache.PAGES)
