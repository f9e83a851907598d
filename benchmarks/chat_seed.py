"""The chat benchmarks' people, channels and sessions, written straight into the database.

benchmarks.chat and benchmarks.chat_load both seat members in private channels and sign them in
with a session written into the session store (so sign-in is not what they measure); this is
that seeding, once. Call after harness.setup_django().
"""

from __future__ import annotations

from typing import Any


def members(prefix: str, count: int, *, first_name: str = "Mitglied") -> list[Any]:
    """`count` people named <prefix>-0, <prefix>-1, ... (those missing are created), by pk."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    names = [f"{prefix}-{number}" for number in range(count)]
    existing = set(user_model.objects.filter(username__in=names).values_list("username", flat=True))
    user_model.objects.bulk_create(
        [
            user_model(username=name, first_name=first_name, last_name=name)
            for name in names
            if name not in existing
        ]
    )
    return list(user_model.objects.filter(username__in=names).order_by("pk"))


def fresh_channels(slugs: list[str], *, name: str | None = None) -> dict[str, Any]:
    """Private channels by slug, each with an empty history and nobody in it (ids go on from
    last_seq, as a channel's would)."""
    from chat.models import Channel, ChannelMembership

    for slug in slugs:
        Channel.objects.get_or_create(
            slug=slug, defaults={"name": name or slug, "kind": Channel.Kind.PRIVATE}
        )
    rooms = {channel.slug: channel for channel in Channel.objects.filter(slug__in=slugs)}
    for channel in rooms.values():
        channel.messages.all().delete()
    ChannelMembership.objects.filter(channel__in=rooms.values()).delete()
    return rooms


def seat(pairs: list[tuple[Any, Any]]) -> None:
    """Put each (channel, user) pair's user into the channel as an active member."""
    from chat.models import ChannelMembership

    ChannelMembership.objects.bulk_create(
        [ChannelMembership(channel=channel, user=user) for channel, user in pairs]
    )


def session_cookies(users: list[Any]) -> list[str]:
    """A signed-in session per user, as the sign-in view would leave it: their Cookie headers."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    cookies = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies
