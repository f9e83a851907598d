"""Everything that happens to a referral: submission, the lifecycle in the agency, and privacy.

Each change runs in a transaction, writes a timeline step and an audit entry without personal
data, and queues its mail in the durable outbox within the same transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network import audit
from network.models import Actor, AgencyUnit, Language
from network.permissions import User
from portal.security_log import log_event
from portal.transactions import retrying
from referrals import conf
from referrals.models import (
    ConcernCategory,
    OutboxMail,
    Outcome,
    PlanStep,
    Referral,
    ReferralAccess,
    ReferralEvent,
    Status,
    WayfinderAudience,
)
from referrals.outbox import queue_mail
from referrals.plan import plan_views
from referrals.reference import new_reference
from referrals.routing import route
from referrals.status_code import hash_code, new_code

REFERENCE_ATTEMPTS = 10


@dataclass(frozen=True)
class PersonData:
    """What the form asks of the person; nothing else is stored about them."""

    name: str
    phone: str
    email: str
    postal_address: str
    language: Language | None
    interpreter_needed: bool
    categories: list[ConcernCategory]
    description: str
    urgency: str
    date_of_birth: datetime.date | None = None
    file_number: str = ""


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _acting(user: User | None) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _notify_unit(referral: Referral, unit: AgencyUnit) -> None:
    """Tell a unit that a referral waits in its inbox: reference and link, no personal data."""
    staff = unit.staff.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    with translation.override(settings.LANGUAGE_CODE):
        queue_mail(
            to=[unit.email, *staff],
            subject=_("Neue Zuweisung %(reference)s für %(unit)s")
            % {"reference": referral.reference, "unit": unit.name},
            template="referrals/email/unit_notification.txt",
            context={
                "reference": referral.reference,
                "unit": unit.name,
                "urgency": referral.get_urgency_display(),
                "inbox_url": _absolute(reverse("agency:inbox")),
            },
            referral=referral,
        )


def _create_with_unique_reference(*, code: str, **fields: Any) -> Referral:
    """A fresh reference; a collision (one in hundreds of millions) draws again. The status
    code's hash is bound to the reference, so it is made with it."""
    for _attempt in range(REFERENCE_ATTEMPTS):
        reference = new_reference()
        try:
            with transaction.atomic():
                return Referral.objects.create(
                    reference=reference, status_code_hash=hash_code(reference, code), **fields
                )
        except IntegrityError:
            if Referral.objects.filter(reference=reference).exists():
                continue
            raise
    raise RuntimeError("no free reference number found")


@retrying
def submit_referral(
    *,
    person: PersonData,
    referring_actor: Actor | None,
    acting_user: User | None,
    for_whom: WayfinderAudience | None = None,
    in_contact: AgencyUnit | None = None,
) -> Referral:
    """Store the referral, route it, and queue the person's and the unit's mail in the outbox.

    `for_whom` and `in_contact` are the wayfinder's answers: they route exactly as the
    wayfinder did, and are not stored.
    """
    with transaction.atomic():
        unit = route(person.categories, for_whom=for_whom, in_contact=in_contact)
        code = new_code()
        referral = _create_with_unique_reference(
            code=code,
            person_name=person.name,
            phone=person.phone,
            email=person.email,
            postal_address=person.postal_address,
            date_of_birth=person.date_of_birth,
            file_number=person.file_number,
            description=person.description,
            language=person.language,
            interpreter_needed=person.interpreter_needed,
            urgency=person.urgency,
            unit=unit,
            referring_actor=referring_actor,
            submitted_by=_acting(acting_user),
            consent_at=timezone.now(),
        )
        referral.categories.set(person.categories)
        # Shown once on the confirmation page and in the mail, stored nowhere in clear.
        referral.status_code = code
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.RECEIVED,
            by=_acting(acting_user),
            to_unit=unit,
        )
        audit.record(
            "referral.submitted",
            user=acting_user,
            actor=referring_actor,
            obj=referral,
            reference=referral.reference,
            unit=unit.slug,
            categories=[category.slug for category in person.categories],
        )
        if person.email:
            # In the language the person chose to speak where the portal speaks it, else in
            # the language of the page the form was sent from.
            with translation.override(_confirmation_language(person)):
                queue_mail(
                    to=[person.email],
                    subject=_("Ihr Anliegen ist angekommen: %(reference)s")
                    % {"reference": referral.reference},
                    template="referrals/email/confirmation.txt",
                    context={
                        "reference": referral.reference,
                        "name": person.name,
                        "code": code,
                        "status_url": _absolute(reverse("referrals:status")),
                    },
                    referral=referral,
                )
        _notify_unit(referral, unit)
    return referral


