"""Self-service profiles: members propose, agency staff review, the public sees what was approved.

A proposal is a Wagtail revision of the actor (children included) plus a ProfileChange that
tracks its review. The live rows, which the directory shows, change only when staff publish the
revision, so a member's typo or a spammer's link never reaches the public unchecked.

Other apps put their own revisioned objects (events) through the same queue: a ProfileChange
then points at a revision of that object, and the app registers a Reviewable that knows how to
show the difference and whom to tell about the decision.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network import audit
from network.diff import Section, diff_actors
from network.models import STALE_AFTER, Actor, Membership, ProfileChange
from network.permissions import User, can_edit_actor, can_review_profiles, is_signed_in
from network.slugs import german_slug
from portal.images import keep_pending
from portal.mail import send_after_commit
from portal.transactions import retrying

REMIND_EVERY = datetime.timedelta(days=30)
OPEN_STATUSES = (ProfileChange.Status.PENDING, ProfileChange.Status.RETURNED)


class StaleChange(Exception):
    """The change was decided already or a newer version exists: deciding it would undo work."""


@dataclass(frozen=True)
class Reviewable:
    """How another app's revisioned objects go through the profile review.

    `sections` compares the published object (None when never published) with the proposal;
    `approved` and `returned` run inside the decision's transaction, after the generic part
    (publishing, status), for the app's own audit entry, bookkeeping and mail.
    """

    label: str
    sections: Callable[[models.Model | None, models.Model], list[Section]]
    approved: Callable[[ProfileChange, models.Model, User], None]
    returned: Callable[[ProfileChange, models.Model, User], None]


_reviewables: dict[type[models.Model], Reviewable] = {}


def register_reviewable(model: type[models.Model], reviewable: Reviewable) -> None:
    _reviewables[model] = reviewable


def reviewable_of(change: ProfileChange) -> Reviewable | None:
    """None for a profile change; the registered Reviewable for another app's object."""
    model = change.revision.base_content_type.model_class()
    return None if model is Actor else _reviewables.get(model)


def review_subject(change: ProfileChange) -> models.Model:
    """The object the proposal would change: the actor, or e.g. one of its events."""
    return change.actor if reviewable_of(change) is None else change.revision.content_object


@dataclass(frozen=True)
class ReviewItem:
    change: ProfileChange
    kind: str
    title: str


def review_item(change: ProfileChange) -> ReviewItem:
    reviewable = reviewable_of(change)
    if reviewable is None:
        kind = _("neuer Akteur") if change.is_new_actor else _("Änderung")
        return ReviewItem(change, str(kind), change.actor.name)
    return ReviewItem(change, str(reviewable.label), change.revision.object_str)


def _profile_changes(changes: QuerySet[ProfileChange]) -> QuerySet[ProfileChange]:
    """Changes of actor profiles only, not of other objects reviewed in the same queue."""
    return changes.filter(revision__base_content_type=ContentType.objects.get_for_model(Actor))


class ProfileState(models.TextChoices):
    PUBLISHED = "published", gettext_lazy("veröffentlicht")
    DRAFT = "draft", gettext_lazy("Entwurf, nicht öffentlich")
    PENDING = "pending", gettext_lazy("Änderung wartet auf Prüfung")
    RETURNED = "returned", gettext_lazy("zurückgegeben mit Kommentar")


@dataclass(frozen=True)
class ProfileStatus:
    actor: Actor
    change: ProfileChange | None  # the open proposal, if any

    @property
    def state(self) -> ProfileState:
        if self.change is not None:
            return ProfileState(self.change.status)
        return ProfileState.PUBLISHED if self.actor.live else ProfileState.DRAFT

    def version_to_edit(self) -> Actor:
        """The open proposal when there is one, so that a second edit builds on the first."""
        return self.change.revision.as_object() if self.change is not None else self.actor


def _is_open(change: ProfileChange, actor: Actor) -> bool:
    """Still the proposal to work on: undecided or sent back, and nothing saved after it."""
    return change.status in OPEN_STATUSES and change.revision_id == actor.latest_revision_id


def open_change(actor: Actor) -> ProfileChange | None:
    change = (
        _profile_changes(actor.changes.all())
        .select_related("revision", "submitted_by", "decided_by")
        .order_by("-submitted_at", "-pk")
        .first()
    )
    return change if change is not None and _is_open(change, actor) else None


def profile_status(actor: Actor) -> ProfileStatus:
    return ProfileStatus(actor, open_change(actor))


def profile_statuses(actors: QuerySet[Actor]) -> list[ProfileStatus]:
    """Each actor with its open proposal, in two queries however many actors a person has."""
    latest = (
        _profile_changes(ProfileChange.objects.filter(actor=OuterRef("pk")))
        .order_by("-submitted_at", "-pk")
        .values("pk")[:1]
    )
    annotated = list(actors.annotate(latest_change_id=Subquery(latest)).order_by("name"))
    changes = ProfileChange.objects.select_related("decided_by").in_bulk(
        [actor.latest_change_id for actor in annotated if actor.latest_change_id]
    )
    statuses = []
    for actor in annotated:
        change = changes.get(actor.latest_change_id)
        statuses.append(
            ProfileStatus(actor, change if change and _is_open(change, actor) else None)
        )
    return statuses


