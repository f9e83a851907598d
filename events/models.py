"""The network's events: one actor organises, the public finds them in lists and calendars.

Times are kept as local wall-clock dates and times in Europe/Berlin, not as instants: a weekly
language café at 18:00 stays at 18:00 across the change to summer time, which is what RFC 5545
means by a DTSTART with a TZID. Events are Wagtail snippets with drafts and revisions like
actors, so that a change proposed by a member is kept apart from the published event until staff
approve it (events.review); their children (cancelled or moved single dates) and terms are part
of each revision.
"""

from __future__ import annotations

import datetime
import uuid
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin

from network.models import Actor, Language, Location, Municipality, TargetGroup, Topic
from portal.html import sanitize_html

BERLIN = ZoneInfo("Europe/Berlin")
UID_DOMAIN = "integrationsnetzwerk-burgenlandkreis.de"
# A timed event without an end is shown (and exported) as lasting this long.
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def new_uid() -> str:
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


class LocationKind(models.TextChoices):
    ACTOR_LOCATION = "actor_location", _("an einem unserer Standorte")
    ADDRESS = "address", _("an einer anderen Adresse")
    ONLINE = "online", _("online")


class Registration(models.TextChoices):
    NONE = "none", _("keine Anmeldung nötig")
    LINK = "link", _("Anmeldung über einen Link")
    EMAIL = "email", _("Anmeldung per E-Mail")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("findet statt")
    CANCELLED = "cancelled", pgettext_lazy("event status", "abgesagt")
    MOVED = "moved", _("verschoben")


class Frequency(models.TextChoices):
    ONCE = "once", _("einmalig")
    WEEKLY = "weekly", _("jede Woche")
    BIWEEKLY = "biweekly", _("alle zwei Wochen")
    MONTHLY_WEEKDAY = "monthly_weekday", _("jeden Monat am selben Wochentag (z. B. 1. Montag)")
    MONTHLY_LAST_WEEKDAY = (
        "monthly_last_weekday",
        _("jeden Monat am letzten Wochentag (z. B. letzter Freitag)"),
    )


RRULE_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class EventQuerySet(models.QuerySet["Event"]):
    def published(self) -> EventQuerySet:
        """The approved version of events whose actor is published too."""
        return self.filter(live=True, actor__live=True)


