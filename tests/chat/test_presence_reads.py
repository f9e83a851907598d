"""Members connecting at the same moment share one read of the channel's presence frame."""

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
