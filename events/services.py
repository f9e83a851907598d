"""Everything the calendar does: keeping events, finding occurrences, and reading the filters.

A member's event is saved as a revision. Trusted actors' events (and those staff enter) are
published at once; the others wait in the profile review (events.review). Every change runs in
a transaction and leaves an audit entry.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Hashable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.actions.unpublish import UnpublishAction

from events.filters import EventFilter
from events.models import Event, EventException, EventQuerySet
from events.page_cache import EVENTS
from events.permissions import publishes_without_review, visible_events
from events.recurrence import Occurrence, first_occurrences, occurrences
from events.review import bump_sequence_if_republished, open_event_change
from events.search import EVENT_KIND
from network import audit
from network.models import Actor, ProfileChange
from network.page_cache import ACTORS, VOCABULARIES
from network.permissions import User, can_edit_actor
from network.slugs import german_slug
from portal.images import keep_pending
from portal.site_cache import remembered
from portal.transactions import retrying
from portal.translations import prefetch_translations
from search.listing import Listing, find


@dataclass(frozen=True)
class Submission:
    event: Event
    change: ProfileChange | None  # None when published at once

    @property
    def published(self) -> bool:
        return self.change is None


def unique_slug(title: str, start: datetime.date) -> str:
    """Title and first date: readable, and two "Sprachcafé" events never collide."""
    base = f"{german_slug(title)[:180] or 'veranstaltung'}-{start:%Y-%m-%d}"
    slug, number = base, 1
    while Event.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@retrying
def submit_event(
    *, event: Event, image: UploadedFile | None = None, acting_user: User
) -> Submission:
    """Save a new or changed event; publish it at once when its actor is trusted.

    `event` is the version the form assembled in memory (terms and exceptions included). For an
    event already published, the public keeps seeing the published version until this one is
    approved.
    """
    if not can_edit_actor(acting_user, event.actor):
        raise PermissionDenied
    is_new = event.pk is None
    with transaction.atomic():
        if is_new:
            event.slug = unique_slug(event.title, event.start_date)
            event.live = False
            event.has_unpublished_changes = True
            event.created_by = acting_user if acting_user.is_authenticated else None
        else:
            # Serialise changes of one event, so that exactly one proposal stays pending.
            Event.objects.select_for_update().only("pk").get(pk=event.pk)
        if image is not None:
            # Stored now, privately until the event is published: the revision records the name.
            event.image = keep_pending(image, "events")
        if is_new:
            event.save()
            audit.record("event.created", user=acting_user, actor=event.actor, obj=event)
        revision = event.save_revision(user=acting_user, log_action=True)
        pending = ProfileChange.objects.filter(
            revision__base_content_type=ContentType.objects.get_for_model(Event),
            revision__object_id=str(event.pk),
            status=ProfileChange.Status.PENDING,
        )
        superseded = [str(pk) for pk in pending.values_list("pk", flat=True)]
        pending.update(status=ProfileChange.Status.SUPERSEDED)
        if publishes_without_review(acting_user, event.actor):
            revision.publish(user=acting_user, skip_permission_checks=True)
            event.refresh_from_db()
            bump_sequence_if_republished(event)
            audit.record(
                "event.published",
                user=acting_user,
                actor=event.actor,
                obj=event,
                revision=revision.pk,
                sequence=event.sequence,
                superseded=superseded,
            )
            return Submission(event, None)
        change = ProfileChange.objects.create(
            actor=event.actor, revision=revision, submitted_by=acting_user
        )
        audit.record(
            "event.submitted",
            user=acting_user,
            actor=event.actor,
            obj=event,
            change=change.pk,
            revision=revision.pk,
            superseded=superseded,
        )
    return Submission(event, change)


@retrying
def withdraw_event(*, event: Event, acting_user: User) -> Event:
    """Take an event off the public calendar (drafts and proposals are kept)."""
    if not can_edit_actor(acting_user, event.actor):
        raise PermissionDenied
    with transaction.atomic():
        if event.live:
            # The portal's own rule (can_edit_actor) decides, not the Wagtail admin's groups.
            UnpublishAction(event, user=acting_user).execute(skip_permission_checks=True)
        audit.record("event.withdrawn", user=acting_user, actor=event.actor, obj=event)
    return event


@dataclass(frozen=True)
class MemberEvent:
    event: Event
    change: ProfileChange | None

    @property
    def state(self) -> str:
        if self.change is not None:
            return self.change.status
        return "published" if self.event.live else "draft"


def events_of_actor(actor: Actor) -> list[MemberEvent]:
    """The actor's events for its members, newest first, each with its open proposal."""
    events = actor.events.order_by("-start_date", "-pk")
    return [MemberEvent(event, open_event_change(event)) for event in events]


def with_relations(events: QuerySet[Event]) -> EventQuerySet:
    return events.select_related("actor", "location", "municipality").prefetch_related(
        "topics", "languages", "target_groups", "exceptions"
    )


def event_listing(params: QueryDict, *, user: User | None = None) -> Listing:
    """The published events matching the filters and the search words, with the validated
    filters for the page's form.

    Raises InvalidFilter with the reasons when a parameter names an unknown value.
    """
    return find(
        filter_class=EventFilter,
        params=params,
        base=visible_events(user),
        kind=EVENT_KIND,
        default_sort="start",
        ordering=lambda sort: ["start_date", "start_time", "pk"],
    )


