"""Which kinds of objects are searchable, how each becomes a SearchDocument and how it is shown.

Apps register their kinds in AppConfig.ready(), one call per kind; the index is kept in step by
their signal handlers (signals only keep indexes in sync) and rebuilt by
`manage.py search_index rebuild`.

Writes follow the transaction of the change: the database index is written inside it (it rolls
back with it), an external index such as Elasticsearch only once it has committed, from the
committed rows. The database index is written even when Elasticsearch serves the queries, so
that it can answer whenever Elasticsearch cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice

from django.db import transaction
from django.db.models import Model, QuerySet

from search.backends import SearchBackend, SearchDocument, index_backends
from search.translations import translated_texts, translations, with_translations


@dataclass(frozen=True)
class Indexable:
    kind: str
    queryset: Callable[[], QuerySet]
    document: Callable[[Model], SearchDocument]
    explicit_label: str | None = None
    # Hits of a kind whose text is also indexed with another hit (an offer with its actor)
    # follow every other hit in the list of all kinds, so that many same-named ones
    # ("Hausaufgabenhilfe" at a dozen actors) do not push the rest off the first page.
    follows_others: bool = False

    @property
    def label(self) -> str:
        """How a hit of this kind is labelled; the model's name unless told otherwise."""
        return self.explicit_label or self.queryset().model._meta.verbose_name


_kinds: dict[str, Indexable] = {}
_deferred: ContextVar[set[tuple[str, str]] | None] = ContextVar("deferred", default=None)


def register(
    kind: str,
    *,
    queryset: Callable[[], QuerySet],
    document: Callable,
    label: str | None = None,
    follows_others: bool = False,
) -> None:
    _kinds[kind] = Indexable(
        kind=kind,
        queryset=queryset,
        document=document,
        explicit_label=label,
        follows_others=follows_others,
    )


def kinds() -> list[str]:
    return list(_kinds)


def get(kind: str) -> Indexable:
    return _kinds[kind]


def kind_for_model(model: type[Model]) -> str | None:
    """The kind whose objects are of `model` or one of its ancestors (a page type: "page")."""
    for indexable in _kinds.values():
        if issubclass(model, indexable.queryset().model):
            return indexable.kind
    return None


def follows_others(kind: str) -> bool:
    """Whether hits of the kind go after the others in a list of every kind."""
    return kind in _kinds and _kinds[kind].follows_others


def _write(backend: SearchBackend, keys: list[tuple[str, str]]) -> None:
    """Documents of the objects that exist, in one batch; the others are dropped."""
    documents: list[SearchDocument] = []
    gone: dict[str, list[str]] = {}
    for kind, object_id in keys:
        indexable = _kinds[kind]
        obj = indexable.queryset().filter(pk=object_id).first()
        if obj is None:
            gone.setdefault(kind, []).append(object_id)
        else:
            documents.append(with_translations(indexable.document(obj), obj))
    for kind, object_ids in gone.items():
        backend.delete(kind, object_ids)
    if documents:
        backend.index(documents)


def _apply(keys: list[tuple[str, str]]) -> None:
    from search import spelling

    spelling.vocabulary_changed()
    for backend in index_backends():
        if backend.transactional:
            _write(backend, keys)
        else:
            transaction.on_commit(partial(_write, backend, keys), robust=True)


def update(kind: str, object_id: object) -> None:
    """Bring one object's document up to date, or drop it when the object is gone."""
    pending = _deferred.get()
    if pending is not None:
        pending.add((kind, str(object_id)))
        return
    _apply([(kind, str(object_id))])


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
    if pending:
        _apply(sorted(pending))


def count(kind: str | None = None) -> int:
    """How many objects a rebuild of one kind, or of all, will read."""
    return sum(indexable.queryset().count() for indexable in _selected(kind))


def _selected(kind: str | None) -> list[Indexable]:
    return [_kinds[kind]] if kind else list(_kinds.values())


def documents(kind: str | None = None, *, batch_size: int = 500) -> Iterable[SearchDocument]:
    """Every document of the kinds, with their objects' translations read once per batch."""
    for indexable in _selected(kind):
        objects = indexable.queryset().iterator(chunk_size=batch_size)
        while batch := list(islice(objects, batch_size)):
            model = batch[0]._meta.model
            texts = translated_texts(model, [obj.pk for obj in batch])
            for obj in batch:
                document = indexable.document(obj)
                if not document.translations and texts.get(obj.pk):
                    document = replace(
                        document, translations=translations(type(obj), texts[obj.pk])
                    )
                yield document


def rebuild(
    kind: str | None = None,
    *,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Replace the index of one kind, or of all, from the database in every index backend;
    returns the number of documents. `progress` hears how many documents each batch held."""
    written = 0
    selected = [indexable.kind for indexable in _selected(kind)]
    for backend in index_backends():
        written = backend.rebuild(
            documents(kind, batch_size=batch_size),
            kinds=selected,
            batch_size=batch_size,
            progress=progress,
        )
    from search import spelling

    spelling.vocabulary_changed()
    return written
