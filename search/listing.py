"""Finding objects for a list page and its API: text search, filters, ordering and facet counts.

The directory and the needs board list different things the same way: the search backend says
which objects match the words (ranked), django-filter narrows by the filters, and facet counts
tell for each filter value how many results choosing it would give, with all other filters
applied. The work is a fixed number of queries, whatever the number of objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, Exists, Model, Q, QuerySet
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal import site_cache
from search.backends import get_search_backend

RELEVANCE = "relevance"


def term_filter(
    label: str, path: str, model: type[Model], *, key: str = "slug", distinct: bool = True
) -> django_filters.ModelMultipleChoiceFilter:
    """A multi-value filter by a vocabulary's slug (or code), shown as checkboxes.

    `path` leads from the listed object to the term; `distinct` is needed where it crosses a
    many-valued relation, so that an object matching two chosen values is listed once.
    """
    return django_filters.ModelMultipleChoiceFilter(
        label=label,
        field_name=f"{path}__{key}",
        to_field_name=key,
        queryset=model._default_manager.all(),
        distinct=distinct,
        widget=forms.CheckboxSelectMultiple,
    )


YES_VALUES = frozenset({"true", "1", "on"})
NO_VALUES = frozenset({"false", "0"})


class YesNoField(forms.Field):
    """A yes/no query parameter read strictly: a value that is neither yes nor no is an error.

    Django's checkbox widget and NullBooleanField read "0", "null" or "foo" as a choice; here only
    true, 1 and on (what a checked box sends) mean yes, false and 0 mean no, absent means either.
    """

    widget = forms.TextInput
    default_error_messages = {
        "invalid": _("„%(value)s“ ist kein Ja/Nein-Wert; erlaubt sind true, false, 1, 0 und on."),
    }

    def to_python(self, value: object) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in YES_VALUES:
            return True
        if text in NO_VALUES:
            return False
        raise ValidationError(
            self.error_messages["invalid"], code="invalid", params={"value": str(value)[:40]}
        )


class YesNoFilter(django_filters.BooleanFilter):
    """A yes/no filter (a BooleanFilter, so the API schema documents it as a boolean)."""

    field_class = YesNoField

    def ticked(self, given: dict[str, object]) -> Q | Exists | None:
        """The condition on one listed object that ticking this box adds to the filters
        `given`, for the facet counts; None where ticking it changes how other filters read
        (then the counts apply the filters anew). A plain field filter is its own condition;
        a filter with a method or an exclusion says it in a subclass."""
        if self.method is not None or self.exclude:
            return None
        return Q(**{f"{self.field_name}__{self.lookup_expr}": True})

    def members(self, given: dict[str, object]) -> frozenset[int] | None:
        """The ids of all objects that ticking this box keeps beside the filters `given`,
        where the filter knows them without a query (kept per process); else None."""
        return None


class InvalidFilter(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid filter")
        self.errors = errors


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class ChoiceFacet:
    """A filter over a field with fixed choices (kind, commitment)."""

    name: str
    field: str
    choices: Sequence[tuple[str, object]]


@dataclass(frozen=True)
class TermFacet:
    """A filter over a vocabulary; `path` leads from the term to the listed objects.

    `kinds`: the page cache's kinds (portal/pagecache.py) whose changes renew which objects
    carry which term; given, each process keeps the terms and their objects under those kinds'
    tokens (portal.site_cache) and counts the facet over the filtered ids in Python where no
    other filter narrows it differently, instead of a grouped query per facet and request.
    """

    name: str
    model: type[Model]
    path: str
    key: str = "slug"
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class YesNoFacet:
    """A yes/no filter shown as one checkbox with its count; facets sharing a group share a box."""

    name: str
    group: str | Promise = ""


Facet = ChoiceFacet | TermFacet | YesNoFacet


@dataclass(frozen=True)
class FacetGroup:
    """What a list page shows of its facets: checkboxes per value, or yes/no boxes in groups."""

    name: str
    label: str
    values: list[FacetValue]


def facet_groups(
    facets: Sequence[Facet], listing: Listing
) -> tuple[list[FacetGroup], list[tuple[str, list[FacetGroup]]]]:
    """The page's facets in declaration order: value lists, and yes/no boxes by group."""
    labels = {name: str(declared.label) for name, declared in listing.filterset.filters.items()}
    lists: list[FacetGroup] = []
    boxes: dict[str, list[FacetGroup]] = {}
    for facet in facets:
        group = FacetGroup(facet.name, labels[facet.name], listing.facets.get(facet.name, []))
        if isinstance(facet, YesNoFacet):
            boxes.setdefault(str(facet.group), []).append(group)
        else:
            lists.append(group)
    return lists, list(boxes.items())


@dataclass
class Listing:
    filterset: django_filters.FilterSet
    ids: list[int]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: str = ""
    sort: str = ""

    @property
    def count(self) -> int:
        return len(self.ids)


