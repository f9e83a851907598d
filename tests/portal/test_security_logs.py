"""The security log: sign-ins, denials and looks at referrals are recorded, and nothing in the
records names a person."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from django.conf import settings
from django.utils import timezone

from network import totp, two_factor
from network.invitations import hash_token
from network.models import AgencyUnit, Invitation
from portal import settings as portal_settings
from portal.security_log import log_event
from tests.factories import ActorFactory, UserFactory
from tests.referrals.factories import ReferralFactory

ADDRESS = "203.0.113.45"
PASSWORD = "demo1234!"
PERSONAL = ("mira", "muster", "example.org", ADDRESS, "Amina", "Haddad", "0157", "Aufenthalt")


@pytest.fixture
def security_log(caplog):
    with caplog.at_level(logging.INFO, logger="mia.security"):
        yield caplog


def records(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "mia.security"]


def assert_nothing_personal(lines: list[str]) -> None:
    text = "\n".join(lines).lower()
    for value in PERSONAL:
        assert value.lower() not in text, value


@pytest.fixture
def member(db):
    return UserFactory(username="mira", email="mira.muster@example.org")


@pytest.fixture
def intake_staff(db):
    user = UserFactory(username="mira", email="mira.muster@example.org")
    AgencyUnit.objects.get(slug="eingangszone").staff.add(user)
    return user


def sign_in(client, username="mira", password=PASSWORD):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ADDRESS
    )


def test_it_logs_sign_ins_failures_and_locks_without_naming_anyone(client, member, security_log):
    sign_in(client, "mira.muster@example.org", "falsch")
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        sign_in(client, "mira", "falsch")
    lines = records(security_log)

    assert any(line.startswith("event=sign-in.failed step=password account=") for line in lines)
    assert any(line.startswith("event=sign-in.locked") for line in lines)
    assert_nothing_personal(lines)


def test_it_logs_a_successful_sign_in_by_account_hash(client, member, security_log):
    sign_in(client)

    (line,) = [line for line in records(security_log) if "sign-in.succeeded" in line]
    assert "factor=password" in line
    assert "account=" in line and "address=" in line
    assert_nothing_personal([line])


def test_it_logs_both_steps_of_a_two_factor_sign_in(client, member, security_log):
    device = two_factor.start_enrolment(acting_user=member)
    secret = two_factor.enrolment_secret(device)
    two_factor.confirm_enrolment(code=totp.code_for(secret, totp.step_at() - 1), acting_user=member)

    sign_in(client)
    client.post("/accounts/login/code/", {"code": "000000"}, REMOTE_ADDR=ADDRESS)
    client.post(
        "/accounts/login/code/",
        {"code": totp.code_for(secret, totp.step_at())},
        REMOTE_ADDR=ADDRESS,
    )
    lines = records(security_log)

    assert any("event=sign-in.password-accepted next_step=code" in line for line in lines)
    assert any("event=two-factor.code-failed step=sign-in" in line for line in lines)
    assert any("event=sign-in.succeeded factor=totp" in line for line in lines)
    assert_nothing_personal(lines)


def test_it_logs_a_denial_with_the_route_and_a_user_hash(client, member, security_log):
    client.force_login(member)

    response = client.get("/agency/referrals/")

    assert response.status_code == 403
    (line,) = [line for line in records(security_log) if "access.denied" in line]
    assert "status=403" in line
    assert "view=agency:inbox" in line
    assert re.search(r" user=[0-9a-f]{16}$", line)
    assert_nothing_personal([line])


def test_it_logs_another_units_referral_as_denied_without_its_reference(
    client, intake_staff, security_log
):
    elsewhere = ReferralFactory(unit=AgencyUnit.objects.get(slug="jobcenter"))
    client.force_login(intake_staff)

    response = client.get(f"/agency/referrals/{elsewhere.reference}/")

    assert response.status_code == 404
    (line,) = [line for line in records(security_log) if "access.denied" in line]
    assert "status=404" in line and "view=agency:detail" in line
    assert elsewhere.reference not in line
    assert_nothing_personal([line])


def test_it_keeps_tokens_in_addresses_out_of_the_log(client, member, security_log):
    token = "invitation-token-for-somebody-else"
    Invitation.objects.create(
        email="other@example.net",
        actor=ActorFactory(),
        role="editor",
        token_hash=hash_token(token),
        expires_at=timezone.now() + dt.timedelta(days=1),
    )
    client.force_login(member)

    response = client.get(f"/accounts/invitation/{token}/")

    assert response.status_code == 403
    (line,) = [line for line in records(security_log) if "access.denied" in line]
    assert "view=accounts:invitation route=accounts/invitation/<str:token>/" in line
    assert token not in line


def test_it_logs_who_opened_which_referral_without_its_content(client, intake_staff, security_log):
    referral = ReferralFactory()
    client.force_login(intake_staff)

    page = client.get(f"/agency/referrals/{referral.reference}/")
    export = client.get(f"/agency/referrals/{referral.reference}/export.json")

    assert page.status_code == 200 and export.status_code == 200
    lines = [line for line in records(security_log) if "referral.viewed" in line]
    assert lines == [
        f"event=referral.viewed referral={referral.pk} user={intake_staff.pk} channel=page",
        f"event=referral.viewed referral={referral.pk} user={intake_staff.pk} channel=export",
    ]
    assert_nothing_personal(lines)


def test_it_keeps_every_record_on_one_line(security_log):
    log_event("test.event", note="two\nlines and=more")

    (line,) = records(security_log)
    assert line == "event=test.event note=two_lines_and_more"


def test_it_writes_the_security_log_to_stderr_as_key_value_lines(capsys):
    config = portal_settings.LOGGING
    security = config["loggers"]["mia.security"]
    assert security["level"] == "INFO" and security["propagate"] is False
    formatter = logging.Formatter(
        config["formatters"]["security"]["format"], config["formatters"]["security"]["datefmt"]
    )
    record = logging.LogRecord("mia.security", logging.INFO, __file__, 1, "event=x a=1", (), None)

    line = formatter.format(record)

    assert line.startswith("time=") and line.endswith("level=INFO logger=mia.security event=x a=1")
    assert "\n" not in line
    assert config["handlers"]["security"]["class"] == "logging.StreamHandler"  # stderr