def _confirmation_language(person: PersonData) -> str:
    spoken = {code for code, _name in settings.LANGUAGES}
    if person.language is not None and person.language.code in spoken:
        return person.language.code
    return translation.get_language() or settings.LANGUAGE_CODE


def _locked(referral: Referral) -> Referral:
    """The row, locked for this step, as long as it is still what the caller acted on.

    Two staff members acting on the same referral at the same moment both read it before
    either writes; the lock makes the second wait, and this check makes the second step fail
    instead of acting on a state its author never saw.
    """
    # No join in the locking query: on PostgreSQL a row that a concurrent step changed is
    # checked again after the wait, and a joined unit row would no longer match the new unit.
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    seen = (referral.unit_id, referral.status, referral.assignee_id)
    if seen != (current.unit_id, current.status, current.assignee_id):
        raise TransitionNotAllowed(
            _(
                "Jemand anderes hat %(reference)s gerade geändert (jetzt: %(status)s, "
                "%(unit)s). Ihr Schritt wurde nicht ausgeführt; bitte prüfen Sie den neuen Stand."
            )
            % {
                "reference": current.reference,
                "status": current.get_status_display(),
                "unit": current.unit.name,
            }
        )
    return current


def _record(action: str, referral: Referral, acting_user: User, **data: Any) -> None:
    audit.record(
        f"referral.{action}",
        user=acting_user,
        obj=referral,
        reference=referral.reference,
        **data,
    )


class TransitionNotAllowed(ValueError):
    """The referral is not in a state where this step makes sense (e.g. already closed)."""


def _require_open(referral: Referral) -> None:
    if referral.status == Status.CLOSED:
        raise TransitionNotAllowed(_("Die Zuweisung ist bereits abgeschlossen."))


@retrying
def assign_referral(
    *, referral: Referral, unit: AgencyUnit, assignee: Any | None, note: str, acting_user: User
) -> Referral:
    """Route to a unit and optionally a person: the intake zone's sorting, or a unit's handover."""
    with transaction.atomic():
        referral = _locked(referral)
        _require_open(referral)
        previous = referral.unit
        referral.unit = unit
        referral.assignee = assignee
        referral.status = Status.ASSIGNED
        referral.save(update_fields=["unit", "assignee", "status"])
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.ASSIGNED,
            by=acting_user,
            from_unit=previous,
            to_unit=unit,
            assignee=assignee,
            note=note,
        )
        _record("assigned", referral, acting_user, unit=unit.slug, previous=previous.slug)
        if unit != previous:
            _notify_unit(referral, unit)
    return referral


@retrying
def forward_referral(
    *, referral: Referral, unit: AgencyUnit, note: str, acting_user: User
) -> Referral:
    """Hand the referral to another unit of the house instead of sending the person away."""
    with transaction.atomic():
        referral = _locked(referral)
        _require_open(referral)
        if unit == referral.unit:
            raise TransitionNotAllowed(_("Die Zuweisung liegt bereits bei diesem Bereich."))
        previous = referral.unit
        referral.unit = unit
        referral.assignee = None
        referral.status = Status.ASSIGNED
        referral.save(update_fields=["unit", "assignee", "status"])
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.FORWARDED,
            by=acting_user,
            from_unit=previous,
            to_unit=unit,
            note=note,
        )
        _record("forwarded", referral, acting_user, unit=unit.slug, previous=previous.slug)
        _notify_unit(referral, unit)
    return referral


