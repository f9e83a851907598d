"""Members connecting at the same moment share one read of the presence frame and the history."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings as django_settings

from chat import consumers, presence


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


def test_it_keeps_a_member_online_until_the_last_socket_leaves():
    presence.leave(3, 9)  # a leave without an arrival counts nothing
    presence.arrive(3, 9)
    presence.arrive(3, 9)
    presence.leave(3, 9)
    two_then_one = (presence.online_in(3, [9, 10]), presence.is_online(9))
    presence.leave(3, 9)

    assert two_then_one == ({9}, True)
    assert (presence.online_in(3, [9]), presence.is_online(9)) == (set(), False)
    presence.arrive(3, 9)
    assert presence.online_in(3, [9]) == {9}


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="the Redis cache only")
def test_it_counts_an_arrival_in_one_round_trip_to_redis(monkeypatch):
    import redis

    commands = []
    original = redis.Redis.execute_command

    def counting(self, *args, **options):
        commands.append(args[0])
        return original(self, *args, **options)

    presence.arrive(4, 9)  # the script is loaded
    monkeypatch.setattr(redis.Redis, "execute_command", counting)
    presence.arrive(4, 9)
    presence.leave(4, 9)

    assert commands == ["EVALSHA", "EVALSHA"]
