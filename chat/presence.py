"""Who is connected, counted per socket in the cache (Redis in production, shared by workers).

Counters rather than sets: a member with two tabs stays online until the last one closes. The
timeout bounds the damage of a server that dies without running its disconnect handlers.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache

from chat import conf


def _channel_key(channel_id: int, user_id: int) -> str:
    return f"chat:presence:{channel_id}:{user_id}"


def _user_key(user_id: int) -> str:
    return f"chat:online:{user_id}"


def _increment(key: str, by: int) -> None:
    if by > 0 and cache.add(key, by, timeout=conf.presence_timeout()):
        return
    try:
        value = cache.incr(key, by)
    except ValueError:  # expired or never counted
        if by > 0:
            cache.set(key, by, timeout=conf.presence_timeout())
        return
    if value <= 0:
        cache.delete(key)


def arrive(channel_id: int, user_id: int) -> None:
    _increment(_channel_key(channel_id, user_id), 1)
    _increment(_user_key(user_id), 1)


def leave(channel_id: int, user_id: int) -> None:
    _increment(_channel_key(channel_id, user_id), -1)
    _increment(_user_key(user_id), -1)


def online_in(channel_id: int, user_ids: Iterable[int]) -> set[int]:
    keys = {_channel_key(channel_id, user_id): user_id for user_id in user_ids}
    found = cache.get_many(list(keys))
    return {keys[key] for key, count in found.items() if count and count > 0}


def is_online(user_id: int) -> bool:
    return (cache.get(_user_key(user_id)) or 0) > 0
