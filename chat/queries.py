"""Reading the chat: histories, the member's channel list with unread counts, presence."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from chat import presence
from chat.frames import display_name, message_frame
from chat.models import Channel, ChannelMembership, Message
from chat.permissions import READING, channel_readers, joinable_channels, member_channels
from network.permissions import User


def _messages(channel: Channel) -> QuerySet[Message]:
    return channel.messages.select_related("author").prefetch_related("mentions")


def latest_messages(channel: Channel, limit: int) -> list[Message]:
    """The newest messages, oldest first (the order a chat shows them in)."""
    return list(reversed(_messages(channel).order_by("-seq")[:limit]))


def messages_before(channel: Channel, before: int | None, limit: int) -> list[Message]:
    """One page further back: the `limit` messages just before id `before`, oldest first."""
    messages = _messages(channel)
    if before is not None:
        messages = messages.filter(seq__lt=before)
    return list(reversed(messages.order_by("-seq")[:limit]))


def messages_after(channel: Channel, after: int, limit: int | None = None) -> list[Message]:
    return list(_messages(channel).filter(seq__gt=after).order_by("seq")[:limit])


def frames(messages: list[Message], channel: Channel) -> list[dict[str, Any]]:
    return [message_frame(message, channel) for message in messages]


def with_unread(channels: QuerySet[Channel], user: User) -> QuerySet[Channel]:
    """Annotate `unread`: messages after the member's last read one (0 read when never opened)."""
    read = ChannelMembership.objects.filter(channel=OuterRef("pk"), user=user).values(
        "last_read_seq"
    )[:1]
    return channels.annotate(
        last_read=Coalesce(Subquery(read), Value(0)), unread=F("last_seq") - F("last_read")
    )


def channel_list(user: User) -> list[Channel]:
    """The member's channels, the ones with news first, each with `unread`."""
    return list(
        with_unread(member_channels(user), user)
        .select_related("topic", "municipality")
        .order_by("-unread", "kind", "name")
    )


def channels_to_join(user: User) -> list[Channel]:
    return list(joinable_channels(user).order_by("name"))


def invitations(user: User) -> list[ChannelMembership]:
    """The member's invitations waiting for an answer, newest first, with channel and inviter."""
    return list(
        ChannelMembership.objects.filter(user=user, status=ChannelMembership.Status.INVITED)
        .select_related("channel", "invited_by")
        .order_by("-joined_at")
    )


def members(channel: Channel) -> list[ChannelMembership]:
    """Who has a row in the channel (joined, muted or removed), for the moderation panel."""
    return list(channel.memberships.select_related("user").order_by("user__username"))


def presence_frame(channel: Channel) -> dict[str, Any]:
    """Who of the channel's members has a socket open on it."""
    user_ids = list(
        channel.memberships.filter(status__in=READING).values_list("user_id", flat=True)
    )
    online = presence.online_in(channel.pk, user_ids)
    users = get_user_model().objects.filter(pk__in=online).order_by("username")
    return {
        "type": "presence",
        "channel": channel.slug,
        "online": [{"username": user.get_username(), "name": display_name(user)} for user in users],
    }


MENTIONABLE_LIMIT = 20


def mentionable(channel: Channel, query: str, *, exclude: User) -> list[dict[str, Any]]:
    """Readers of the channel whose name or username contains every word typed after @, for
    the composer's list: the same people a message may mention (chat.permissions)."""
    readers = channel_readers(channel).exclude(pk=exclude.pk)
    for word in query.split()[:5]:
        readers = readers.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
        )
    people = readers.order_by("first_name", "last_name", "username")[:MENTIONABLE_LIMIT]
    return [{"id": user.pk, "name": display_name(user)} for user in people]
