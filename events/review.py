"""Events go through the profile review (/my/review/): how they are shown, approved, returned.

An event change is a ProfileChange pointing at a revision of the event (network.profiles keeps
the queue). The published event stays as it is until staff approve; approving bumps the
event's SEQUENCE, so that subscribed calendars take the new version.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event
from network import audit
from network.diff import Row, Section
from network.models import Membership, ProfileChange
from network.permissions import User
from network.profiles import Reviewable
from portal.html import html_to_text
from portal.mail import send_after_commit

OPEN_STATUSES = (ProfileChange.Status.PENDING, ProfileChange.Status.RETURNED)


def event_changes(event: Event) -> QuerySet[ProfileChange]:
    return ProfileChange.objects.filter(
        revision__base_content_type=ContentType.objects.get_for_model(Event),
        revision__object_id=str(event.pk),
    )


def open_event_change(event: Event) -> ProfileChange | None:
    """The proposal still being worked on: undecided or sent back, and nothing saved after it."""
    change = (
        event_changes(event)
        .select_related("revision", "decided_by")
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if change is None or change.status not in OPEN_STATUSES:
        return None
    return change if change.revision_id == event.latest_revision_id else None


def version_to_edit(event: Event) -> Event:
    """The open proposal when there is one, so that a second edit builds on the first."""
    change = open_event_change(event)
    return change.revision.as_object() if change is not None else event


def bump_sequence_if_republished(event: Event) -> None:
    """Every published change after the first publication tells calendars to update.

    Wagtail sets first_published_at once and last_published_at on every publication, so the
    two differ exactly when a published event was published again.
    """
    if event.first_published_at is not None and event.last_published_at != event.first_published_at:
        Event.objects.filter(pk=event.pk).update(sequence=F("sequence") + 1)
        event.refresh_from_db(fields=["sequence"])


def _terms(values) -> str:
    return ", ".join(sorted(str(value) for value in values))


def _rows(event: Event) -> list[Row]:
    return [
        Row(str(_("Titel")), "", event.title),
        Row(str(_("Mitveranstalter")), "", _terms(event.co_organisers.all())),
        Row(str(_("Beschreibung")), "", html_to_text(event.description)),
        Row(str(_("Bild")), "", event.image.name if event.image else ""),
        Row(str(_("Datum")), "", f"{event.start_date:%d.%m.%Y}"),
        Row(str(_("Beginn")), "", f"{event.start_time:%H:%M}" if event.start_time else ""),
        Row(str(_("Enddatum")), "", f"{event.end_date:%d.%m.%Y}" if event.end_date else ""),
        Row(str(_("Ende")), "", f"{event.end_time:%H:%M}" if event.end_time else ""),
        Row(str(_("Wiederholung")), "", event.get_frequency_display()),
        Row(
            str(_("wiederholen bis")),
            "",
            f"{event.repeat_until:%d.%m.%Y}" if event.repeat_until else "",
        ),
        Row(str(_("Anzahl der Termine")), "", str(event.repeat_count or "")),
        Row(str(_("Ort")), "", f"{event.get_location_kind_display()}: {event.place}"),
        Row(str(_("Gemeinde")), "", str(event.municipality or "")),
        Row(str(_("Link zur Online-Veranstaltung")), "", event.online_url),
        Row(str(_("Themen")), "", _terms(event.topics.all())),
        Row(str(_("Zielgruppen")), "", _terms(event.target_groups.all())),
        Row(str(_("Sprachen")), "", _terms(event.languages.all())),
        Row(str(_("Kosten")), "", str(_("kostenlos")) if event.is_free else event.cost_note),
        Row(
            str(_("Anmeldung")), "", f"{event.get_registration_display()} {event.registration_link}"
        ),
        Row(str(_("Plätze")), "", str(event.capacity or "")),
        Row(str(_("Status")), "", f"{event.get_status_display()} {event.status_note}".strip()),
        Row(
            str(_("Ausnahmen")),
            "",
            "\n".join(
                f"{exception} {exception.new_date or ''} {exception.note}".strip()
                for exception in event.exceptions.all()
            ),
        ),
    ]


def event_sections(published: Event | None, proposed: Event) -> list[Section]:
    """Field by field: what the public sees now against the proposal."""
    old = _rows(published) if published is not None else None
    rows = [
        Row(row.label, old[index].new if old else "", row.new)
        for index, row in enumerate(_rows(proposed))
    ]
    return [Section(str(_("Veranstaltung")), rows)]


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _owner_addresses(event: Event) -> list[str]:
    return list(
        Membership.objects.filter(
            actor=event.actor, role=Membership.Role.OWNER, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def event_approved(change: ProfileChange, event: Event, acting_user: User) -> None:
    bump_sequence_if_republished(event)
    audit.record(
        "event.approved",
        user=acting_user,
        actor=event.actor,
        obj=event,
        change=change.pk,
        revision=change.revision_id,
        sequence=event.sequence,
    )
    send_after_commit(
        to=[change.submitted_by.email if change.submitted_by else "", *_owner_addresses(event)],
        subject=_("Freigegeben: %(event)s im Veranstaltungskalender") % {"event": event.title},
        template="events/email/event_approved.txt",
        context={
            "event": event,
            "public_link": _absolute(event.get_absolute_url()),
            "link": _absolute(reverse("my_events:list", kwargs={"actor_slug": event.actor.slug})),
        },
    )


def event_returned(change: ProfileChange, event: Event, acting_user: User) -> None:
    audit.record(
        "event.returned",
        user=acting_user,
        actor=event.actor,
        obj=event,
        change=change.pk,
        revision=change.revision_id,
        comment=change.comment,
    )
    send_after_commit(
        to=[change.submitted_by.email if change.submitted_by else ""],
        subject=_("Rückfrage zu Ihrer Veranstaltung %(event)s") % {"event": event.title},
        template="events/email/event_returned.txt",
        context={
            "event": event,
            "change": change,
            "link": _absolute(
                reverse("my_events:edit", kwargs={"actor_slug": event.actor.slug, "pk": event.pk})
            ),
        },
    )


EVENT_REVIEW = Reviewable(
    label=gettext_lazy("Veranstaltung"),
    sections=event_sections,
    approved=event_approved,
    returned=event_returned,
)
