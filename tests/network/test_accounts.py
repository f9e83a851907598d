"""Sign-in with its rate limits, sign-out, password reset and the session's lifetime."""

from __future__ import annotations

import logging
import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory
from tests.html import one

LOGIN = "/accounts/login/"
LIMITED = "Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in 1 Minute noch einmal."
PASSWORD = "demo1234!"


@pytest.fixture
def member(db):
    return UserFactory(username="mira", email="Mira.Muster@example.org")


def sign_in(client, username, password=PASSWORD, *, address="192.0.2.1", **data):
    return client.post(
        LOGIN, {"username": username, "password": password, **data}, REMOTE_ADDR=address
    )


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def test_it_signs_in_by_username_and_follows_a_safe_next(client, member):
    response = sign_in(client, "mira", next="/directory/?q=Sprache")

    assert response.status_code == 302
    assert response.url == "/directory/?q=Sprache"
    assert signed_in(client)


def test_it_signs_in_by_email_in_any_case(client, member):
    response = sign_in(client, "mira.MUSTER@example.org", next="/directory/")

    assert response.status_code == 302
    assert signed_in(client)


def test_it_lands_on_the_dashboard_without_next(client, member):
    response = sign_in(client, "mira")

    assert response.url == reverse("my:dashboard")


def test_it_ignores_a_next_pointing_elsewhere(client, member):
    response = sign_in(client, "mira", next="https://evil.example/steal")

    assert response.status_code == 302
    assert response.url == reverse("my:dashboard")


def test_it_refuses_a_wrong_password_beside_the_form(client, member):
    response = sign_in(client, "mira", "falsch")

    assert response.status_code == 200
    assert "Passwort stimmen nicht" in response.content.decode()
    assert not signed_in(client)


def test_it_labels_the_sign_in_fields_for_assistive_technology_and_password_managers(client, db):
    page = client.get(LOGIN).content.decode()

    assert 'for="id_username"' in page
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert '<html lang="de"' in page


def test_it_ties_field_errors_to_their_fields(client, db):
    page = client.post(LOGIN, {"username": "mira", "password": ""}).content.decode()

    assert 'id="id_password_error"' in page
    assert one(page, 'input[aria-describedby~="id_password_error"]')["aria-invalid"] == "true"


def test_it_slows_down_the_failing_address_even_for_the_right_password(client, member):
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        assert sign_in(client, "mira", "falsch").status_code == 200

    response = sign_in(client, "mira")

    assert response.status_code == 429
    assert response.headers["Retry-After"] == str(settings.LOGIN_BACKOFF_FIRST_SECONDS)
    assert LIMITED in response.content.decode()
    assert not signed_in(client)


def test_it_counts_email_and_username_as_the_same_account(client, member):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        identifier = "mira" if attempt % 2 else "mira.muster@example.org"
        sign_in(client, identifier, "falsch")

    assert sign_in(client, "mira").status_code == 429


def test_it_limits_failures_per_address(client, member):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS):
        sign_in(client, f"unbekannt{attempt}", "falsch", address="203.0.113.9")

    refused = sign_in(client, "mira", address="203.0.113.9")
    elsewhere = sign_in(client, "mira", address="203.0.113.10", next="/directory/")

    assert refused.status_code == 429
    assert LIMITED in refused.content.decode()
    assert elsewhere.status_code == 302


def test_it_resets_the_account_counter_after_a_success(client, member):
    almost = settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT - 1
    for _attempt in range(almost):
        sign_in(client, "mira", "falsch")
    assert sign_in(client, "mira", next="/directory/").status_code == 302
    client.logout()
    for _attempt in range(almost):
        sign_in(client, "mira", "falsch")

    response = sign_in(client, "mira", next="/directory/")

    assert response.status_code == 302


def test_it_logs_sign_ins_without_naming_the_person(client, member, caplog):
    with caplog.at_level(logging.INFO, logger="mia.security"):
        sign_in(client, "mira.muster@example.org", "falsch")
        sign_in(client, "mira", next="/directory/")

    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "event=sign-in.failed" in logged
    assert "event=sign-in.succeeded" in logged
    assert "mira" not in logged.lower()
    assert "192.0.2.1" not in logged


def test_it_signs_out_only_by_post(client, member):
    client.force_login(member)

    assert client.get("/accounts/logout/").status_code == 405
    assert signed_in(client)
    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response.url == "/"
    assert not signed_in(client)


def test_it_mails_a_password_reset_link_that_works(client, member):
    response = client.post("/accounts/password-reset/", {"email": "MIRA.muster@example.org"})

    assert response.status_code == 302
    assert response.url == "/accounts/password-reset/done/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Mira.Muster@example.org"]
    assert "Passwort" in message.subject
    link = re.search(r"http://\S+/accounts/password-reset/confirm/\S+/", message.body).group(0)
    assert link.startswith(settings.WAGTAILADMIN_BASE_URL)

    form = client.get(link.removeprefix(settings.WAGTAILADMIN_BASE_URL), follow=True)
    assert form.status_code == 200
    assert "Neues Passwort festlegen" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Wiesen-Weg-2024!", "new_password2": "Wiesen-Weg-2024!"},
    )

    assert done.url == "/accounts/password-reset/complete/"
    assert sign_in(client, "mira", "Wiesen-Weg-2024!", next="/directory/").status_code == 302


def test_it_says_nothing_about_unknown_addresses_on_password_reset(client, db):
    response = client.post("/accounts/password-reset/", {"email": "niemand@example.org"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_it_rejects_weak_passwords_on_reset(client, member):
    client.post("/accounts/password-reset/", {"email": member.email})
    link = re.search(r"/accounts/password-reset/confirm/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]

    response = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in page
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_it_rejects_weak_passwords_on_change(client, member):
    client.force_login(member)

    response = client.post(
        "/accounts/password-change/",
        {"old_password": PASSWORD, "new_password1": "mira", "new_password2": "mira"},
    )

    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


def test_it_ends_sessions_after_eight_hours_or_with_the_browser(client, member):
    sign_in(client, "mira", next="/directory/")

    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert client.session.get_expire_at_browser_close()
    assert client.cookies[settings.SESSION_COOKIE_NAME]["httponly"]


def test_it_sends_the_admin_sign_in_to_the_portal_sign_in(client, db):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/admin/"


def test_it_serves_the_sign_in_in_english_under_en(client, db):
    response = client.get("/en/accounts/login/")

    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