@retrying
def start_referral(*, referral: Referral, note: str, acting_user: User) -> Referral:
    """Work begins: the first time counts as first contact for the statistics."""
    with transaction.atomic():
        referral = _locked(referral)
        _require_open(referral)
        if referral.status == Status.IN_PROGRESS:
            raise TransitionNotAllowed(_("Die Zuweisung ist bereits in Bearbeitung."))
        referral.status = Status.IN_PROGRESS
        if referral.assignee_id is None:
            referral.assignee = acting_user
        if referral.first_contact_at is None:
            referral.first_contact_at = timezone.now()
        referral.save(update_fields=["status", "assignee", "first_contact_at"])
        ReferralEvent.objects.create(
            referral=referral, kind=ReferralEvent.Kind.STARTED, by=acting_user, note=note
        )
        _record("started", referral, acting_user)
    return referral


@retrying
def close_referral(
    *,
    referral: Referral,
    outcome: str,
    partner: Actor | None,
    note: str,
    acting_user: User,
) -> Referral:
    """Close with an outcome; the referring partner sees it, the retention period starts."""
    with transaction.atomic():
        referral = _locked(referral)
        _require_open(referral)
        now = timezone.now()
        referral.status = Status.CLOSED
        referral.outcome = Outcome(outcome)
        referral.outcome_partner = partner if outcome == Outcome.REFERRED else None
        referral.closed_at = now
        if referral.first_contact_at is None and outcome != Outcome.NOT_REACHABLE:
            referral.first_contact_at = now
        referral.save(
            update_fields=["status", "outcome", "outcome_partner", "closed_at", "first_contact_at"]
        )
        ReferralEvent.objects.create(
            referral=referral,
            kind=ReferralEvent.Kind.CLOSED,
            by=acting_user,
            outcome=outcome,
            note=note,
        )
        _record("closed", referral, acting_user, outcome=outcome)
    return referral


@retrying
def add_note(*, referral: Referral, note: str, acting_user: User) -> ReferralEvent:
    with transaction.atomic():
        event = ReferralEvent.objects.create(
            referral=referral, kind=ReferralEvent.Kind.NOTE, by=acting_user, note=note
        )
        _record("note_added", referral, acting_user)
    return event


def next_step(referral: Referral) -> str | None:
    """The one step the lifecycle expects now, offered first on the referral's page.

    Received in the intake zone: sort it (assign); with a unit: begin (start); in progress:
    close; closed: nothing.
    """
    if referral.status == Status.CLOSED:
        return None
    if referral.status == Status.IN_PROGRESS:
        return "close"
    if referral.status == Status.RECEIVED and referral.unit.is_intake:
        return "assign"
    return "start"


# --- the person's plan (Laufzettel) and status code ------------------------------------------


@dataclass(frozen=True)
class StepData:
    """What staff enter for one step of the plan; exactly one of unit and actor."""

    unit: AgencyUnit | None
    actor: Actor | None
    address: str
    room: str
    appointment_at: datetime.datetime | None
    what_to_bring: str
    note: str


def _plan_event(referral: Referral, acting_user: User, note: str, **fields: Any) -> None:
    """The plan's changes on the timeline, in German like every timeline entry."""
    ReferralEvent.objects.create(
        referral=referral, kind=ReferralEvent.Kind.PLAN, by=acting_user, note=note, **fields
    )


def _place_name(data: StepData | PlanStep) -> str:
    return data.unit.name if data.unit is not None else data.actor.name


@retrying
def add_plan_step(*, referral: Referral, data: StepData, acting_user: User) -> PlanStep:
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        last = referral.plan_steps.aggregate(last=Max("position"))["last"] or 0
        step = PlanStep.objects.create(referral=referral, position=last + 1, **vars(data))
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Schritt %(position)s hinzugefügt: %(place)s") % {
                "position": step.position,
                "place": _place_name(data),
            }
        _plan_event(referral, acting_user, note, to_unit=data.unit)
        _record("plan_changed", referral, acting_user, step=step.pk, change="added")
    return step


