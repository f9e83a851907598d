"""A Redis cache that the portal survives losing.

The cache holds nothing the portal cannot do without (rate-limit counters, chat presence, word
lists that are read from the database again), so a Redis outage must not turn pages into errors.
Every failure of Redis is answered as a miss: `get` returns the default, `add` succeeds, `incr`
raises ValueError as for a missing key, writes and deletes are dropped. Rate limits therefore fail
open while Redis is down: counters start again at one, and nothing is refused.

Short socket timeouts bound the first failure; after it, a circuit breaker answers every call at
once as a miss for `RETRY_AFTER` seconds before Redis is asked again, so a dead or unreachable
Redis does not cost each request one timeout per cache call. The outage is logged when it starts
and when Redis answers again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0
Result = TypeVar("Result")


class Breaker:
    """The state of one Redis server, shared by the cache objects of every thread."""

    def __init__(self) -> None:
        self.down = False
        self.down_until = 0.0

    def is_open(self) -> bool:
        return self.down and time.monotonic() < self.down_until

    def failed(self, error: Exception, retry_after: float) -> None:
        if not self.down:
            logger.warning(
                "Redis cache unreachable (%s); every call is a miss until it answers again.",
                error.__class__.__name__,
            )
        self.down = True
        self.down_until = time.monotonic() + retry_after

    def answered(self) -> None:
        if self.down:
            logger.warning("Redis cache answers again.")
            self.down = False


_breakers: dict[str, Breaker] = {}


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` around the pool on every call.

    A page-cache hit is one or two cache calls, and building that object cost about as much as
    the Redis round trip (measured under a profile). The `redis.Redis` object is thread-safe
    (each command borrows a connection from the pool), so one per pool serves every thread.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class TolerantRedisCache(RedisCache):
    """Django's RedisCache whose failures read as misses; see the module's docstring."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self.retry_after = float(params.get("RETRY_AFTER", RETRY_AFTER))
        self.breaker = _breakers.setdefault(str(server), Breaker())

    def _guarded(self, call: Callable[[], Result], miss: Callable[[], Result]) -> Result:
        if self.breaker.is_open():
            return miss()
        try:
            result = call()
        except (RedisError, OSError) as error:
            self.breaker.failed(error, self.retry_after)
            return miss()
        self.breaker.answered()
        return result

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._guarded(
            lambda: super(TolerantRedisCache, self).add(key, value, timeout, version), lambda: True
        )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._guarded(
            lambda: super(TolerantRedisCache, self).get(key, default, version), lambda: default
        )

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._guarded(
            lambda: super(TolerantRedisCache, self).set(key, value, timeout, version), lambda: None
        )

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        return self._guarded(
            lambda: super(TolerantRedisCache, self).touch(key, timeout, version), lambda: False
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return self._guarded(
            lambda: super(TolerantRedisCache, self).delete(key, version), lambda: False
        )

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        return self._guarded(lambda: super(TolerantRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key: Any, version: Any = None) -> bool:
        return self._guarded(
            lambda: super(TolerantRedisCache, self).has_key(key, version), lambda: False
        )

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        def missing() -> int:
            raise ValueError(f"Key '{key}' not found (Redis unreachable)")

        return self._guarded(
            lambda: super(TolerantRedisCache, self).incr(key, delta, version), missing
        )

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> list[Any]:
        return self._guarded(
            lambda: super(TolerantRedisCache, self).set_many(data, timeout, version), list
        )

    def delete_many(self, keys: Any, version: Any = None) -> None:
        self._guarded(
            lambda: super(TolerantRedisCache, self).delete_many(keys, version), lambda: None
        )

    def clear(self) -> None:
        self._guarded(lambda: super(TolerantRedisCache, self).clear(), lambda: None)
