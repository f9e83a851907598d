"""Read-only JSON API of the calendar: occurrences in a window, with the page's filters."""

from __future__ import annotations

import datetime

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from directory.api.pagination import Pagination
from directory.api.schema import filter_parameters
from events.api.serializers import (
    CALENDAR_DATE_PATTERN,
    EARLIEST,
    LATEST,
    OccurrenceSerializer,
    WindowSerializer,
)
from events.filters import EventFilter
from events.recurrence import aware
from events.services import find_events, occurrences_between
from search.listing import InvalidFilter

CALENDAR_DATE = {"type": "string", "format": "date", "pattern": CALENDAR_DATE_PATTERN}


@extend_schema(
    parameters=[
        OpenApiParameter(
            "from",
            CALENDAR_DATE,
            description=f"erster Tag (Standard: heute), {EARLIEST} bis {LATEST}",
        ),
        OpenApiParameter(
            "to",
            CALENDAR_DATE,
            description=f"letzter Tag (höchstens 366 Tage nach dem ersten), bis {LATEST}",
        ),
        *filter_parameters(EventFilter),
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
