"""OpenAPI parameters read off a FilterSet, so the documented filters are the ones applied."""

from __future__ import annotations

import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter


def filter_parameters(filterset: type[django_filters.FilterSet]) -> list[OpenApiParameter]:
    parameters = []
    for name, declared in filterset.base_filters.items():
        many = isinstance(declared, django_filters.MultipleChoiceFilter)
        choices = declared.extra.get("choices")
        enum = [value for value, _label in choices] if isinstance(choices, list | tuple) else None
        parameters.append(
            OpenApiParameter(
                name,
                OpenApiTypes.BOOL
                if isinstance(declared, django_filters.BooleanFilter)
                else OpenApiTypes.STR,
                many=many,
                enum=enum,
                description=str(declared.label or name),
            )
        )
    return parameters
