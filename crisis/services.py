"""Switching a crisis situation on and off.

Both switches change everything the public sees at once, in one transaction: the banner and the
landing page follow `Situation.is_active`, the temporary offers are filtered by it, and the
situation's concern category is offered in the referral form (routed to the chosen unit) only
while the situation is on. The switch writes nothing into the category: referrals.routing reads
the active situation when it routes, so whatever staff change in the category meanwhile is
still there when the crisis ends. Each switch leaves a SituationLogEntry and a network audit entry.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from crisis.models import Situation, SituationLogEntry
from crisis.permissions import can_switch_situations
from network import audit
from network.permissions import User
from referrals.models import ConcernCategory


class SwitchRefused(Exception):
    """The switch cannot be made in the situation's present state; the message says why."""


def activate_situation(*, situation: Situation, acting_user: User) -> Situation:
    if not can_switch_situations(acting_user):
        raise PermissionDenied
    with transaction.atomic():
        situation = Situation.objects.select_for_update().get(pk=situation.pk)
        if situation.is_active:
            raise SwitchRefused(_("Die Lage ist bereits eingeschaltet."))
        if situation.concern_category_id is not None:
            _refuse_a_category_in_use(situation)
        situation.is_active = True
        situation.activated_at = timezone.now()
        situation.save()
        _log(situation, SituationLogEntry.Action.ON, acting_user)
    return situation


def deactivate_situation(*, situation: Situation, acting_user: User) -> Situation:
    if not can_switch_situations(acting_user):
        raise PermissionDenied
    with transaction.atomic():
        situation = Situation.objects.select_for_update().get(pk=situation.pk)
        if not situation.is_active:
            raise SwitchRefused(_("Die Lage ist bereits ausgeschaltet."))
        situation.is_active = False
        situation.deactivated_at = timezone.now()
        situation.save()
        _log(situation, SituationLogEntry.Action.OFF, acting_user)
    return situation


def _refuse_a_category_in_use(situation: Situation) -> None:
    """One active situation per category: two would route the same concern two ways."""
    category = ConcernCategory.objects.select_for_update().get(pk=situation.concern_category_id)
    other = (
        Situation.objects.active()
        .filter(concern_category=category)
        .exclude(pk=situation.pk)
        .first()
    )
    if other is not None:
        raise SwitchRefused(
            _("Das Anliegen „%(category)s“ gehört schon zur aktiven Lage „%(other)s“.")
            % {"category": category.name, "other": other.title}
        )


def _log(situation: Situation, action: str, acting_user: User) -> None:
    user = acting_user if acting_user.is_authenticated else None
    SituationLogEntry.objects.create(situation=situation, action=action, user=user)
    audit.record(
        f"crisis.{'activate' if action == SituationLogEntry.Action.ON else 'deactivate'}",
        user=acting_user,
        obj=situation,
        category=situation.concern_category_id,
        unit=situation.routed_unit_id,
    )