class Event(DraftStateMixin, RevisionMixin, ClusterableModel):
    """An event of one actor, once or recurring (RFC 5545 VEVENT)."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="events", verbose_name=_("Veranstalter")
    )
    co_organisers = ParentalManyToManyField(
        Actor,
        related_name="co_organised_events",
        blank=True,
        verbose_name=_("Mitveranstalter"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=220, unique=True)
    uid = models.CharField(_("iCal-UID"), max_length=200, unique=True, default=new_uid)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Absätze, Listen, Links und Hervorhebungen")
    )
    start_date = models.DateField(_("Datum"))
    start_time = models.TimeField(
        _("Beginn"), null=True, blank=True, help_text=_("leer lassen für ganztägig")
    )
    end_date = models.DateField(
        _("Enddatum"), null=True, blank=True, help_text=_("nur bei mehrtägigen Veranstaltungen")
    )
    end_time = models.TimeField(_("Ende"), null=True, blank=True)
    location_kind = models.CharField(
        _("Ort"), max_length=20, choices=LocationKind.choices, default=LocationKind.ACTOR_LOCATION
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Standort"),
    )
    venue = models.CharField(_("Veranstaltungsort"), max_length=200, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Gemeinde"),
    )
    online_url = models.URLField(_("Link zur Online-Veranstaltung"), blank=True)
    topics = ParentalManyToManyField(Topic, related_name="events", blank=True)
    target_groups = ParentalManyToManyField(TargetGroup, related_name="events", blank=True)
    languages = ParentalManyToManyField(
        Language, related_name="events", blank=True, verbose_name=_("gesprochene Sprachen")
    )
    is_free = models.BooleanField(_("kostenlos"), default=True)
    cost_note = models.CharField(_("Kosten"), max_length=200, blank=True)
    registration = models.CharField(
        _("Anmeldung"), max_length=10, choices=Registration.choices, default=Registration.NONE
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    registration_email = models.EmailField(_("E-Mail für die Anmeldung"), blank=True)
    capacity = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
    )
    image = models.ImageField(_("Bild"), upload_to="events/", blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("Hinweis zum Status"),
        max_length=300,
        blank=True,
        help_text=_("z. B. der neue Termin einer verschobenen Veranstaltung"),
    )
    frequency = models.CharField(
        _("Wiederholung"), max_length=30, choices=Frequency.choices, default=Frequency.ONCE
    )
    repeat_until = models.DateField(_("wiederholen bis"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("Anzahl der Termine"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    sequence = models.PositiveIntegerField(
        _("iCal-Sequenz"), default=0, help_text=_("wird bei jeder veröffentlichten Änderung erhöht")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "start_time", "pk"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        # The calendar's first cut (events.services.in_window): published events by their first
        # date, and series by the day they end.
        indexes = [
            models.Index(fields=["live", "start_date"], name="events_live_start"),
            models.Index(fields=["frequency", "repeat_until"], name="events_series_until"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="events_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(repeat_until__isnull=True) | Q(repeat_count__isnull=True),
                name="events_event_until_or_count",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.description = sanitize_html(self.description)
        if self.location_kind == LocationKind.ACTOR_LOCATION and self.location is not None:
            self.municipality_id = self.location.municipality_id
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def with_content_json(self, content: dict) -> Event:
        """A revision as an object, with the calendar identity of the row as it is now.

        UID and SEQUENCE belong to the published series, not to the proposal: a revision saved
        before the last publication must not set SEQUENCE back.
        """
        obj = super().with_content_json(content)
        obj.uid = self.uid
        obj.sequence = self.sequence
        obj.slug = self.slug
        return obj

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        elif (
            self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("Das Ende muss nach dem Beginn liegen.")
        if self.repeat_until and self.repeat_count:
            errors["repeat_count"] = _(
                "Bitte geben Sie ein Enddatum oder eine Anzahl an, nicht beides."
            )
        if self.frequency == Frequency.MONTHLY_WEEKDAY and self.start_date.day > 28:
            errors["start_date"] = _(
                "Für „jeden Monat am selben Wochentag“ bitte einen Termin bis zum 28. wählen, "
                "oder „am letzten Wochentag“."
            )
        is_last = (self.start_date + datetime.timedelta(days=7)).month != self.start_date.month
        if self.frequency == Frequency.MONTHLY_LAST_WEEKDAY and not is_last:
            errors["start_date"] = _(
                "Der erste Termin muss der letzte dieses Wochentags im Monat sein."
            )
        if self.repeat_until and self.repeat_until < self.start_date:
            errors["repeat_until"] = _("Die Wiederholung darf nicht vor dem ersten Termin enden.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    @property
    def is_recurring(self) -> bool:
        return self.frequency != Frequency.ONCE

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_online(self) -> bool:
        return self.location_kind == LocationKind.ONLINE

    def local_start(self) -> datetime.datetime:
        """The first start as a naive wall-clock time in Berlin (midnight for all-day events)."""
        return datetime.datetime.combine(self.start_date, self.start_time or datetime.time())

    def duration(self) -> datetime.timedelta:
        """Wall-clock length; all-day events last whole days, the end day included."""
        end_date = self.end_date or self.start_date
        if self.is_all_day:
            return datetime.timedelta(days=(end_date - self.start_date).days + 1)
        if self.end_time is None:
            return DEFAULT_LENGTH
        return datetime.datetime.combine(end_date, self.end_time) - self.local_start()

    def rrule(self) -> str:
        """The RFC 5545 RRULE value (without "RRULE:"), or "" for a single event."""
        if not self.is_recurring:
            return ""
        weekday = RRULE_WEEKDAYS[self.start_date.weekday()]
        parts = {
            Frequency.WEEKLY: ["FREQ=WEEKLY"],
            Frequency.BIWEEKLY: ["FREQ=WEEKLY", "INTERVAL=2"],
            Frequency.MONTHLY_WEEKDAY: [
                "FREQ=MONTHLY",
                f"BYDAY={(self.start_date.day - 1) // 7 + 1}{weekday}",
            ],
            Frequency.MONTHLY_LAST_WEEKDAY: ["FREQ=MONTHLY", f"BYDAY=-1{weekday}"],
        }[Frequency(self.frequency)]
        if self.repeat_count:
            parts.append(f"COUNT={self.repeat_count}")
        elif self.repeat_until:
            parts.append(f"UNTIL={self.until_utc():%Y%m%dT%H%M%SZ}")
        return ";".join(parts)

    def until_utc(self) -> datetime.datetime:
        """UNTIL must be UTC when DTSTART has a TZID (RFC 5545 3.3.10): the last day's end."""
        last = datetime.datetime.combine(self.repeat_until, datetime.time(23, 59, 59))
        return last.replace(tzinfo=BERLIN).astimezone(datetime.UTC)

    @property
    def place(self) -> str:
        """The place in one line, as lists and calendars show it."""
        if self.is_online:
            return str(_("online"))
        if self.location_kind == LocationKind.ACTOR_LOCATION and self.location is not None:
            name = self.location.name
            return f"{name}, {self.location.address}" if name else self.location.address
        address = f"{self.street}, {self.postcode} {self.town}".strip(", ")
        return f"{self.venue}, {address}" if self.venue else address

    @property
    def osm_url(self) -> str:
        if self.is_online:
            return ""
        if self.location_kind == LocationKind.ACTOR_LOCATION and self.location is not None:
            return self.location.osm_url
        return f"https://www.openstreetmap.org/search?query={quote(self.place)}"

    @property
    def registration_link(self) -> str:
        if self.registration == Registration.LINK:
            return self.registration_url
        if self.registration == Registration.EMAIL and self.registration_email:
            return f"mailto:{self.registration_email}"
        return ""


class ExceptionKind(models.TextChoices):
    CANCELLED = "cancelled", _("fällt aus")
    MOVED = "moved", _("verlegt")


class EventException(Orderable):
    """One date of a recurring event cancelled (EXDATE) or moved (RECURRENCE-ID)."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="exceptions")
    original_date = models.DateField(_("ursprünglicher Termin"))
    kind = models.CharField(
        _("Änderung"), max_length=20, choices=ExceptionKind.choices, default=ExceptionKind.CANCELLED
    )
    new_date = models.DateField(_("neues Datum"), null=True, blank=True)
    new_start_time = models.TimeField(_("neuer Beginn"), null=True, blank=True)
    new_end_time = models.TimeField(_("neues Ende"), null=True, blank=True)
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Ausnahme")
        verbose_name_plural = _("Ausnahmen")

    def __str__(self) -> str:
        return f"{self.original_date:%d.%m.%Y} {self.get_kind_display()}"

    def clean(self) -> None:
        if self.kind == ExceptionKind.MOVED and self.new_date is None:
            raise ValidationError({"new_date": _("Bitte geben Sie das neue Datum an.")})
