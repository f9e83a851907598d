"""Many people writing at the same moment against a real portal process (daphne, as `make run`
serves, with the outbox worker beside it), on SQLite by default and on PostgreSQL when
DATABASE_URL names one: nothing is lost, nothing is stored twice, nobody sees a 500."""

from __future__ import annotations

import asyncio
import json
import uuid

import websockets

from tests.concurrency.site import Site, at_once, form_values
from tests.referrals.helpers import valid_form


def statuses(responses) -> dict[int, int]:
    counted: dict[int, int] = {}
    for response in responses:
        counted[response.status_code] = counted.get(response.status_code, 0) + 1
    return counted


def test_it_stores_50_referrals_sent_at_once_each_exactly_once(site: Site):
    marker = f"parallel-{uuid.uuid4().hex[:8]}"

    def prepare(number: int):
        visitor = site.visitor()
        return visitor, visitor.token("/referral/")

    def send(number: int, prepared):
        visitor, token = prepared
        form = valid_form(person_name=f"Person {number}", description=f"{marker}-{number:02d}")
        return visitor.post("/referral/", form, token)

    responses = at_once(50, prepare, send)

    assert statuses(responses) == {302: 50}, site.server.output()
    rows = site.database.rows(
        "SELECT reference, description FROM referrals_referral WHERE description LIKE %s",
        f"{marker}-%",
    )
    assert sorted(description for _reference, description in rows) == [
        f"{marker}-{number:02d}" for number in range(50)
    ]
    assert len({reference for reference, _description in rows}) == 50
    assert not site.server_errors()


def test_it_stores_20_help_offers_to_one_need_sent_at_once(site: Site):
    need = site.people["busy_need"]
    path = f"/needs/{need}/"

    def prepare(number: int):
        visitor = site.visitor()
        return visitor, visitor.token(path)

    def offer(number: int, prepared):
        visitor, token = prepared
        data = {
            "name": f"Helferin {number}",
            "email": f"helferin{number}@example.org",
            "phone": "",
            "message": "Ich kann dienstags.",
            "consent": "on",
            "website": "",
        }
        return visitor.post(path, data, token)

    responses = at_once(20, prepare, offer)

    assert statuses(responses) == {302: 20}, site.server.output()
    names = site.database.rows("SELECT name FROM needs_helpoffer WHERE need_id = %s", need)
    assert sorted(name for (name,) in names) == sorted(f"Helferin {n}" for n in range(20))
    assert not site.server_errors()


def test_it_stores_20_profile_proposals_of_different_editors_sent_at_once(site: Site):
    editors = site.people["editors"]

    def prepare(number: int):
        editor = editors[number]
        visitor = site.visitor(editor["session"])
        path = f"/my/actors/{editor['actor']}/edit/"
        page = visitor.get(path)
        assert page.status_code == 200, page.status_code
        data = form_values(page.text)
        data["short_description"] = [f"Neu beschrieben von Redaktion {number}."]
        return visitor, path, data

    def propose(number: int, prepared):
        visitor, path, data = prepared
        token = data.pop("csrfmiddlewaretoken")[0]
        return visitor.post(path, data, token)

    responses = at_once(20, prepare, propose)

    assert statuses(responses) == {302: 20}, site.server.output()
    changes = site.database.rows(
        "SELECT a.slug, count(c.id) FROM network_profilechange c "
        "JOIN network_actor a ON a.id = c.actor_id WHERE a.slug LIKE %s GROUP BY a.slug",
        "parallelverein-%",
    )
    assert dict(changes) == {editor["actor"]: 1 for editor in editors}
    assert not site.server_errors()