def listed_events(listing: Listing) -> QuerySet[Event]:
    return with_relations(Event.objects.filter(pk__in=listing.ids))


def find_events(params: QueryDict, *, user: User | None = None) -> QuerySet[Event]:
    return listed_events(event_listing(params, user=user))


def in_window(
    events: QuerySet[Event], since: datetime.datetime, until: datetime.datetime
) -> QuerySet[Event]:
    """A cheap first cut in the database: events that cannot reach into the window are out."""
    since_day = since.astimezone(timezone.get_current_timezone()).date()
    return events.filter(start_date__lte=until.date()).filter(
        Q(frequency="once", start_date__gte=since_day - datetime.timedelta(days=31))
        | ~Q(frequency="once") & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=since_day))
    )


def occurrences_between(
    events: QuerySet[Event],
    since: datetime.datetime,
    until: datetime.datetime,
    *,
    include_cancelled_dates: bool = True,
) -> list[Occurrence]:
    """All occurrences of the events overlapping [since, until), in time order; the events that
    occur are then loaded with their relations, in a fixed number of queries."""
    candidates = _without_relations(in_window(events, since, until))
    return with_relations_of(_expanded(candidates, since, until, include_cancelled_dates))


# What a calendar line shows of an event (title, link, times, rhythm, status, organiser, place)
# and what its dates are computed from; the rest of the row, and of the actor's, stays unread.
CALENDAR_FIELDS = (
    "title",
    "slug",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "frequency",
    "repeat_until",
    "repeat_count",
    "status",
    "location_kind",
    "venue",
    "street",
    "postcode",
    "town",
    "actor__name",
    "location__name",
    "location__street",
    "location__postcode",
    "location__town",
)


def calendar_occurrences(
    listing: Listing, since: datetime.datetime, until: datetime.datetime
) -> list[Occurrence]:
    """The occurrences of the listed events in [since, until) as the calendar pages show them,
    cancelled dates marked: each event is loaded once, with the organiser and the place its
    line names and none of the terms the API adds, in two queries whatever the window."""
    candidates = in_window(Event.objects.filter(pk__in=listing.ids), since, until)
    loaded = candidates.select_related("actor", "location").only(*CALENDAR_FIELDS)
    return _expanded(loaded, since, until, True)


def _expanded(
    candidates: QuerySet[Event],
    since: datetime.datetime,
    until: datetime.datetime,
    include_cancelled_dates: bool,
) -> list[Occurrence]:
    exceptions = _exceptions_of(candidates)
    found: list[Occurrence] = []
    for event in candidates:
        found += occurrences(
            event,
            since,
            until,
            exceptions=exceptions.get(event.pk, []),
            include_cancelled_dates=include_cancelled_dates,
        )
    found.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return found


def _without_relations(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.select_related(None).prefetch_related(None)


def _exceptions_of(events: QuerySet[Event]) -> dict[int, list[EventException]]:
    """The events' exceptions in one query (the recurrence needs nothing else of them)."""
    found: dict[int, list[EventException]] = {}
    for exception in EventException.objects.filter(event__in=events.values("pk")):
        found.setdefault(exception.event_id, []).append(exception)
    return found


def upcoming(
    events: QuerySet[Event],
    *,
    now: datetime.datetime | None = None,
    days: int = 60,
    limit: int,
    key: Hashable | None = None,
) -> list[Occurrence]:
    """The next `limit` occurrences of the events within `days`, in a fixed number of queries.

    The rules are merged lazily and stop at the limit; only the events shown are then loaded
    with their relations and their translations in the visitor's language. A full list is the
    same for everybody until an event, actor or term changes or one of its dates starts or ends:
    each process keeps it that long (portal.site_cache), per query and language. `key` names
    the query where the caller knows it; otherwise its SQL does, compiled on every call.
    """
    now = now or timezone.now()
    if key is None:
        sql, params = events.query.sql_with_params()
        key = (sql, tuple(map(str, params)))
    return remembered(
        None,
        "upcoming-events",
        (key, days, limit, get_language()),
        (EVENTS, ACTORS, VOCABULARIES),
        lambda: _upcoming(events, now, days, limit),
        until=lambda found: _unchanged_until(found, now, limit),
    )


def _upcoming(
    events: QuerySet[Event], now: datetime.datetime, days: int, limit: int
) -> list[Occurrence]:
    until = now + datetime.timedelta(days=days)
    candidates = _without_relations(in_window(events, now, until))
    exceptions = _exceptions_of(candidates)
    found = with_relations_of(
        first_occurrences(list(candidates), now, until, limit=limit, exceptions_of=exceptions)
    )
    prefetch_translations(occurrence.event for occurrence in found)  # their titles, one query
    return found


def _unchanged_until(
    found: list[Occurrence], now: datetime.datetime, limit: int
) -> datetime.datetime | None:
    """Until the first shown date starts or ends, the list reads the same; a list shorter than
    the limit may grow as the window moves on, so it is not kept at all."""
    if len(found) < limit:
        return now
    return min(
        occurrence.start if occurrence.start > now else occurrence.end for occurrence in found
    )


def with_relations_of(found: list[Occurrence]) -> list[Occurrence]:
    """The occurrences with their events loaded with what a list shows, for these events only."""
    if not found:
        return found
    loaded = with_relations(Event.objects.filter(pk__in={o.event.pk for o in found})).in_bulk()
    return [
        dataclasses.replace(occurrence, event=loaded[occurrence.event.pk]) for occurrence in found
    ]
