"""Changes to a person's standing, pushed to their open sockets instead of polled by them.

A socket learns at connect who it serves and whether they may read and post; from then on it
relies on these pushes through the person's own group (chat.broadcast.user_group), sent once
the change is committed: a membership row saved or deleted (muted, removed, readmitted, by
any path that saves the model), a role at an actor that ends or begins, a deactivated account,
a changed password, a second factor enrolled, a session ended. The socket then checks its
standing once (chat.consumers) and closes with the documented code where it has ended.
Queryset `update()`s bypass model signals and therefore these pushes; the portal's own write
paths save the models.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model, user_logged_out
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from chat import broadcast
from chat.models import Channel, ChannelMembership
from network.models import AgencyUnit, Membership, TwoFactorDevice

logger = logging.getLogger(__name__)

STANDING = "chat.standing"
SIGNED_OUT = "chat.signed_out"


def _push(group: str, event: dict[str, Any]) -> None:
    """After the commit, to a group's sockets; never an error for the save that caused it.

    These receivers run wherever the models are saved, also in a thread that runs an event loop
    of its own (a browser test's driver), where the layer cannot be reached synchronously.
    """

    def deliver() -> None:
        try:
            broadcast.send_now(group, event)
        except RuntimeError as error:
            logger.warning("Chat standing not pushed from this thread: %s", error)

    transaction.on_commit(deliver)


def push_standing(user_id: int | None) -> None:
    """Have the person's sockets check their standing once the change is committed."""
    if user_id is not None:
        _push(broadcast.user_group(user_id), {"type": STANDING})


def _membership_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    push_standing(instance.user_id)


def _channel_membership_changed(sender: Any, instance: ChannelMembership, **kwargs: Any) -> None:
    """Also through the channel's group, which the process's room hands on in order with the
    channel's messages (chat.fanout): the person's own group is a queue of its own, so a message
    sent right after a removal could otherwise reach the removed person's socket first."""
    push_standing(instance.user_id)
    _push(Channel(pk=instance.channel_id).group_name, {"type": STANDING, "user": instance.user_id})


def _staff_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any
) -> None:
    """Agency staff read every public and actor channel: joining or leaving a unit counts."""
    if action not in ("post_add", "post_remove"):
        return
    for user_id in [instance.pk] if reverse else pk_set or ():
        push_standing(user_id)


def _account_changed(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # every sign-in saves the account; nothing of standing changes
    # set_password() keeps the new password in `_password` until save() has finished.
    if not instance.is_active or getattr(instance, "_password", None) is not None:
        push_standing(instance.pk)


def _signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """Sent before the session is flushed: the event names the session, whose sockets close."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if user is not None and session_key:
        _push(broadcast.user_group(user.pk), {"type": SIGNED_OUT, "session": session_key})


def _session_deleted(sender: Any, instance: Session, **kwargs: Any) -> None:
    """Sessions deleted without a sign-out (administrators, clearsessions, password resets)."""
    user_id = instance.get_decoded().get(SESSION_KEY)
    if user_id is not None:
        _push(
            broadcast.user_group(int(user_id)),
            {"type": SIGNED_OUT, "session": instance.session_key},
        )


def connect() -> None:
    uid = "chat.signals"
    post_save.connect(_channel_membership_changed, sender=ChannelMembership, dispatch_uid=uid)
    post_delete.connect(_channel_membership_changed, sender=ChannelMembership, dispatch_uid=uid)
    for model in (Membership, TwoFactorDevice):
        post_save.connect(_membership_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_membership_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_staff_changed, sender=AgencyUnit.staff.through, dispatch_uid=uid)
    post_save.connect(_account_changed, sender=get_user_model(), dispatch_uid=uid)
    user_logged_out.connect(_signed_out, dispatch_uid=uid)
    if settings.SESSION_ENGINE in ("django.contrib.sessions.backends.db",):
        post_delete.connect(_session_deleted, sender=Session, dispatch_uid=uid)