def test_it_stores_50_chat_messages_from_50_sockets_sent_at_once(site: Site):
    slug = site.people["channel"]
    url = site.base.replace("http://", "ws://") + f"/ws/chat/{slug}/"
    marker = uuid.uuid4().hex[:8]

    async def chat() -> list[dict]:
        sockets = [
            await websockets.connect(
                url,
                origin=site.base,
                additional_headers={"Cookie": f"sessionid={session}"},
                open_timeout=60,
                max_size=2**20,
            )
            for session in site.people["chatters"]
        ]
        try:
            for socket in sockets:
                await _frame(socket, "presence")
            await asyncio.gather(
                *(
                    socket.send(
                        json.dumps(
                            {
                                "type": "message",
                                "body": f"{marker} {n}",
                                "client_id": f"{marker}-{n}",
                            }
                        )
                    )
                    for n, socket in enumerate(sockets)
                )
            )
            return await asyncio.gather(
                *(_own_echo(socket, f"{marker}-{n}") for n, socket in enumerate(sockets))
            )
        finally:
            await asyncio.gather(*(socket.close() for socket in sockets))

    echoes = asyncio.run(chat())

    assert [frame["type"] for frame in echoes] == ["message"] * 50
    stored = site.database.rows(
        "SELECT m.seq FROM chat_message m JOIN chat_channel c ON c.id = m.channel_id "
        "WHERE c.slug = %s AND m.body LIKE %s",
        slug,
        f"{marker} %",
    )
    sequence = sorted(seq for (seq,) in stored)
    assert len(sequence) == 50
    assert sequence == list(range(sequence[0], sequence[0] + 50))
    assert sorted(frame["id"] for frame in echoes) == sequence
    assert not site.server_errors()


async def _frame(socket, kind: str) -> dict:
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=60))
        if frame["type"] in (kind, "error"):
            return frame


async def _own_echo(socket, client_id: str) -> dict:
    """The socket's own message coming back (or the error answering it)."""
    while True:
        frame = json.loads(await asyncio.wait_for(socket.recv(), timeout=60))
        if frame["type"] == "error" or frame.get("client_id") == client_id:
            return frame


def test_it_keeps_the_replies_consistent_when_a_need_is_filled_while_helpers_reply(site: Site):
    need = site.people["filled_need"]
    path = f"/needs/{need}/"
    fill_path = f"/my/actors/helferkreis-parallel/needs/{need}/filled/"

    def prepare(number: int):
        if number == 0:
            coordinator = site.visitor(site.people["coordinator"])
            return coordinator, coordinator.token("/my/actors/helferkreis-parallel/needs/")
        visitor = site.visitor()
        return visitor, visitor.token(path)

    def act(number: int, prepared):
        visitor, token = prepared
        if number == 0:
            return visitor.post(fill_path, {}, token)
        data = {
            "name": f"Späte Helferin {number}",
            "email": f"spaet{number}@example.org",
            "phone": "",
            "message": "",
            "consent": "on",
            "website": "",
        }
        return visitor.post(path, data, token)

    responses = at_once(11, prepare, act)

    assert responses[0].status_code == 302
    replies = [response.status_code for response in responses[1:]]
    assert set(replies) <= {302, 404, 409}, site.server.output()
    status, closed_at = site.database.rows(
        "SELECT status, closed_at FROM needs_need WHERE id = %s", need
    )[0]
    assert status == "filled"
    stored = site.database.rows("SELECT created_at FROM needs_helpoffer WHERE need_id = %s", need)
    assert len(stored) == replies.count(302)
    assert all(str(created) <= str(closed_at) for (created,) in stored)
    assert not site.server_errors()


def test_it_lets_one_of_two_staff_forwarding_a_referral_at_once_win(site: Site):
    reference = site.people["referral"]
    targets = site.people["targets"]
    path = f"/agency/referrals/{reference}/"

    def prepare(number: int):
        staff = site.visitor(site.people["staff"][number])
        return staff, staff.token(path)

    def forward(number: int, prepared):
        staff, token = prepared
        answer = staff.post(
            f"{path}forward/",
            {"forward-unit": targets[number], "forward-note": f"Von Person {number}"},
            token,
        )
        return staff, answer

    outcomes = at_once(2, prepare, forward)

    assert [answer.status_code for _staff, answer in outcomes] == [302, 302], site.server.output()
    steps = site.database.rows(
        "SELECT e.to_unit_id FROM referrals_referralevent e "
        "JOIN referrals_referral r ON r.id = e.referral_id "
        "WHERE r.reference = %s AND e.kind = 'forwarded'",
        reference,
    )
    assert len(steps) == 1
    winner = targets.index(steps[0][0])
    unit = site.database.value(
        "SELECT unit_id FROM referrals_referral WHERE reference = %s", reference
    )
    assert unit == targets[winner]
    loser, _answer = outcomes[1 - winner]
    inbox = loser.get("/agency/referrals/")
    assert "gerade geändert" in inbox.text
    assert "Ihr Schritt wurde nicht ausgeführt" in inbox.text
    assert not site.server_errors()
