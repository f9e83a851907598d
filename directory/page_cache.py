"""The directory's pages in the shared page cache (portal/pagecache.py)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from network import open_now
from network.page_cache import ACTORS, VOCABULARIES
from portal import pagecache


def _open_now_changes(_request: HttpRequest) -> dt.datetime:
    """The list's "open now" filter and its counts (on every list) flip at the next slot edge."""
    return open_now.next_change(timezone.now())


def register() -> None:
    pagecache.register_view("directory:list", ACTORS, VOCABULARIES, expires=_open_now_changes)
    pagecache.register_view("directory:actor", ACTORS, VOCABULARIES)
    pagecache.register_view("search:results", ACTORS, VOCABULARIES)
    # The home page's numbers and topics.
    pagecache.register_view("page:portal.homepage", ACTORS, VOCABULARIES)