def _validated(
    filter_class: type[django_filters.FilterSet], params: QueryDict, queryset: QuerySet
) -> django_filters.FilterSet:
    filterset = filter_class(params, queryset=queryset)
    if not filterset.is_valid():
        raise InvalidFilter({name: list(errors) for name, errors in filterset.errors.items()})
    return filterset


def _without(params: QueryDict, name: str) -> QueryDict:
    reduced = params.copy()
    reduced.pop(name, None)
    return reduced


def find(
    *,
    filter_class: type[django_filters.FilterSet],
    params: QueryDict,
    base: QuerySet,
    kind: str,
    default_sort: str,
    ordering: Callable[[str], Sequence[object]],
    facets: Sequence[Facet] = (),
) -> Listing:
    """Ids of the objects matching the parameters, in display order, with facet counts.

    Raises InvalidFilter with the reasons when a parameter names an unknown value.
    """
    filterset = _validated(filter_class, params, base)
    query = (filterset.form.cleaned_data.get("q") or "").strip()
    sort = filterset.form.cleaned_data.get("sort") or (RELEVANCE if query else default_sort)
    if query:
        hits = get_search_backend().search(query, kinds=[kind], public_only=True)
        ranked = [int(hit.object_id) for hit in hits]
        base = base.filter(pk__in=ranked)
        filterset = _validated(filter_class, params, base)
    if query and sort == RELEVANCE:
        matching = set(filterset.qs.values_list("pk", flat=True))
        ids = [pk for pk in ranked if pk in matching]
    else:
        ids = list(filterset.qs.order_by(*ordering(sort)).values_list("pk", flat=True))
    counts = _facet_counts(base, filterset, facets, ids) if facets else {}
    return Listing(filterset=filterset, ids=ids, facets=counts, query=query, sort=sort)


def _filtered(filterset: django_filters.FilterSet, base: QuerySet, cleaned: dict) -> QuerySet:
    """`base` narrowed by the filterset's filters with other values, without validating again.

    The parameters were validated once (vocabulary values looked up once); each facet's count
    needs the same filters with one of them left out or ticked, so the filters are applied with
    those values directly. Filter methods that read other filters' values (open now and walk-in)
    see the same values while they run.
    """
    form = filterset.form
    validated = form.cleaned_data
    form.cleaned_data = cleaned
    try:
        queryset = base.all()
        for name, value in cleaned.items():
            queryset = filterset.filters[name].filter(queryset, value)
    finally:
        form.cleaned_data = validated
    return queryset


def _is_given(value: object) -> bool:
    """A cleaned value that narrows the list: "no" and 0 do, an empty choice does not."""
    return value is not None and (isinstance(value, bool | int | float | Decimal) or bool(value))


def _facet_counts(
    base: QuerySet,
    filterset: django_filters.FilterSet,
    facets: Sequence[Facet],
    ids: Sequence[int] | None = None,
) -> dict[str, list[FacetValue]]:
    """Counts per value given every other filter, so each value says what choosing it yields:
    one grouped query per facet, whatever the number of filters given."""
    cleaned = filterset.form.cleaned_data
    given = {key: value for key, value in cleaned.items() if _is_given(value)}
    narrowed: dict[frozenset[str], QuerySet] = {}

    def others(name: str) -> QuerySet:
        """The objects every other given filter lets through; facets not given share one."""
        rest = frozenset(given) - {name}
        if rest not in narrowed:
            narrowed[rest] = _filtered(filterset, base, {key: given[key] for key in rest}).values(
                "pk"
            )
        return narrowed[rest]

    counts: dict[str, list[FacetValue]] = _yes_no_counts(
        base, filterset, [f for f in facets if isinstance(f, YesNoFacet)], ids
    )
    for facet in facets:
        if isinstance(facet, YesNoFacet):
            continue
        chosen = {getattr(value, "slug", value) for value in cleaned.get(facet.name) or []}
        if isinstance(facet, ChoiceFacet):
            per_value = dict(
                others(facet.name)
                .order_by()
                .values_list(facet.field)
                .annotate(count=Count("pk", distinct=True))
            )
            counts[facet.name] = [
                FacetValue(value, str(label), per_value.get(value, 0), value in chosen)
                for value, label in facet.choices
            ]
        elif facet.kinds and ids is not None and facet.name not in given and site_cache.enabled():
            # Not given, so every other given filter is the filtered set itself: `ids`.
            matching = frozenset(ids)
            counts[facet.name] = [
                FacetValue(key, label, len(holders & matching), key in chosen)
                for key, label, holders in _term_holders(facet)
            ]
        else:
            terms = facet.model._default_manager.annotate(
                count=Count(
                    facet.path,
                    filter=Q(**{f"{facet.path}__in": others(facet.name)}),
                    distinct=True,
                )
            )
            counts[facet.name] = [
                FacetValue(
                    getattr(term, facet.key),
                    str(term),
                    term.count,
                    getattr(term, facet.key) in chosen,
                )
                for term in terms
            ]
    return counts


