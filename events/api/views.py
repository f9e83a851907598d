"""Read-only JSON API of the calendar: occurrences in a window, with the page's filters."""

from __future__ import annotations

import datetime

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.pagination import Pagination
from events.api.serializers import OccurrenceSerializer, WindowSerializer
from events.recurrence import aware
from events.services import find_events, occurrences_between
from search.listing import InvalidFilter

FILTERS = ("topic", "language", "municipality", "actor", "target_group")


@extend_schema(
    parameters=[
        OpenApiParameter("from", OpenApiTypes.DATE, description="erster Tag (Standard: heute)"),
        OpenApiParameter("to", OpenApiTypes.DATE, description="letzter Tag (höchstens 366 Tage)"),
        OpenApiParameter("q", OpenApiTypes.STR),
        *(OpenApiParameter(name, OpenApiTypes.STR, many=True) for name in FILTERS),
    ]
)
class OccurrenceListView(ListAPIView):
    """Occurrences as calendars compute them from the feed: cancelled single dates left out."""

    serializer_class = OccurrenceSerializer
    pagination_class = Pagination

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        window = WindowSerializer(data=request.query_params, today=timezone.localdate())
        window.is_valid(raise_exception=True)
        since = aware(datetime.datetime.combine(window.validated_data["from"], datetime.time()))
        until = aware(
            datetime.datetime.combine(
                window.validated_data["to"] + datetime.timedelta(days=1), datetime.time()
            )
        )
        try:
            events = find_events(request.query_params, user=request.user)
        except InvalidFilter as invalid:
            raise ValidationError(invalid.errors) from invalid
        found = occurrences_between(events, since, until, include_cancelled_dates=False)
        page = self.paginate_queryset(found)
        data = self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)
