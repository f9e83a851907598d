"""The audit log of the network's data: every service writes one entry per change."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from network.models import Actor, AuditEntry


def record(
    action: str,
    *,
    user: Any,
    actor: Actor | None = None,
    obj: Model | None = None,
    **data: Any,
) -> AuditEntry:
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        actor=actor,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
