"""The JSON shape of the calendar: occurrences, each naming its event by iCal UID and slug."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from events.recurrence import Occurrence

MAX_WINDOW = datetime.timedelta(days=366)
DEFAULT_WINDOW = datetime.timedelta(days=90)
# The calendar's years: dates far beyond them cannot hold an event, would overflow date arithmetic
# at the ends of Python's calendar, and make recurring events expand over centuries.
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)
# Exactly the dates from EARLIEST to LATEST written YYYY-MM-DD, for the OpenAPI schema.
CALENDAR_DATE_PATTERN = (
    r"^(20[0-9]{2}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
    r"|02-(0[1-9]|1[0-9]|2[0-8]))|20(0[048]|[2468][048]|[13579][26])-02-29)$"
)
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class CalendarDateField(serializers.DateField):
    """A date written YYYY-MM-DD, nothing looser, as the schema's pattern says."""

    def to_internal_value(self, value: object) -> datetime.date:
        if not isinstance(value, str) or not ISO_DATE.match(value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)


class WindowSerializer(serializers.Serializer):
    """?from=&to= as dates (YYYY-MM-DD); from defaults to today, to to 90 days later."""

    from_ = CalendarDateField(required=False, help_text=_("erster Tag (JJJJ-MM-TT)"))
    to = CalendarDateField(required=False, help_text=_("letzter Tag, einschließlich"))

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def get_fields(self):
        """ "from" is a Python keyword, so the field is declared as from_ and renamed here."""
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields

    def validate(self, attrs: dict) -> dict:
        outside = {
            name: [
                _("Das Datum muss zwischen %(earliest)s und %(latest)s liegen.")
                % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
            ]
            for name in ("from", "to")
            if name in attrs and not EARLIEST <= attrs[name] <= LATEST
        }
        if outside:
            raise serializers.ValidationError(outside)
        since = attrs.get("from") or (attrs["to"] - DEFAULT_WINDOW if "to" in attrs else self.today)
        until = attrs.get("to") or since + DEFAULT_WINDOW
        if until < since:
            raise serializers.ValidationError({"to": [_("„to“ darf nicht vor „from“ liegen.")]})
        if until - since > MAX_WINDOW:
            raise serializers.ValidationError(
                {"to": [_("Der Zeitraum darf höchstens 366 Tage umfassen.")]}
            )
        return {"from": since, "to": until}


class OccurrenceActorSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class OccurrenceSerializer(serializers.Serializer):
    uid = serializers.CharField(source="event.uid")
    slug = serializers.CharField(source="event.slug")
    title = serializers.CharField(source="event.title")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    all_day = serializers.BooleanField(source="is_all_day")
    status = serializers.CharField()
    note = serializers.CharField()
    place = serializers.CharField(source="event.place")
    online = serializers.BooleanField(source="event.is_online")
    actor = OccurrenceActorSerializer(source="event.actor")
    url = serializers.SerializerMethodField()

    def get_url(self, occurrence: Occurrence) -> str:
        request = self.context.get("request")
        path = occurrence.event.get_absolute_url()
        return request.build_absolute_uri(path) if request else path
