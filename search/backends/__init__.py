"""Search backends, one per module, chosen by dotted path in settings.SEARCH_BACKEND.

Setting ELASTICSEARCH_URL while SEARCH_BACKEND keeps its default chooses Elasticsearch, so one
variable switches a deployment over (compose.yaml).
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from search.backends.base import Hit, SearchBackend, SearchDocument

__all__ = ["Hit", "SearchBackend", "SearchDocument", "get_search_backend", "index_backends"]

DATABASE_BACKEND = "search.backends.database.DatabaseSearchBackend"
ELASTICSEARCH_BACKEND = "search.backends.elasticsearch.ElasticsearchSearchBackend"


@cache
def _backend(path: str) -> SearchBackend:
    return import_string(path)()


def backend_path() -> str:
    path = settings.SEARCH_BACKEND
    if path == DATABASE_BACKEND and getattr(settings, "ELASTICSEARCH_URL", ""):
        return ELASTICSEARCH_BACKEND
    return path


def get_search_backend() -> SearchBackend:
    return _backend(backend_path())


def index_backends() -> list[SearchBackend]:
    """Every backend an index change goes to: the fallback first, then the one serving."""
    backend = get_search_backend()
    return [backend.fallback, backend] if backend.fallback is not None else [backend]