# A grouped query has no Meta ordering: SQLite grouped the terms along their key's unique index,
# PostgreSQL by primary key. The pages keep that order, so their markup stays as it was.
_GROUPED_ORDER = {"sqlite": ("{key}",), "postgresql": ("pk",)}


def _term_holders(facet: TermFacet) -> list[tuple[str, str, frozenset[int]]]:
    """(key, label, ids of the objects carrying it) per term in the order the grouped count
    query it replaced gave them (`_GROUPED_ORDER`), two queries, kept per process while the
    facet's kinds are unchanged."""

    def read() -> list[tuple[str, str, frozenset[int]]]:
        holders: dict[object, set[int]] = {}
        for key, holder in facet.model._default_manager.values_list(facet.key, facet.path):
            if holder is not None:
                holders.setdefault(key, set()).add(holder)
        return [
            (
                getattr(term, facet.key),
                str(term),
                frozenset(holders.get(getattr(term, facet.key), ())),
            )
            for term in facet.model._default_manager.order_by(
                *(
                    part.format(key=facet.key)
                    for part in _GROUPED_ORDER.get(connection.vendor, ("pk",))
                )
            )
        ]

    return site_cache.remembered(
        None, "facet-terms", (facet.model, facet.path, facet.key), facet.kinds, read
    )


def _yes_no_counts(
    base: QuerySet,
    filterset: django_filters.FilterSet,
    facets: Sequence[YesNoFacet],
    ids: Sequence[int] | None = None,
) -> dict[str, list[FacetValue]]:
    """For each yes/no facet, how many results ticking it gives, in one query for all of them.

    A box not ticked counts the filtered set's objects that meet its condition, a ticked one
    the filtered set itself: one subquery of the filtered set and one condition per box, which
    the database counts in one pass (building the filters anew for every box, each a subquery
    of its own, was most of the directory's facet time). Where a box ticked "no", or a box
    whose condition depends on another given one, asks for more, every box is counted over
    the filters applied anew with it ticked.
    """
    if not facets:
        return {}
    cleaned = filterset.form.cleaned_data
    given = {key: value for key, value in cleaned.items() if _is_given(value)}
    if ids is not None:
        # `ids` are the filtered set's: where every box knows its objects, no query at all.
        found = _yes_no_members(filterset, facets, given, ids)
        if found is not None:
            return _yes_no_values(filterset, facets, found)
    conditions: dict[str, Q | Exists | None] = {}
    for facet in facets:
        value = given.get(facet.name)
        if value is True:
            conditions[facet.name] = None  # its count is the filtered set's
        elif value is None:
            condition = filterset.filters[facet.name].ticked(given)
            if condition is None:
                break
            conditions[facet.name] = condition
        else:
            break
    else:
        matching = _filtered(filterset, base, given).values("pk")
        totals = (
            base.model._default_manager.filter(pk__in=matching)
            .order_by()
            .aggregate(
                **{
                    name: Count("pk") if condition is None else Count("pk", filter=condition)
                    for name, condition in conditions.items()
                }
            )
        )
        return _yes_no_values(filterset, facets, totals)

    def ticked(name: str) -> QuerySet:
        return _filtered(filterset, base, {**given, name: True}).values("pk")

    totals = base.model._default_manager.aggregate(
        **{
            facet.name: Count("pk", filter=Q(pk__in=ticked(facet.name)), distinct=True)
            for facet in facets
        }
    )
    return _yes_no_values(filterset, facets, totals)


def _yes_no_members(
    filterset: django_filters.FilterSet,
    facets: Sequence[YesNoFacet],
    given: dict[str, object],
    ids: Sequence[int],
) -> dict[str, int] | None:
    """The counts as set operations on the filtered ids, or None where a box cannot say."""
    matching = frozenset(ids)
    totals: dict[str, int] = {}
    for facet in facets:
        value = given.get(facet.name)
        if value is True:
            totals[facet.name] = len(matching)
            continue
        members = filterset.filters[facet.name].members(given) if value is None else None
        if members is None:
            return None
        totals[facet.name] = len(matching & members)
    return totals


def _yes_no_values(
    filterset: django_filters.FilterSet, facets: Sequence[YesNoFacet], totals: dict[str, int]
) -> dict[str, list[FacetValue]]:
    cleaned = filterset.form.cleaned_data
    return {
        facet.name: [
            FacetValue(
                "1",
                str(filterset.filters[facet.name].label),
                totals[facet.name],
                cleaned.get(facet.name) is True,
            )
        ]
        for facet in facets
    }