@retrying
def change_plan_step(*, step: PlanStep, data: StepData, acting_user: User) -> PlanStep:
    with transaction.atomic():
        step = PlanStep.objects.select_for_update().get(pk=step.pk)
        for name, value in vars(data).items():
            setattr(step, name, value)
        step.save()
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Schritt %(position)s geändert: %(place)s") % {
                "position": step.position,
                "place": _place_name(data),
            }
        _plan_event(step.referral, acting_user, note, to_unit=data.unit)
        _record("plan_changed", step.referral, acting_user, step=step.pk, change="changed")
    return step


@retrying
def remove_plan_step(*, step: PlanStep, acting_user: User) -> None:
    with transaction.atomic():
        step = PlanStep.objects.select_for_update().get(pk=step.pk)
        referral = step.referral
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Schritt %(position)s entfernt: %(place)s") % {
                "position": step.position,
                "place": step.place.name,
            }
        step.delete()
        _plan_event(referral, acting_user, note)
        _record("plan_changed", referral, acting_user, change="removed")


@retrying
def set_plan_language(*, referral: Referral, language: str, acting_user: User) -> Referral:
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        referral.plan_language = language
        referral.save(update_fields=["plan_language"])
        with translation.override(settings.LANGUAGE_CODE):
            note = _("Sprache des Laufzettels: %(language)s") % {
                "language": referral.get_plan_language_display()
            }
        _plan_event(referral, acting_user, note)
        _record("plan_changed", referral, acting_user, change="language", language=language)
    return referral


@retrying
def issue_status_code(*, referral: Referral, acting_user: User) -> str:
    """A new code for a person who has none at hand (a walk-in, a phone call, a lost mail).

    The old code stops working; the new one is returned once, for the printed plan.
    """
    code = new_code()
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        referral.status_code_hash = hash_code(referral.reference, code)
        referral.save(update_fields=["status_code_hash"])
        ReferralEvent.objects.create(
            referral=referral, kind=ReferralEvent.Kind.CODE_ISSUED, by=acting_user
        )
        _record("code_issued", referral, acting_user)
    return code


class NoAddress(ValueError):
    """The person gave no e-mail address, so the plan cannot be mailed."""


@retrying
def mail_plan(*, referral: Referral, acting_user: User) -> OutboxMail:
    """Mail the plan in the person's language; the outbox sends it once the transaction commits."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        if not referral.email:
            raise NoAddress(_("Für diese Person ist keine E-Mail-Adresse gespeichert."))
        steps = list(referral.plan_steps.select_related("unit", "actor"))
        if not steps:
            raise NoAddress(_("Der Laufzettel hat noch keinen Schritt."))
        language = referral.person_language
        with translation.override(language):
            plan_url = _absolute(reverse("referrals:plan")) + f"?reference={referral.reference}"
            mail = queue_mail(
                to=[referral.email],
                subject=_("Ihr Laufzettel: %(reference)s") % {"reference": referral.reference},
                template="referrals/email/plan.txt",
                context={
                    "reference": referral.reference,
                    "steps": plan_views(steps, language),
                    "plan_url": plan_url,
                },
                referral=referral,
            )
        ReferralEvent.objects.create(
            referral=referral, kind=ReferralEvent.Kind.PLAN_MAILED, by=acting_user
        )
        _record("plan_mailed", referral, acting_user, language=language)
    return mail


# --- privacy ---------------------------------------------------------------------------------


@retrying
def record_access(*, referral: Referral, channel: str, acting_user: User) -> ReferralAccess:
    """Every look at the person's data leaves a line: who, when, how (security log: ids only)."""
    access = ReferralAccess.objects.create(referral=referral, user=acting_user, channel=channel)
    log_event("referral.viewed", referral=referral.pk, user=acting_user.pk, channel=channel)
    return access


