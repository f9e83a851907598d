"""Search backends, one per module, chosen by dotted path in settings.SEARCH_BACKEND."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import Hit, SearchBackend, SearchDocument

__all__ = ["Hit", "SearchBackend", "SearchDocument", "get_search_backend"]


@cache
def _backend(path: str) -> SearchBackend:
    return import_string(path)()


def get_search_backend() -> SearchBackend:
    return _backend(settings.SEARCH_BACKEND)
