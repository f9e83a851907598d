"""Every role against every chat view and the socket: who gets in, who is sent away how."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync

from tests.chat.sockets import open_socket

ROLES = ["anonymous", "outsider", "elsewhere", "member", "admin", "staff"]

# What each role gets for the private channel "team" and the public channel "allgemein".
PAGE = {
    "/chat/": {
        "anonymous": 302,
        "outsider": 200,
        "elsewhere": 200,
        "member": 200,
        "admin": 200,
        "staff": 200,
    },
    "/chat/team/": {
        "anonymous": 302,
        "outsider": 404,
        "elsewhere": 404,
        "member": 200,
        "admin": 200,
        "staff": 404,
    },
    "/chat/allgemein/": {
        "anonymous": 302,
        "outsider": 404,
        "elsewhere": 200,
        "member": 200,
        "admin": 200,
        "staff": 200,
    },
    "/api/v1/chat/channels/": {
        "anonymous": 403,
        "outsider": 200,
        "elsewhere": 200,
        "member": 200,
        "admin": 200,
        "staff": 200,
    },
    "/api/v1/chat/team/messages/": {
        "anonymous": 403,
        "outsider": 404,
        "elsewhere": 404,
        "member": 200,
        "admin": 200,
        "staff": 404,
    },
    "/api/v1/chat/allgemein/messages/": {
        "anonymous": 403,
        "outsider": 404,
        "elsewhere": 200,
        "member": 200,
        "admin": 200,
        "staff": 200,
    },
}
SOCKET = {
    "team": {"anonymous": 4401, "outsider": 4403, "elsewhere": 4403, "member": None,
             "admin": None, "staff": 4403},
    "allgemein": {"anonymous": 4401, "outsider": 4403, "elsewhere": None, "member": None,
                  "admin": None, "staff": None},
}  # fmt: skip


def _user(people, role):
    return None if role == "anonymous" else getattr(people, role)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", list(PAGE))
def test_it_gives_each_role_what_it_may_see(client, people, team, lobby, role, path):
    user = _user(people, role)
    if user is not None:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == PAGE[path][role]
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("slug", list(SOCKET))
def test_it_lets_each_role_onto_the_sockets_it_may_use(people, team, lobby, role, slug):
    async def scenario():
        socket = await open_socket(slug, _user(people, role))
        connected, _ = await socket.connect(timeout=3)
        assert connected
        first = await socket.receive_output(timeout=3)
        await socket.disconnect()
        return first

    first = async_to_sync(scenario)()
    expected = SOCKET[slug][role]
    if expected is None:
        assert first["type"] == "websocket.send"
    else:
        assert first == {"type": "websocket.close", "code": expected}
