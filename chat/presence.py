"""Who is connected, counted per socket in the cache (Redis in production, shared by workers).

Counters rather than sets: a member with two tabs stays online until the last one closes. The
timeout bounds the damage of a server that dies without running its disconnect handlers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache

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


# _increment's steps for several counters in one round trip to Redis: a thousand members
# connecting at once each waited for four (add or incr, for the channel and for the person).
_COUNT_SCRIPT = """
for _, key in ipairs(KEYS) do
  local value = redis.call('INCRBY', key, ARGV[1])
  if value <= 0 then
    redis.call('DEL', key)
  elseif value == tonumber(ARGV[1]) then
    redis.call('EXPIRE', key, ARGV[2])
  end
end
return 1
"""
_scripts: dict[int, Any] = {}


def _count(keys: list[str], by: int) -> None:
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, RedisCache):
        for key in keys:
            _increment(key, by)
        return
    names = [backend.make_and_validate_key(key) for key in keys]

    def call() -> None:
        client = backend._cache.get_client(names[0], write=True)
        script = _scripts.get(id(client))
        if script is None:
            script = _scripts.setdefault(id(client), client.register_script(_COUNT_SCRIPT))
        script(keys=names, args=[by, conf.presence_timeout()])

    guarded = getattr(backend, "_guarded", None)
    if guarded is None:
        call()
    else:  # Redis unreachable: dropped, as every write to the tolerant cache
        guarded(call, lambda: None)


def arrive(channel_id: int, user_id: int) -> None:
    _count([_channel_key(channel_id, user_id), _user_key(user_id)], 1)


def leave(channel_id: int, user_id: int) -> None:
    _count([_channel_key(channel_id, user_id), _user_key(user_id)], -1)


def online_in(channel_id: int, user_ids: Iterable[int]) -> set[int]:
    keys = {_channel_key(channel_id, user_id): user_id for user_id in user_ids}
    found = cache.get_many(list(keys))
    return {keys[key] for key, count in found.items() if count and count > 0}


def is_online(user_id: int) -> bool:
    return (cache.get(_user_key(user_id)) or 0) > 0
