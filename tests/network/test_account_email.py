"""Changing one's e-mail in the admin needs the password; the old address is told (issue 24)."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import AgencyUnitFactory, UserFactory
from tests.html import form_data

ACCOUNT = "/admin/account/"
FORM = "form#w-editor-form"
PASSWORD = "demo1234!"


@pytest.fixture
def staff(db):
    user = UserFactory(
        username="sven", email="sven@amt.example", first_name="Sven", last_name="Steuer"
    )
    AgencyUnitFactory(slug="test-bereich", name="Testbereich").staff.add(user)
    return user


@pytest.fixture
def signed_in(client, staff):
    client.force_login(staff)
    return client


def submit(client, **changes):
    data = form_data(client.get(ACCOUNT), FORM)
    data.update({key: [value] for key, value in changes.items()})
    return client.post(ACCOUNT, data, REMOTE_ADDR="192.0.2.44")


def test_it_keeps_the_address_without_the_current_password(signed_in, staff):
    response = submit(signed_in, **{"email-email": "neu@evil.example"})

    assert response.status_code == 200
    assert "Bitte geben Sie Ihr aktuelles Passwort richtig ein." in response.content.decode()
    staff.refresh_from_db()
    assert staff.email == "sven@amt.example"
    assert mail.outbox == []


def test_it_changes_the_address_with_the_password_and_tells_the_old_one(
    signed_in, staff, caplog, django_capture_on_commit_callbacks
):
    change = {"email-email": "sven.neu@amt.example", "email-current_password": PASSWORD}
    with (
        caplog.at_level(logging.INFO, logger="mia.security"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = submit(signed_in, **change)

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.email == "sven.neu@amt.example"
    assert [message.to for message in mail.outbox] == [["sven@amt.example"]]
    assert "sven" in mail.outbox[0].body
    assert "sven.neu@amt.example" not in mail.outbox[0].body
    assert "event=account.email-changed" in caplog.text
    assert "sven@amt.example" not in caplog.text


def test_it_saves_a_new_name_without_the_password(signed_in, staff):
    response = submit(signed_in, **{"name_email-first_name": "Sven-Ole"})

    assert response.status_code == 302
    staff.refresh_from_db()
    assert (staff.first_name, staff.email) == ("Sven-Ole", "sven@amt.example")


def test_it_slows_down_guessing_the_password_on_the_account_page(signed_in, staff):
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        submit(signed_in, **{"email-email": "x@evil.example", "email-current_password": "falsch"})

    response = submit(
        signed_in, **{"email-email": "x@evil.example", "email-current_password": PASSWORD}
    )

    assert "Zu viele Anfragen." in response.content.decode()
    staff.refresh_from_db()
    assert staff.email == "sven@amt.example"


def test_it_sends_password_changes_to_the_limited_page(signed_in):
    page = signed_in.get(ACCOUNT).content.decode()

    assert 'name="password-old_password"' not in page
    assert 'href="/accounts/password-change/"' in page
