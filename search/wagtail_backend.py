"""Wagtail's search backend for the portal: pages are found in our index, the one index of pages.

Pages are a search kind of ours (search.pages), kept in step by its signal
handlers and rebuilt by `manage.py search_index rebuild`. The admin's page search, the page
chooser and `Page.objects.search()` are answered from that index here, so the admin finds the
pages /search/ finds, with the same analysis (umlauts, stems, synonyms, prefixes) and ranking;
Wagtail's own index is not written for pages at all. Every other model Wagtail indexes (images,
documents, users, snippets) goes on to Wagtail's database backend as before.

The admin may filter and order the pages it asks for; the ids found are applied to its queryset,
so its permissions and filters hold. `fields` and `operator` are not ours to choose: every word
is matched in title and text, all words if any page has them all, else any word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from django.db.models import Model, QuerySet
from modelsearch.backends import database
from modelsearch.backends.base import BaseIndex, BaseSearchResults, EmptySearchResults
from modelsearch.query import Boost, MatchAll, Not, SearchQuery
from wagtail.models import Page

from search import registry
from search.backends import get_search_backend

# More pages than any portal has; a search that finds more shows the best this many.
MAX_PAGES = 2000


class PagesInOurIndex(BaseIndex):
    """Stands for our index where Wagtail would write pages: it writes nothing."""

    def get_key(self) -> str:
        return "search.pages"

    def add_model(self, model: type[Model]) -> None:
        pass

    def refresh(self) -> None:
        pass

    def reset(self) -> None:
        pass

    def add_item(self, obj: Model) -> None:
        pass

    def add_items(self, model: type[Model], items: Sequence[Model]) -> None:
        pass

    def delete_item(self, item: Model) -> None:
        pass


def _words(query: str | SearchQuery) -> str:
    """The words of a query Wagtail may have parsed (quoted phrases, filters taken out); ours
    finds pages by words, so a negated word is dropped rather than searched for."""
    if isinstance(query, str):
        return query
    if isinstance(query, MatchAll | Not):
        return ""
    if isinstance(query, Boost):
        return _words(query.subquery)
    if hasattr(query, "subqueries"):
        return " ".join(_words(part) for part in query.subqueries)
    return getattr(query, "query_string", "")


class _Rebuilder:
    """`rebuild_modelsearch_index` rebuilds Wagtail's index of the other models only."""

    def __init__(self, inner: type | None, index: BaseIndex) -> None:
        self.index = index
        self.inner = None if isinstance(index, PagesInOurIndex) or inner is None else inner(index)

    def start(self) -> BaseIndex:
        return self.index if self.inner is None else self.inner.start()

    def finish(self) -> None:
        if self.inner is not None:
            self.inner.finish()


class _Query:
    """What BaseSearchResults keeps of a search: the admin's queryset and the words."""

    def __init__(self, queryset: QuerySet, query: str, kind: str, by_relevance: bool) -> None:
        self.queryset = queryset
        self.query = query
        self.kind = kind
        self.by_relevance = by_relevance


class PageResults(BaseSearchResults):
    def _ranked(self) -> list[tuple[int, float]]:
        """(page id, score) of every hit the admin's queryset allows, best first or in the
        queryset's order."""
        if getattr(self, "_ranked_cache", None) is None:
            compiler: _Query = self.query_compiler
            hits = get_search_backend().search(
                compiler.query, kinds=[compiler.kind], public_only=False, limit=MAX_PAGES
            )
            scores = {int(hit.object_id): hit.score for hit in hits}
            allowed = compiler.queryset.filter(pk__in=scores).values_list("pk", flat=True)
            if compiler.by_relevance:
                allowed_ids = set(allowed.order_by())
                ids = [pk for pk in scores if pk in allowed_ids]
            else:
                ids = list(allowed)
            self._ranked_cache = [(pk, scores[pk]) for pk in ids]
        return self._ranked_cache

    def _do_search(self) -> Iterator[Model]:
        window = self._ranked()[self.start : self.stop]
        objects = self.query_compiler.queryset.in_bulk([pk for pk, _score in window])
        for pk, score in window:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            yield obj

    def _do_count(self) -> int:
        return len(self._ranked()[self.start : self.stop])


class SearchBackend:
    """WAGTAILSEARCH_BACKENDS["default"]: pages from our index, the rest from Wagtail's."""

    def __init__(self, params: dict[str, Any]) -> None:
        self.others = database.SearchBackend(params)
        self.rebuilder_class = (
            partial(_Rebuilder, self.others.rebuilder_class)
            if self.others.rebuilder_class
            else None
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self.others, name)

    @staticmethod
    def _kind(model: type[Model]) -> str | None:
        return registry.kind_for_model(model) if issubclass(model, Page) else None

    def get_index_for_model(self, model: type[Model]) -> BaseIndex:
        if self._kind(model):
            return PagesInOurIndex(self)
        return self.others.get_index_for_model(model)

    def get_index_for_object(self, obj: Model) -> BaseIndex:
        return self.get_index_for_model(obj._meta.model)

    def add(self, obj: Model) -> None:
        if not self._kind(type(obj)):
            self.others.add(obj)

    def add_bulk(self, model: type[Model], obj_list: Sequence[Model]) -> None:
        if not self._kind(model):
            self.others.add_bulk(model, obj_list)

    def delete(self, obj: Model) -> None:
        if not self._kind(type(obj)):
            self.others.delete(obj)

    def _pages(
        self,
        query: str | SearchQuery,
        model_or_queryset: type[Model] | QuerySet,
        order_by_relevance: bool,
    ) -> BaseSearchResults | None:
        queryset = (
            model_or_queryset
            if isinstance(model_or_queryset, QuerySet)
            else model_or_queryset._default_manager.all()
        )
        kind = self._kind(queryset.model)
        if kind is None:
            return None
        words = _words(query).strip()
        if not words:
            return EmptySearchResults()
        return PageResults(self, _Query(queryset, words, kind, order_by_relevance))

    def search(
        self,
        query: str | SearchQuery,
        model_or_queryset: type[Model] | QuerySet,
        fields: Sequence[str] | None = None,
        operator: str | None = None,
        order_by_relevance: bool = True,
    ) -> BaseSearchResults:
        return self._answer(
            "search", query, model_or_queryset, fields, operator, order_by_relevance
        )

    def autocomplete(
        self,
        query: str | SearchQuery,
        model_or_queryset: type[Model] | QuerySet,
        fields: Sequence[str] | None = None,
        operator: str | None = None,
        order_by_relevance: bool = True,
    ) -> BaseSearchResults:
        """Our index matches every word as the start of a word already."""
        return self._answer(
            "autocomplete", query, model_or_queryset, fields, operator, order_by_relevance
        )

    def _answer(
        self,
        method: str,
        query: str | SearchQuery,
        model_or_queryset: type[Model] | QuerySet,
        fields: Sequence[str] | None,
        operator: str | None,
        order_by_relevance: bool,
    ) -> BaseSearchResults:
        """Pages from our index; anything else from Wagtail's own backend, asked the same way."""
        found = self._pages(query, model_or_queryset, order_by_relevance)
        if found is not None:
            return found
        return getattr(self.others, method)(
            query,
            model_or_queryset,
            fields=fields,
            operator=operator,
            order_by_relevance=order_by_relevance,
        )
