"""Guessing is slowed down where it happens; nobody can lock someone else out (issues 19, 24)."""

from __future__ import annotations

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail

from tests.factories import UserFactory

LOGIN = "/accounts/login/"
RESET = "/accounts/password-reset/"
CHANGE = "/accounts/password-change/"
PASSWORD = "demo1234!"
ATTACKER = "203.0.113.66"
OWNER = "198.51.100.10"
START = 1_900_000_000


@pytest.fixture
def member(db):
    return UserFactory(username="mira", email="mira@example.org")


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def sign_in(client, password=PASSWORD, *, address=ATTACKER, username="mira"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/directory/"},
        REMOTE_ADDR=address,
    )


def fail(client, times: int, address=ATTACKER) -> None:
    for _ in range(times):
        assert sign_in(client, "falsch", address=address).status_code == 200


def test_it_never_refuses_the_right_password_from_an_address_that_has_not_failed(
    client, member, clock
):
    fail(client, settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT)
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        assert sign_in(client, "falsch").status_code == 429

    response = sign_in(client, address=OWNER)

    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_it_lets_the_failing_address_try_again_after_a_growing_wait(client, member, clock):
    first = settings.LOGIN_BACKOFF_FIRST_SECONDS
    fail(client, settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT)
    refused = sign_in(client)
    assert (refused.status_code, refused["Retry-After"]) == (429, str(first))

    clock.shift(first)
    fail(client, 1)
    again = sign_in(client)
    assert (again.status_code, again["Retry-After"]) == (429, str(2 * first))

    clock.shift(2 * first)
    assert sign_in(client).status_code == 302


def test_it_mails_at_most_a_few_reset_links_per_address(client, member):
    answers = [
        client.post(RESET, {"email": f"jemand{n}@example.org"}, REMOTE_ADDR=ATTACKER)
        for n in range(6)
    ]
    refused = client.post(RESET, {"email": "mira@example.org"}, REMOTE_ADDR=ATTACKER)

    assert [answer.status_code for answer in answers] == [302] * 5 + [429]
    assert refused.status_code == 429
    assert refused["Retry-After"]
    page = refused.content.decode()
    assert "Zu viele Anfragen." in page
    assert 'value="mira@example.org"' in page
    assert mail.outbox == []


def test_it_mails_at_most_a_few_reset_links_per_account(client, member):
    answers = [
        client.post(RESET, {"email": "MIRA@example.org"}, REMOTE_ADDR=f"198.51.100.{n}")
        for n in range(5)
    ]

    assert [answer.status_code for answer in answers] == [302] * 3 + [429] * 2
    assert len(mail.outbox) == 3


def test_it_slows_down_guessing_the_old_password_when_changing_it(client, member, clock):
    client.force_login(member)
    new = {"new_password1": "Wiesen-Weg-2024!", "new_password2": "Wiesen-Weg-2024!"}
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        wrong = client.post(CHANGE, {"old_password": "falsch", **new}, REMOTE_ADDR=ATTACKER)
        assert wrong.status_code == 200

    refused = client.post(CHANGE, {"old_password": PASSWORD, **new}, REMOTE_ADDR=ATTACKER)

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(settings.LOGIN_BACKOFF_FIRST_SECONDS)
    assert "Zu viele Anfragen." in refused.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
    clock.shift(settings.LOGIN_BACKOFF_FIRST_SECONDS)
    done = client.post(CHANGE, {"old_password": PASSWORD, **new}, REMOTE_ADDR=ATTACKER)
    assert done.status_code == 302
