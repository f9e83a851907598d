"""Who may see and switch crisis situations.

The public sees an active situation only; agency staff (the network's notion, network.permissions)
also preview an inactive one. Creating, editing and switching situations is for the intake zone
and administrators alone: a situation routes a concern category to a unit of its choice, and
deciding where concerns go is the intake zone's work, not any unit's (which could otherwise
draw every concern of a category into its own inbox).
"""

from __future__ import annotations

from django.http import Http404

from crisis.models import Situation
from network.permissions import User, is_agency_staff, is_intake_staff


def can_switch_situations(user: User | None) -> bool:
    """Switch on and off, create and edit situations: the intake zone and administrators."""
    return is_intake_staff(user)


def can_preview_situations(user: User | None) -> bool:
    return is_agency_staff(user)


def get_situation_for_user(user: User | None, slug: str) -> Situation:
    """The landing page's situation; 404 once it is switched off, except for staff's preview.

    A situation that has ended answers 404 rather than an "ended" page: its steps and offers may
    be outdated or wrong by then, and search engines drop a 404 instead of keeping stale advice.
    """
    situations = Situation.objects.select_related(
        "concern_category", "routed_unit", "routed_unit__actor"
    )
    if not can_preview_situations(user):
        situations = situations.active()
    try:
        return situations.get(slug=slug)
    except Situation.DoesNotExist as exc:
        raise Http404("No such situation.") from exc
