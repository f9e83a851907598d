"""The chat's sockets through a real Redis outage: daphne, channels-redis and a Redis of our own.

Two signed-in members hold real WebSockets on "allgemein" when Redis is killed. Both are told
(a `degraded` error, close 4503); a message one of them sends over the dying socket is saved
once, over the socket or through the HTTP fallback with the same client_id, as chat.js does;
the other messages of the outage go through the HTTP API (201). The clients reconnect on
chat.js's backoff, and once Redis is back they are in again within 10 s, resume from their last
id and get every message of the outage, in order, with no gap and none twice; then live
delivery works again.

FAULT_CHAT_OUTAGE_SECONDS sets the outage (8 s by default: test_redis_outage holds Redis down
for the full 30 s of the issue, and the reconnect bound does not depend on the outage's length
once the backoff has reached its cap).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import time
from dataclasses import dataclass, field

import pytest
import requests
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from tests.faults.services import PortalServer, RedisServer
from tests.faults.visitor import Visitor

pytestmark = pytest.mark.faults

OUTAGE_SECONDS = float(os.environ.get("FAULT_CHAT_OUTAGE_SECONDS", "8"))
CHANNEL = "allgemein"
# chat/static/chat/chat.js: the delay before the n-th reconnect, plus up to a fifth at random.
BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0, 5.0)
JITTER = 0.2
FATAL_CODES = {4401, 4403, 4404}
DEGRADED = 4503
# The bound: clients are back within 10 s of Redis returning.
BACK_WITHIN = 10.0
TOLD_WITHIN = 5.0
FRAME_TIMEOUT = 10.0
OUTAGE_POSTS = 5
JITTER_SOURCE = random.SystemRandom()


def backoff(attempt: int) -> float:
    step = BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS) - 1)]
    return step * (1 + JITTER * JITTER_SOURCE.random())


@dataclass
class Member:
    """A chat client that behaves as chat.js: keeps one frame per id, knows the last id up to
    which it has seen everything, reconnects on the backoff and resumes after that id."""

    username: str
    visitor: Visitor
    socket: ClientConnection | None = None
    kept: dict[int, dict] = field(default_factory=dict)
    arrivals: list[int] = field(default_factory=list)  # ids as first kept, in arrival order
    pending: dict[str, str] = field(default_factory=dict)  # client_id -> body, not seen back
    attempt: int = 0
    closes: list[int] = field(default_factory=list)  # close codes of the reconnect attempts
    errors: list[str] = field(default_factory=list)  # codes of the error frames
    last_complete: int = 0
    resumed_after: int = 0  # the "after" of the resume sent on the socket that got back in

    @property
    def url(self) -> str:
        return self.visitor.base.replace("http://", "ws://") + f"/ws/chat/{CHANNEL}/"

    def open(self):
        cookie = "; ".join(
            f"{name}={value}" for name, value in self.visitor.session.cookies.items()
        )
        return connect(
            self.url,
            origin=self.visitor.base,  # as a browser on the portal's page sends it
            additional_headers={"Cookie": cookie},
            open_timeout=FRAME_TIMEOUT,
            close_timeout=2,
        )

    def take(self, frame: dict) -> None:
        if frame["type"] == "message":
            if frame.get("client_id"):
                self.pending.pop(frame["client_id"], None)
            if frame["id"] not in self.kept:
                self.arrivals.append(frame["id"])
            self.kept[frame["id"]] = frame
            if self.last_complete < min(self.kept) - 1:
                self.last_complete = min(self.kept) - 1
            while self.last_complete + 1 in self.kept:
                self.last_complete += 1
        elif frame["type"] == "presence":
            # Only a socket that got this far counts as back (chat.js).
            self.attempt = 0
        elif frame["type"] == "error":
            self.errors.append(frame["code"])

    async def next_frame(self, timeout: float = FRAME_TIMEOUT) -> dict:
        assert self.socket is not None
        frame = json.loads(await asyncio.wait_for(self.socket.recv(), timeout))
        self.take(frame)
        return frame

    async def until(self, kind: str, **match: object) -> dict:
        while True:
            frame = await self.next_frame()
            if frame["type"] == kind and all(frame.get(k) == v for k, v in match.items()):
                return frame

    async def quiet(self, seconds: float = 1.0) -> list[dict]:
        frames = []
        while True:
            try:
                frames.append(await self.next_frame(seconds))
            except TimeoutError:
                return frames

    async def connect_first(self) -> None:
        self.socket = await self.open()
        await self.until("presence")

    async def until_closed(self) -> int:
        """Read what is left on a socket the server closes; returns the close code."""
        assert self.socket is not None
        try:
            while True:
                await self.next_frame()
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else 1006
        finally:
            self.socket = None

    async def send_message(self, body: str, client_id: str) -> None:
        assert self.socket is not None
        self.pending[client_id] = body
        # On a socket already closed it is posted over HTTP after the close, as chat.js does.
        with contextlib.suppress(ConnectionClosed):
            await self.socket.send(
                json.dumps({"type": "message", "body": body, "client_id": client_id})
            )

    def post_pending_over_http(self) -> None:
        for client_id, body in list(self.pending.items()):
            response = self.visitor.post_chat(CHANNEL, body, client_id)
            assert response.status_code in (200, 201), response.text
            self.take(response.json())

    async def reconnect(self) -> list[dict]:
        """Back off, connect, resume and resend as chat.js does, until a socket reaches its
        presence frame; returns the frames of that socket up to the presence frame."""
        while True:
            await asyncio.sleep(backoff(self.attempt))
            self.attempt += 1
            try:
                self.socket = await self.open()
            except (OSError, TimeoutError, InvalidHandshake):
                continue
            after = self.last_complete
            frames: list[dict] = []
            try:
                await self.socket.send(json.dumps({"type": "resume", "after": after}))
                for client_id, body in self.pending.items():
                    await self.socket.send(
                        json.dumps({"type": "message", "body": body, "client_id": client_id})
                    )
                while True:
                    frames.append(await self.next_frame())
                    if frames[-1]["type"] == "presence":
                        self.resumed_after = after
                        return frames
            except ConnectionClosed as closed:
                code = closed.rcvd.code if closed.rcvd else 1006
                self.closes.append(code)
                assert code not in FATAL_CODES, f"{self.username}: closed for good ({code})"
                self.socket = None
                await asyncio.to_thread(self.post_pending_over_http)

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()  # returns once closed, also when the server is gone
            self.socket = None


async def told(member: Member, stopped: float) -> float:
    """Seconds after Redis stopped at which the member's socket was closed with 4503."""
    code = await asyncio.wait_for(member.until_closed(), TOLD_WITHIN + FRAME_TIMEOUT)
    assert code == DEGRADED, (member.username, code)
    return time.monotonic() - stopped