def export_person_data(*, referral: Referral, acting_user: User) -> dict[str, Any]:
    """Everything stored about the person (DSGVO Art. 15), for staff to hand over on request.

    Staff names are left out: they are the agency's, not the person's data.
    """
    record_access(referral=referral, channel=ReferralAccess.Channel.EXPORT, acting_user=acting_user)
    _record("exported", referral, acting_user)
    return {
        "reference": referral.reference,
        "name": referral.person_name,
        "phone": referral.phone,
        "email": referral.email,
        "postal_address": referral.postal_address,
        "date_of_birth": referral.date_of_birth.isoformat() if referral.date_of_birth else None,
        "file_number": referral.file_number,
        "preferred_language": referral.language.code if referral.language else None,
        "interpreter_needed": referral.interpreter_needed,
        "categories": [category.name for category in referral.categories.all()],
        "description": referral.description,
        "urgency": referral.urgency,
        "consent_given_at": referral.consent_at.isoformat(),
        "received_at": referral.created_at.isoformat(),
        "referring_actor": referral.referring_actor.name if referral.referring_actor else None,
        "unit": referral.unit.name,
        "status": referral.status,
        "outcome": referral.outcome or None,
        "closed_at": referral.closed_at.isoformat() if referral.closed_at else None,
        "retention_days_after_closing": conf.retention_days(),
        "timeline": [
            {
                "at": event.at.isoformat(),
                "step": event.kind,
                "unit": event.to_unit.name if event.to_unit else None,
                "outcome": event.outcome or None,
                "note": event.note,
            }
            for event in referral.events.select_related("to_unit")
        ],
    }


PERSONAL_FIELDS = {
    "status_code_hash": "",
    "person_name": "",
    "phone": "",
    "email": "",
    "postal_address": "",
    "date_of_birth": None,
    "file_number": "",
    "description": "",
}


def due_for_purge(now: datetime.datetime | None = None) -> QuerySet[Referral]:
    cutoff = (now or timezone.now()) - datetime.timedelta(days=conf.retention_days())
    return Referral.objects.filter(
        status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
    )


def abandoned(now: datetime.datetime | None = None) -> QuerySet[Referral]:
    """Open referrals whose last timeline step is older than the retention period.

    Nobody closed them, so the retention period never started; without this rule the person's
    data would stay for ever.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=conf.retention_days())
    return (
        Referral.objects.exclude(status=Status.CLOSED)
        .filter(anonymised_at__isnull=True)
        .annotate(last_step=Max("events__at"))
        .filter(Q(last_step__lt=cutoff) | Q(last_step__isnull=True, created_at__lt=cutoff))
    )


@retrying
def purge_referrals(
    *, acting_user: User | None = None, now: datetime.datetime | None = None
) -> int:
    """Anonymise referrals closed longer than the retention period; running again changes nothing.

    Open referrals without a step for the retention period are closed first ("expired") with a
    timeline entry saying why, and anonymised at once. What statistics need stays: unit,
    categories, language, urgency, dates. The notes and the sent mail go, as they may name the
    person.
    """
    now = now or timezone.now()
    with transaction.atomic():
        expired = list(
            Referral.objects.filter(pk__in=abandoned(now).values("pk")).select_for_update()
        )
        Referral.objects.filter(pk__in=[referral.pk for referral in expired]).update(
            status=Status.CLOSED, outcome=Outcome.EXPIRED, closed_at=now
        )
        referrals = [*list(due_for_purge(now).select_for_update()), *expired]
        ids = [referral.pk for referral in referrals]
        Referral.objects.filter(pk__in=ids).update(**PERSONAL_FIELDS, anonymised_at=now)
        ReferralEvent.objects.filter(referral_id__in=ids).update(note="")
        OutboxMail.objects.filter(referral_id__in=ids).delete()
        PlanStep.objects.filter(referral_id__in=ids).delete()
        with translation.override(settings.LANGUAGE_CODE):
            note = _(
                "Nach %(days)s Tagen ohne Bearbeitungsschritt automatisch geschlossen; die "
                "personenbezogenen Daten sind gelöscht."
            ) % {"days": conf.retention_days()}
        ReferralEvent.objects.bulk_create(
            ReferralEvent(
                referral=referral,
                kind=ReferralEvent.Kind.CLOSED,
                outcome=Outcome.EXPIRED,
                note=note,
                at=now,
            )
            for referral in expired
        )
        for referral in expired:
            _record("expired", referral, acting_user)
        for referral in referrals:
            _record("anonymised", referral, acting_user)
    return len(ids)