def recent_changes(actor: Actor, *, limit: int = 10) -> QuerySet[ProfileChange]:
    return (
        _profile_changes(actor.changes.all())
        .select_related("submitted_by", "decided_by")
        .order_by("-submitted_at", "-pk")[:limit]
    )


def pending_changes() -> QuerySet[ProfileChange]:
    """The review queue, oldest first: whoever waited longest is served first."""
    return (
        ProfileChange.objects.filter(status=ProfileChange.Status.PENDING)
        .select_related("actor", "submitted_by", "revision__base_content_type")
        .order_by("submitted_at", "pk")
    )


def is_current(change: ProfileChange) -> bool:
    return change.status == ProfileChange.Status.PENDING and (
        change.revision_id == review_subject(change).latest_revision_id
    )


def review_sections(change: ProfileChange) -> list[Section]:
    """The proposal against what the public sees now (nothing, for an object never approved)."""
    subject = review_subject(change)
    published = subject if subject.live else None
    reviewable = reviewable_of(change)
    if reviewable is not None:
        return reviewable.sections(published, change.revision.as_object())
    return diff_actors(published, change.revision.as_object())


def _unique_slug(name: str) -> str:
    base = german_slug(name)[:190] or "akteur"
    slug, number = base, 1
    # "new" is taken by /my/actors/new/ itself.
    while slug == "new" or Actor.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@retrying
def submit_change(
    *, actor: Actor, logo: UploadedFile | None = None, acting_user: User
) -> ProfileChange:
    """Keep a proposed version of the profile for review, leaving the published one untouched.

    `actor` is the proposed version as the form assembled it in memory (children and terms
    included); without a primary key it is a new actor, saved unpublished with its proposer as
    owner. Older undecided proposals of the same actor are superseded: they would be undone by
    approving this one anyway.
    """
    is_new = actor.pk is None
    if not (is_signed_in(acting_user) if is_new else can_edit_actor(acting_user, actor)):
        raise PermissionDenied
    with transaction.atomic():
        if is_new:
            actor.slug = _unique_slug(actor.name)
            actor.live = False
            actor.has_unpublished_changes = True
        else:
            # Serialise proposals of one actor, so that exactly one stays pending.
            Actor.objects.select_for_update().only("pk").get(pk=actor.pk)
        if logo is not None:
            # Stored now, privately until the profile is published: the revision records the name.
            actor.logo = keep_pending(logo, "logos")
        if is_new:
            actor.save()
            membership = Membership.objects.create(
                user=acting_user, actor=actor, role=Membership.Role.OWNER
            )
            audit.record("actor.created", user=acting_user, actor=actor, obj=actor)
            audit.record(
                "membership.created",
                user=acting_user,
                actor=actor,
                obj=membership,
                role=membership.role,
            )
        revision = actor.save_revision(user=acting_user, log_action=True)
        superseded = _profile_changes(
            ProfileChange.objects.filter(actor=actor, status=ProfileChange.Status.PENDING)
        )
        superseded_ids = [str(pk) for pk in superseded.values_list("pk", flat=True)]
        superseded.update(status=ProfileChange.Status.SUPERSEDED)
        change = ProfileChange.objects.create(
            actor=actor, revision=revision, is_new_actor=is_new, submitted_by=acting_user
        )
        audit.record(
            "profile.submitted",
            user=acting_user,
            actor=actor,
            obj=change,
            revision=revision.pk,
            new_actor=is_new,
            superseded=superseded_ids,
        )
    return change


def _lock_for_decision(change: ProfileChange) -> ProfileChange:
    return (
        ProfileChange.objects.select_for_update(of=("self", "actor"))
        .select_related("actor", "revision", "submitted_by")
        .get(pk=change.pk)
    )


def _owner_addresses(actor: Actor) -> list[str]:
    return list(
        Membership.objects.filter(
            actor=actor, role=Membership.Role.OWNER, user__is_active=True
        ).values_list("user__email", flat=True)
    )


@retrying
def approve_change(*, change: ProfileChange, acting_user: User) -> ProfileChange:
    """Publish the proposal: the directory shows it from now on, and it counts as confirmed."""
    if not can_review_profiles(acting_user):
        raise PermissionDenied
    with transaction.atomic():
        change = _lock_for_decision(change)
        actor = change.actor
        if not is_current(change):
            raise StaleChange
        reviewable = reviewable_of(change)
        subject = review_subject(change)
        # Staff's own settings are not the member's to change, whatever the revision recorded.
        reminded_at, trusted = actor.last_reminded_at, actor.is_trusted
        # The portal's own rule (can_review_profiles) decides, not the Wagtail admin's groups.
        change.revision.publish(user=acting_user, skip_permission_checks=True)
        change.status = ProfileChange.Status.APPROVED
        change.decided_by = acting_user
        change.decided_at = timezone.now()
        change.save(update_fields=["status", "decided_by", "decided_at"])
        if reviewable is not None:
            subject.refresh_from_db()
            reviewable.approved(change, subject, acting_user)
            return change
        actor.refresh_from_db()
        actor.last_confirmed_at = timezone.now()
        actor.last_reminded_at = reminded_at
        actor.is_trusted = trusted
        actor.save(update_fields=["last_confirmed_at", "last_reminded_at", "is_trusted"])
        audit.record(
            "profile.approved",
            user=acting_user,
            actor=actor,
            obj=change,
            revision=change.revision_id,
            new_actor=change.is_new_actor,
        )
        submitter = change.submitted_by.email if change.submitted_by else ""
        send_after_commit(
            to=[submitter, *_owner_addresses(actor)],
            subject=_("Freigegeben: %(actor)s im Integrationsnetzwerk Burgenlandkreis")
            % {"actor": actor.name},
            template="network/email/change_approved.txt",
            context={
                "actor": actor,
                "change": change,
                "public_link": _absolute(actor.get_absolute_url()),
                "link": _absolute(reverse("my:actor", kwargs={"slug": actor.slug})),
            },
        )
    return change


