"""A proposed profile change waiting in the review queue, so staff see the review at work."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from network.models import Actor
from network.profiles import submit_change


def propose_demo_change() -> bool:
    """The demo editor proposes a new sentence for their actor; returns whether it happened."""
    editor = get_user_model().objects.filter(username="editor").first()
    actor = Actor.objects.filter(memberships__user=editor, live=True).first()
    if editor is None or actor is None or actor.changes.exists():
        return False
    actor.short_description = (
        f"{actor.short_description} Neu: Hausaufgabenhilfe jeden Freitag ab 15 Uhr."
    )[:300]
    submit_change(actor=actor, acting_user=editor)
    return True
