"""The portal's one audit trail: every service writes one entry per change, through Wagtail's log.

An entry is a Wagtail `ModelLogEntry` (with the actor it concerns in `AuditEntry`), so staff read
one history in the admin (Berichte → Website-Verlauf, and each object's history), where Wagtail's
own entries for pages and snippets stand beside ours. Each app names its actions with a label in
its AppConfig.ready() (`register_actions`); the admin lists and filters by those labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.functional import Promise
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry, get_active_log_context
from wagtail.models import ModelLogEntry

from network.models import Actor, AuditEntry, LogEntry

_LABELS: dict[str, Promise | str] = {}


def record(
    action: str,
    *,
    user: Any,
    actor: Actor | None = None,
    obj: Model | None = None,
    **data: Any,
) -> AuditEntry:
    """Log `action` on `obj` (else on the actor, else on the person acting, else on the actors as
    a whole, as an import from the command line is), done by `user` (None when the portal itself
    acts: reminders, expiry, commands)."""
    person = user if getattr(user, "is_authenticated", False) else None
    instance = obj or actor or person or ContentType.objects.get_for_model(Actor)
    return AuditEntry.objects.log_action(
        instance,
        action,
        user=person,
        uuid=get_active_log_context().uuid,
        actor=actor,
        data=data,
    )


def register_actions(labels: Mapping[str, Promise | str]) -> None:
    """Name an app's actions for the admin's history (called from the app's AppConfig.ready())."""
    _LABELS.update(labels)


def _register_with_wagtail(actions: LogActionRegistry) -> None:
    """Runs after Wagtail's own registrations (order=1): the same table read through LogEntry,
    so that agency staff read the history, and ModelLogEntry off the list the site history
    unites, which would show every entry twice."""
    actions.register_model(Model, LogEntry)
    actions.log_entry_models.discard(ModelLogEntry)
    for action, label in _LABELS.items():
        actions.register_action(action, label, label)


def connect() -> None:
    hooks.register("register_log_actions", _register_with_wagtail, order=1)
