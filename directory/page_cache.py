"""The directory's pages in the shared page cache (portal/pagecache.py)."""

from __future__ import annotations

from network.page_cache import ACTORS, VOCABULARIES
from portal import pagecache


def register() -> None:
    pagecache.register_view("directory:list", ACTORS, VOCABULARIES)
    pagecache.register_view("directory:actor", ACTORS, VOCABULARIES)
    pagecache.register_view("search:results", ACTORS, VOCABULARIES)
