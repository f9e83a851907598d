"""Which kinds of objects are searchable, and how each becomes a SearchDocument.

Apps register their kinds in AppConfig.ready(); the index is kept in step by their signal
handlers (signals only keep indexes in sync) and rebuilt by `manage.py rebuild_index`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db.models import Model, QuerySet

from search.backends import SearchDocument, get_search_backend


@dataclass(frozen=True)
class Indexable:
    kind: str
    queryset: Callable[[], QuerySet]
    document: Callable[[Model], SearchDocument]


_kinds: dict[str, Indexable] = {}
_deferred: ContextVar[set[tuple[str, str]] | None] = ContextVar("deferred", default=None)


def register(kind: str, *, queryset: Callable[[], QuerySet], document: Callable) -> None:
    _kinds[kind] = Indexable(kind=kind, queryset=queryset, document=document)


def kinds() -> list[str]:
    return list(_kinds)


def update(kind: str, object_id: object) -> None:
    """Bring one object's document up to date, or drop it when the object is gone."""
    pending = _deferred.get()
    if pending is not None:
        pending.add((kind, str(object_id)))
        return
    indexable = _kinds[kind]
    obj = indexable.queryset().filter(pk=object_id).first()
    if obj is None:
        get_search_backend().delete(kind, [str(object_id)])
    else:
        get_search_backend().index([indexable.document(obj)])


@contextmanager
def deferred() -> Iterator[None]:
    """Collect updates and apply each once at the end (bulk loads, saves with many children)."""
    if _deferred.get() is not None:
        yield
        return
    pending: set[tuple[str, str]] = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    for kind, object_id in sorted(pending):
        update(kind, object_id)


def rebuild(kind: str | None = None, *, batch_size: int = 200) -> int:
    """Replace the index of one kind, or of all, from the database; returns the count."""
    backend = get_search_backend()
    count = 0
    for indexable in [_kinds[kind]] if kind else list(_kinds.values()):
        backend.clear(indexable.kind)
        batch: list[SearchDocument] = []
        for obj in indexable.queryset().iterator(chunk_size=batch_size):
            batch.append(indexable.document(obj))
            if len(batch) >= batch_size:
                backend.index(batch)
                count += len(batch)
                batch = []
        backend.index(batch)
        count += len(batch)
    return count
