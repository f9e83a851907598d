"""What the person may learn with reference and status code: the stage, the unit, the plan.

Nothing else leaves here: no name, description, birth date, file number, notes or staff names.
A wrong reference, a wrong code and a referral without a code all answer None, through the
same steps (one query, one hash, one compare), so the answer tells nothing about which was wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from network.models import AgencyUnit
from referrals.models import PlanStep, Referral, Status
from referrals.status_code import matches


class Stage:
    """The four plain-language stages the person sees (the staff's states, simplified)."""

    RECEIVED = "received"
    WITH_UNIT = "with_unit"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


@dataclass(frozen=True)
class PersonStatus:
    reference: str
    stage: str
    unit: AgencyUnit
    steps: list[PlanStep]


def stage_of(referral: Referral) -> str:
    if referral.status == Status.CLOSED:
        return Stage.CLOSED
    if referral.status == Status.IN_PROGRESS:
        return Stage.IN_PROGRESS
    if referral.unit.is_intake and referral.status == Status.RECEIVED:
        return Stage.RECEIVED
    return Stage.WITH_UNIT


def look_up(reference: str, code: str) -> PersonStatus | None:
    """The person's status, or None for anything that does not fit (see the module's note)."""
    reference = reference.strip().upper()[:20]
    referral = (
        Referral.objects.select_related("unit")
        .filter(reference=reference, anonymised_at__isnull=True)
        .first()
    )
    stored = referral.status_code_hash if referral is not None else None
    if not matches(stored, reference, code) or referral is None:
        return None
    return PersonStatus(
        reference=referral.reference,
        stage=stage_of(referral),
        unit=referral.unit,
        steps=list(PlanStep.objects.filter(referral=referral).select_related("unit", "actor")),
    )
