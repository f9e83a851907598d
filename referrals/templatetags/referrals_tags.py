"""The referrals panel on a member's dashboard (referrals/_dashboard_panel.html).

A referring partner sees the latest referrals of its actors with status and outcome; agency staff
see how many referrals wait in each of their units and how many of them are overdue.
"""

from __future__ import annotations

from typing import Any

from django import template

from network.permissions import User
from referrals.inbox import inbox_counts
from referrals.permissions import can_use_inbox, referring_actors, sent_referrals

register = template.Library()
LATEST = 5


@register.inclusion_tag("referrals/_dashboard_panel_body.html")
def referrals_dashboard_panel(user: User) -> dict[str, Any]:
    sent = sent_referrals(user).select_related("unit", "outcome_partner")
    return {
        "sent": list(sent[:LATEST]),
        "sent_total": sent.count(),
        "is_staff": can_use_inbox(user),
        "is_partner": referring_actors(user).exists(),
        "counts": inbox_counts(user) if can_use_inbox(user) else [],
    }
