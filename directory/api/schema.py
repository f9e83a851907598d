"""OpenAPI parameters read off a FilterSet, so the documented filters are the ones applied."""

from __future__ import annotations

from collections.abc import Iterator

import django_filters
from django.db import DatabaseError
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter


class LiveChoices:
    """The values a model-choice filter accepts (vocabulary slugs, language codes, actors),
    read from the database each time the schema is generated, not when the view is imported:
    a client, or a fuzzer, then knows which values are valid, and every other one is a 400."""

    def __init__(self, queryset: QuerySet, field: str, *, blank: bool = False) -> None:
        self.queryset = queryset
        self.field = field
        self.blank = blank

    def __iter__(self) -> Iterator[str]:
        blank = [""] if self.blank else []
        try:
            return iter(
                blank
                + list(self.queryset.all().order_by(self.field).values_list(self.field, flat=True))
            )
        except DatabaseError:
            return iter(blank)

    def __bool__(self) -> bool:
        # `manage.py check --deploy` generates the schema before any migration has run: there
        # the values are unknown and the parameter is documented without them.
        try:
            return self.queryset.all().exists()
        except DatabaseError:
            return False


def _enum(declared: django_filters.Filter) -> list | LiveChoices | None:
    # A single choice left empty is not given (as the directory's form sends its select's first
    # option), so "" is among the values it accepts; a multiple choice refuses it.
    blank = isinstance(declared, django_filters.ChoiceFilter)
    choices = declared.extra.get("choices")
    if isinstance(choices, list | tuple):
        values = [value for value, _label in choices]
        return ["", *values] if blank and "" not in values else values
    queryset = declared.extra.get("queryset")
    if isinstance(queryset, QuerySet):
        field = declared.extra.get("to_field_name") or "pk"
        return LiveChoices(queryset, field, blank=blank)
    return None


def _type(declared: django_filters.Filter) -> OpenApiTypes | dict:
    if isinstance(declared, django_filters.BooleanFilter):
        return OpenApiTypes.BOOL
    if isinstance(declared, django_filters.NumberFilter):
        # A number, within the bounds the filter checks (coordinates: latitude, longitude).
        schema: dict = {"type": "number"}
        for bound, key in (("min_value", "minimum"), ("max_value", "maximum")):
            if declared.extra.get(bound) is not None:
                schema[key] = declared.extra[bound]
        return schema
    return OpenApiTypes.STR


def filter_parameters(filterset: type[django_filters.FilterSet]) -> list[OpenApiParameter]:
    parameters = []
    for name, declared in filterset.base_filters.items():
        many = isinstance(declared, django_filters.MultipleChoiceFilter)
        parameters.append(
            OpenApiParameter(
                name,
                _type(declared),
                many=many,
                enum=_enum(declared),
                description=str(declared.label or name),
            )
        )
    return parameters
