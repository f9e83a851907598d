"""Group commit: the message frames of all sockets of a process, stored together.

Every socket's database work runs on the process's one database thread (chat.consumers,
`_in_database`), so ten members posting at once meant ten hops to that thread and back, ten
statements and ten commits one after the other, each waiting for the event loop in between
(the burst of docs/benchmarks.md). The writer instead takes every message frame waiting at that
moment, from all sockets, into one hop (chat.services.post_messages: one statement and one
commit per channel on PostgreSQL), and publishes the stored messages in commit order before it
answers each socket. Frames arriving meanwhile form the next batch, so nobody waits for a
timer: alone, a message is stored at once, as before.

What stays as it was: persist-then-broadcast, the per-channel order of the ids and of their
frames on the layer (one publishing lock per process, chat.broadcast.publish, taken in commit
order), the per-member rate limits and checks, the retry on lost locks and the error frames,
which each socket gets for its own message only.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from chat import broadcast
from chat.services import Post, Posted


@dataclass
class Stored:
    """A socket's message once stored: new, or a resend of a stored one."""

    message: Any
    created: bool


Unpublished = Callable[[Any], Awaitable[None]]


@dataclass
class _Waiting:
    post: Post
    unpublished: Unpublished | None
    answer: asyncio.Future = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


Store = Callable[[list[Post]], Awaitable[tuple[list[Posted], list[broadcast.Event]]]]


class Writer:
    """The group commit of one event loop (one server process)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.waiting: list[_Waiting] = []
        self.task: asyncio.Task | None = None
        self.publishing: set[asyncio.Task] = set()

    async def post(self, post: Post, unpublished: Unpublished | None = None) -> Stored:
        """Store the post with whatever else waits; raises what storing it raised.

        The answer comes once the post is stored, not once it is published: the socket reads
        its member's next frame while the layer carries this one, so that a burst is stored
        at the pace of the database, not of the fan-out. Should the publish fail,
        `unpublished` is called with the stored message (the socket tells its client)."""
        waiting = _Waiting(post, unpublished)
        self.waiting.append(waiting)
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self._drain())
        return await waiting.answer

    async def _drain(self) -> None:
        try:
            while self.waiting:
                batch, self.waiting = self.waiting, []
                try:
                    outcomes, events = await self.store([waiting.post for waiting in batch])
                except BaseException as error:  # the hop itself failed: every post of it did
                    for waiting in batch:
                        if not waiting.answer.done():
                            waiting.answer.set_exception(error)
                    if not isinstance(error, Exception):
                        raise
                    continue
                for waiting, outcome in zip(batch, outcomes, strict=True):
                    if waiting.answer.done():
                        continue
                    if isinstance(outcome, Exception):
                        waiting.answer.set_exception(outcome)
                    else:
                        waiting.answer.set_result(Stored(*outcome))
                # Started now, so that it takes the publishing lock before the next batch's
                # publish does: frames cross the layer in commit order. The next batch is
                # stored meanwhile.
                task = asyncio.get_running_loop().create_task(
                    self._publish(batch, outcomes, events)
                )
                self.publishing.add(task)
                task.add_done_callback(self.publishing.discard)
        finally:
            self.task = None

    @staticmethod
    async def _publish(
        batch: list[_Waiting], outcomes: list[Posted], events: list[broadcast.Event]
    ) -> None:
        if await broadcast.publish(events):
            return
        for waiting, outcome in zip(batch, outcomes, strict=True):
            if waiting.unpublished is not None and not isinstance(outcome, Exception):
                message, created = outcome
                if created:
                    await waiting.unpublished(message)


_writers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Writer] = weakref.WeakKeyDictionary()


def writer(store: Store) -> Writer:
    """This event loop's writer, storing through `store` (the sockets' database thread)."""
    loop = asyncio.get_running_loop()
    if loop not in _writers:
        _writers[loop] = Writer(store)
    return _writers[loop]
