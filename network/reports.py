"""Visitors tell that a public profile is out of date; its editors and the intake zone hear of it.

The note is the cheapest way for the public to keep the directory right: no account, one text
field. It reaches the actor's editors by mail (they know and fix the details) and waits in the
intake zone's review queue until staff mark it done (they follow up when the editors do not).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network import audit
from network.models import Actor, Membership, OutdatedReport
from network.permissions import User, is_intake_staff
from portal.mail import send_after_commit
from portal.transactions import retrying


class AlreadyResolved(Exception):
    """Somebody else marked the note done meanwhile."""


def editor_addresses(actor: Actor) -> list[str]:
    """Owners and editors who keep the profile; without any, the actor's own address."""
    addresses = sorted(
        {
            address
            for address in Membership.objects.filter(
                actor=actor,
                role__in=[Membership.Role.OWNER, Membership.Role.EDITOR],
                user__is_active=True,
            ).values_list("user__email", flat=True)
            if address
        }
    )
    return addresses or ([actor.email] if actor.email else [])


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@retrying
def report_outdated(*, actor: Actor, message: str, acting_user: User | None) -> OutdatedReport:
    """Keep the visitor's note and tell the editors once it is stored.

    The mail is written in the portal's language: the editors read German, whatever language
    the visitor's page was in; the visitor's own words go along as written.
    """
    message = message.strip()
    if not message:
        raise ValueError("an outdated report needs a message")
    with transaction.atomic():
        report = OutdatedReport.objects.create(actor=actor, message=message)
        audit.record("profile.reported_outdated", user=acting_user, actor=actor, obj=report)
        with translation.override(settings.LANGUAGE_CODE):
            send_after_commit(
                to=editor_addresses(actor),
                subject=_("Hinweis auf veraltete Angaben: %(actor)s") % {"actor": actor.name},
                template="network/email/outdated_report.txt",
                context={
                    "actor": actor,
                    "report": report,
                    "edit_link": _absolute(reverse("my:actor_edit", kwargs={"slug": actor.slug})),
                    "public_link": _absolute(actor.get_absolute_url()),
                },
            )
    return report


def open_reports() -> QuerySet[OutdatedReport]:
    """The notes still waiting, oldest first, as the review queue serves changes."""
    return OutdatedReport.objects.filter(status=OutdatedReport.Status.OPEN).select_related("actor")


@retrying
def resolve_report(*, report: OutdatedReport, acting_user: User) -> OutdatedReport:
    """The intake zone has seen to the note: it leaves the queue."""
    if not is_intake_staff(acting_user):
        raise PermissionDenied
    with transaction.atomic():
        report = OutdatedReport.objects.select_for_update().get(pk=report.pk)
        if report.status != OutdatedReport.Status.OPEN:
            raise AlreadyResolved
        report.status = OutdatedReport.Status.RESOLVED
        report.resolved_by = acting_user
        report.resolved_at = timezone.now()
        report.save(update_fields=["status", "resolved_by", "resolved_at"])
        audit.record("profile.report_resolved", user=acting_user, actor=report.actor, obj=report)
    return report