@retrying
def return_change(*, change: ProfileChange, comment: str, acting_user: User) -> ProfileChange:
    """Send the proposal back with what to improve; the public keeps seeing the approved version."""
    if not can_review_profiles(acting_user):
        raise PermissionDenied
    if not comment.strip():
        raise ValueError("a returned change needs a comment")
    with transaction.atomic():
        change = _lock_for_decision(change)
        if change.status != ProfileChange.Status.PENDING:
            raise StaleChange
        change.status = ProfileChange.Status.RETURNED
        change.comment = comment.strip()
        change.decided_by = acting_user
        change.decided_at = timezone.now()
        change.save(update_fields=["status", "comment", "decided_by", "decided_at"])
        reviewable = reviewable_of(change)
        if reviewable is not None:
            reviewable.returned(change, review_subject(change), acting_user)
            return change
        audit.record(
            "profile.returned",
            user=acting_user,
            actor=change.actor,
            obj=change,
            revision=change.revision_id,
            comment=change.comment,
        )
        send_after_commit(
            to=[change.submitted_by.email if change.submitted_by else ""],
            subject=_("Rückfrage zu Ihrer Änderung an %(actor)s") % {"actor": change.actor.name},
            template="network/email/change_returned.txt",
            context={
                "actor": change.actor,
                "change": change,
                "link": _absolute(reverse("my:actor_edit", kwargs={"slug": change.actor.slug})),
            },
        )
    return change


@retrying
def confirm_profile(*, actor: Actor, acting_user: User) -> Actor:
    """The people behind the actor vouch that the published details are still right."""
    if not can_edit_actor(acting_user, actor):
        raise PermissionDenied
    with transaction.atomic():
        actor.last_confirmed_at = timezone.now()
        actor.save(update_fields=["last_confirmed_at"])
        audit.record("profile.confirmed", user=acting_user, actor=actor, obj=actor)
    return actor


def stale_actors(now: datetime.datetime) -> QuerySet[Actor]:
    """Published, unconfirmed for a year and not reminded within the last month."""
    return Actor.objects.published().filter(
        Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lt=now - REMIND_EVERY),
        last_confirmed_at__lt=now - STALE_AFTER,
    )


def reminder_recipients(actor: Actor) -> list[str]:
    """The owners; without any, the editors; without those, the actor's own address."""
    for role in (Membership.Role.OWNER, Membership.Role.EDITOR):
        addresses = sorted(
            {
                address
                for address in Membership.objects.filter(
                    actor=actor, role=role, user__is_active=True
                ).values_list("user__email", flat=True)
                if address
            }
        )
        if addresses:
            return addresses
    return [actor.email] if actor.email else []


@dataclass
class ReminderRun:
    reminded: list[tuple[Actor, list[str]]] = field(default_factory=list)
    unreachable: list[Actor] = field(default_factory=list)


def remind_stale_profiles(*, dry_run: bool = False) -> ReminderRun:
    """Ask the people behind out-of-date profiles to confirm or update them.

    Run by the scheduler, not by a person, so the audit entries carry no user. Each actor is
    claimed by a conditional update before its mail is queued: two runs at once, or a run
    repeated the same day, remind nobody twice.
    """
    now = timezone.now()
    run = ReminderRun()
    for actor in stale_actors(now).order_by("name", "pk"):
        recipients = reminder_recipients(actor)
        if not recipients:
            run.unreachable.append(actor)
            continue
        if dry_run:
            run.reminded.append((actor, recipients))
            continue
        with transaction.atomic():
            if not stale_actors(now).filter(pk=actor.pk).update(last_reminded_at=now):
                continue
            audit.record("profile.reminded", user=None, actor=actor, recipients=recipients)
            send_after_commit(
                to=recipients,
                subject=_("Sind die Angaben zu %(actor)s noch aktuell?") % {"actor": actor.name},
                template="network/email/stale_reminder.txt",
                context={
                    "actor": actor,
                    "link": _absolute(reverse("my:actor", kwargs={"slug": actor.slug})),
                    "public_link": _absolute(actor.get_absolute_url()),
                },
            )
        run.reminded.append((actor, recipients))
    return run
