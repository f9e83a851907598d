"""Members connecting at the same moment share one read of the presence frame and the history."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from asgiref.sync import async_to_sync

from chat import consumers


def test_it_reads_the_presence_frame_once_for_members_connecting_together(monkeypatch, settings):
    settings.CHAT_PRESENCE_INTERVAL = 60
    reads: list[int] = []

    async def presence_frame(channel):
        reads.append(channel.pk)
        await asyncio.sleep(0)
        return {"type": "presence", "channel": channel.slug, "online": []}

    monkeypatch.setattr(consumers, "_presence_frame", presence_frame)
    channel = SimpleNamespace(pk=7, slug="team")

    def person(name):
        return SimpleNamespace(get_username=lambda: name, get_full_name=lambda: name.title())

    async def scenario():
        announcer = consumers._PresenceAnnouncer()
        together = await asyncio.gather(
            *(announcer.welcome(channel, person(name)) for name in ("ada", "mia", "otto"))
        )
        later = await announcer.welcome(channel, person("erik"))  # within the interval
        return together, later

    together, later = async_to_sync(scenario)()
    assert reads == [7]
    assert [frame["online"] for frame in together] == [
        [{"username": "ada", "name": "Ada"}],
        [{"username": "mia", "name": "Mia"}],
        [{"username": "otto", "name": "Otto"}],
    ]
    assert later["online"] == [{"username": "erik", "name": "Erik"}]


def test_it_shares_a_history_read_that_has_not_begun_and_no_other(monkeypatch):
    """Members connecting together share one read of the latest messages; one who subscribes
    after a read began gets a read of its own, which sees what the other may have missed."""
    reads: list[int] = []
    release = None

    async def read_history(channel, read):
        read.begun = True
        reads.append(len(reads) + 1)
        number = len(reads)
        await release.wait()
        return [f"read {number}"]

    monkeypatch.setattr(consumers, "_read_history", read_history)
    channel = SimpleNamespace(pk=7)

    async def scenario():
        nonlocal release
        release = asyncio.Event()
        together = [asyncio.ensure_future(consumers._history(channel)) for _ in range(3)]
        await asyncio.sleep(0)  # the read begins
        later = asyncio.ensure_future(consumers._history(channel))
        await asyncio.sleep(0)
        release.set()
        return await asyncio.gather(*together), await later

    together, later = async_to_sync(scenario)()
    assert reads == [1, 2]
    assert together == [["read 1"]] * 3
    assert later == ["read 2"]