async def back(member: Member, restarting: asyncio.Event) -> tuple[list[dict], float]:
    frames = await member.reconnect()
    # A socket cannot reach its presence frame while Redis is down.
    assert restarting.is_set(), f"{member.username} got in while Redis was down"
    return frames, time.monotonic()


def resume_answer(frames: list[dict], later: list[dict], after: int, newest: int) -> list[int]:
    """Ids the server sent for the resume: what follows the history (which ends at the newest
    id) among the message frames of the new socket."""
    ids = [f["id"] for f in [*frames, *later] if f["type"] == "message"]
    history_end = ids.index(newest)
    answer = ids[history_end + 1 :]
    assert all(i > after for i in answer), (after, answer)
    return answer


def test_it_tells_chat_clients_of_a_redis_outage_and_resumes_them_without_gaps(
    database, redis: RedisServer, portal
):
    server: PortalServer = portal(database, REDIS_URL=redis.url)
    ada = Member("editor", Visitor(server.base))
    emil = Member("jobcenter", Visitor(server.base))
    for member in (ada, emil):
        member.visitor.sign_in(member.username)
    figures: dict[str, object] = {}

    async def scenario() -> None:
        try:
            await asyncio.wait_for(steps(), OUTAGE_SECONDS + 90)
        finally:
            for member in (ada, emil):
                await member.close()

    async def steps() -> None:
        await ada.connect_first()
        await emil.connect_first()
        await ada.send_message("Vor dem Ausfall", "before")
        before = await emil.until("message", client_id="before")
        await ada.until("message", client_id="before")
        assert ada.last_complete == emil.last_complete == before["id"]

        redis.stop()
        stopped = time.monotonic()
        # Sent the instant Redis went: either saved and echoed before the 4503, or not acted
        # on by a socket already closing and then saved through the HTTP fallback.
        await ada.send_message("Im Moment des Ausfalls", "at-the-moment")
        told_after = await asyncio.gather(told(ada, stopped), told(emil, stopped))
        assert "degraded" in ada.errors and "degraded" in emil.errors
        figures["moment saved by"] = "HTTP" if "at-the-moment" in ada.pending else "socket"
        await asyncio.to_thread(ada.post_pending_over_http)
        assert not ada.pending

        restarting = asyncio.Event()
        reconnecting = [asyncio.create_task(back(member, restarting)) for member in (ada, emil)]
        posted: list[dict] = []
        while time.monotonic() - stopped < OUTAGE_SECONDS or len(posted) < OUTAGE_POSTS:
            if len(posted) < OUTAGE_POSTS:
                response = await asyncio.to_thread(
                    ada.visitor.post_chat,
                    CHANNEL,
                    f"Während des Ausfalls {len(posted)}",
                    f"outage-{len(posted)}",
                )
                assert response.status_code == 201, response.text
                posted.append(response.json())
            await asyncio.sleep(0.5)
            for task in reconnecting:
                if task.done():
                    task.result()  # raises: no socket may be back while Redis is down
        outage = time.monotonic() - stopped

        restarting.set()
        await asyncio.to_thread(redis.start)
        returned = time.monotonic()  # redis-server accepts connections (polled every 0.1 s)
        results = await asyncio.wait_for(asyncio.gather(*reconnecting), BACK_WITHIN + 5)
        newest = posted[-1]["id"]
        for member, (frames, at) in zip((ada, emil), results, strict=True):
            later = await member.quiet()
            answer = resume_answer(frames, later, member.resumed_after, newest)
            assert answer == list(range(member.resumed_after + 1, newest + 1)), (
                member.username,
                answer,
            )
            figures[f"{member.username} back after"] = at - returned
            figures[f"{member.username} resumed"] = len(answer)
            figures[f"{member.username} attempts"] = member.closes

        figures["told after"] = told_after
        figures["outage"] = outage
        for member in (ada, emil):
            assert member.last_complete == newest, member.username
            outage_ids = [i for i in member.arrivals if i > before["id"]]
            assert outage_ids == list(range(before["id"] + 1, newest + 1)), (
                member.username,
                outage_ids,
            )
            assert [member.kept[p["id"]]["body"] for p in posted] == [p["body"] for p in posted]
            assert all(code == DEGRADED for code in member.closes), member.closes
        moment = [f for f in ada.kept.values() if f["client_id"] == "at-the-moment"]
        assert len(moment) == 1 and moment[0]["id"] == before["id"] + 1

        await ada.send_message("Wieder da", "after")
        live = await emil.until("message", client_id="after")
        assert live["id"] == newest + 1
        await ada.until("message", client_id="after")
        assert not ada.pending

    try:
        asyncio.run(scenario())
    except BaseException:
        print(server.output())
        raise

    print(
        f"\nRedis down {figures['outage']:.1f} s; told (4503) after "
        + ", ".join(f"{s:.2f} s" for s in figures["told after"])
        + f"; the message sent at that moment was saved by {figures['moment saved by']}"
        + "; back after Redis returned: "
        + ", ".join(
            f"{name} {figures[f'{name} back after']:.2f} s "
            f"(resumed {figures[f'{name} resumed']}, "
            f"refused attempts {figures[f'{name} attempts']})"
            for name in ("editor", "jobcenter")
        )
    )
    for name in ("editor", "jobcenter"):
        assert figures[f"{name} back after"] < BACK_WITHIN
    for seconds in figures["told after"]:
        assert seconds < TOLD_WITHIN

    stored = requests.get(
        f"{server.base}/api/v1/chat/{CHANNEL}/messages/",
        cookies=ada.visitor.session.cookies,
        timeout=15,
    ).json()["results"]
    bodies = [m["body"] for m in stored if m["id"] >= stored[-1]["id"] - OUTAGE_POSTS - 2]
    assert bodies == [
        "Vor dem Ausfall",
        "Im Moment des Ausfalls",
        *(f"Während des Ausfalls {n}" for n in range(OUTAGE_POSTS)),
        "Wieder da",
    ]
