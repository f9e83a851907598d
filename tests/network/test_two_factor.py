"""Two-factor sign-in (TOTP): setting it up, the code step, recovery codes, turning it off, and
the agency's requirement for its staff."""

from __future__ import annotations

import io
import time

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command

from network import totp, two_factor
from network.models import AuditEntry, RecoveryCode, TwoFactorDevice
from tests.factories import AgencyUnitFactory, UserFactory

LOGIN = "/accounts/login/"
CODE = "/accounts/login/code/"
SETUP = "/accounts/two-factor/"
PASSWORD = "demo1234!"


@pytest.fixture
def member(db):
    return UserFactory(username="mira", email="mira@example.org")


@pytest.fixture
def staff(db):
    user = UserFactory(username="sven", email="sven@example.org")
    AgencyUnitFactory(slug="test-bereich", name="Testbereich").staff.add(user)
    return user


def enrol(user) -> tuple[str, list[str]]:
    """Sets up a device with the previous step's code, leaving now and the next step unused."""
    device = two_factor.start_enrolment(acting_user=user)
    secret = two_factor.enrolment_secret(device)
    codes = two_factor.confirm_enrolment(
        code=totp.code_for(secret, totp.step_at() - 1), acting_user=user
    )
    return secret, codes


def code(secret: str, offset: int = 0) -> str:
    return totp.code_for(secret, totp.step_at() + offset)


def password_step(client, username="mira", password=PASSWORD, **data):
    return client.post(
        LOGIN, {"username": username, "password": password, **data}, REMOTE_ADDR="192.0.2.7"
    )


def code_step(client, value: str):
    return client.post(CODE, {"code": value}, REMOTE_ADDR="192.0.2.7")


def signed_in(client) -> bool:
    return SESSION_KEY in client.session


def verified_login(client, user) -> None:
    """A session that went through the code step, as a device holder's session must have."""
    client.force_login(user)
    session = client.session
    session[two_factor.SESSION_VERIFIED] = user.pk
    session.save()


def test_it_computes_the_codes_of_rfc_6238():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # "12345678901234567890", the RFC's test key

    assert totp.code_for(secret, totp.step_at(59)) == "287082"
    assert totp.code_for(secret, totp.step_at(1111111109)) == "081804"
    assert totp.code_for(secret, totp.step_at(20000000000)) == "353130"


def test_it_accepts_a_step_either_side_but_not_further():
    secret = totp.new_secret()
    now = totp.step_at()

    assert totp.matching_step(secret, totp.code_for(secret, now - 1)) == now - 1
    assert totp.matching_step(secret, totp.code_for(secret, now + 1)) == now + 1
    assert totp.matching_step(secret, totp.code_for(secret, now + 2)) is None
    assert totp.matching_step(secret, totp.code_for(secret, now), after=now) is None


def test_it_shows_a_qr_code_and_the_address_while_setting_up(client, member):
    client.force_login(member)

    response = client.get(SETUP)

    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and "<path" in page
    assert "otpauth://totp/Integrationsnetzwerk%20Burgenlandkreis%3Amira?secret=" in page
    assert 'autocomplete="one-time-code"' in page
    assert "no-store" in response["Cache-Control"]


def test_it_keeps_the_secret_encrypted_and_the_same_across_page_loads(client, member):
    client.force_login(member)
    client.get(SETUP)
    device = TwoFactorDevice.objects.get(user=member)
    secret = two_factor.enrolment_secret(device)

    assert secret not in device.encrypted_secret
    assert secret[:4] in client.get(SETUP).content.decode()
    assert two_factor.enrolment_secret(TwoFactorDevice.objects.get(user=member)) == secret


def test_it_turns_on_with_the_apps_code_and_shows_recovery_codes_once(client, member):
    client.force_login(member)
    client.get(SETUP)
    secret = two_factor.enrolment_secret(TwoFactorDevice.objects.get(user=member))

    response = client.post(SETUP, {"code": code(secret)})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Die Zwei-Faktor-Anmeldung ist eingeschaltet." in page
    assert page.count("<li><code>") == two_factor.RECOVERY_CODE_COUNT
    assert TwoFactorDevice.objects.get(user=member).is_confirmed
    assert AuditEntry.objects.filter(action="two_factor.enabled", user=member).exists()
    after = client.get(SETUP).content.decode()
    assert "ist eingeschaltet" in after
    assert secret[:8] not in after and "otpauth://" not in after
    assert RecoveryCode.objects.filter(user=member).count() == two_factor.RECOVERY_CODE_COUNT


def test_it_refuses_a_wrong_code_while_setting_up(client, member):
    client.force_login(member)
    client.get(SETUP)

    response = client.post(SETUP, {"code": "000000"})

    assert response.status_code == 200
    assert "Der Code stimmt nicht" in response.content.decode()
    assert not TwoFactorDevice.objects.get(user=member).is_confirmed


def test_it_asks_for_the_code_before_signing_in(client, member):
    secret, _ = enrol(member)

    response = password_step(client, next="/directory/")

    assert response.status_code == 302
    assert response.url == CODE
    assert not signed_in(client)
    assert client.get("/my/").status_code == 302  # still signed out
    done = code_step(client, code(secret))
    assert done.status_code == 302
    assert done.url == "/directory/"
    assert signed_in(client)


def test_it_refuses_a_wrong_code(client, member):
    enrol(member)
    password_step(client)

    response = code_step(client, "123456")

    assert response.status_code == 200
    assert "Der Code stimmt nicht" in response.content.decode()
    assert not signed_in(client)


def test_it_refuses_a_code_used_once_already(client, member):
    secret, _ = enrol(member)
    password_step(client)
    used = code(secret)
    assert code_step(client, used).status_code == 302
    client.post("/accounts/logout/")

    password_step(client)
    response = code_step(client, used)

    assert response.status_code == 200
    assert not signed_in(client)


def test_it_accepts_each_recovery_code_once(client, member):
    _, codes = enrol(member)
    password_step(client)

    response = code_step(client, codes[0].upper().replace("-", " "))

    assert response.status_code == 302
    assert signed_in(client)
    client.post("/accounts/logout/")
    password_step(client)
    assert code_step(client, codes[0]).status_code == 200
    assert not signed_in(client)
    assert two_factor.remaining_recovery_codes(member) == two_factor.RECOVERY_CODE_COUNT - 1


def test_it_sends_the_code_step_back_to_the_password_without_one_pending(client, member):
    enrol(member)

    assert client.get(CODE).url == LOGIN


def test_it_forgets_the_password_step_after_a_few_minutes(client, member, time_machine):
    secret, _ = enrol(member)
    password_step(client)
    time_machine.move_to(time.time() + settings.TWO_FACTOR_PENDING_SECONDS + 1)

    response = code_step(client, code(secret))

    assert response.status_code == 302
    assert response.url == LOGIN
    assert not signed_in(client)


def test_it_limits_wrong_codes_even_before_the_right_one(client, member):
    secret, _ = enrol(member)
    password_step(client)
    for _ in range(settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT):
        code_step(client, "000000")

    response = code_step(client, code(secret))

    assert response.status_code == 429
    assert "Zu viele falsche Codes" in response.content.decode()
    assert not signed_in(client)


def test_it_turns_off_only_with_password_and_code(client, member):
    secret, _ = enrol(member)
    verified_login(client, member)

    wrong_password = client.post(
        SETUP,
        {"action": "disable", "disable-password": "falsch", "disable-code": code(secret)},
    )
    no_code = client.post(SETUP, {"action": "disable", "disable-password": PASSWORD})

    assert wrong_password.status_code == 200
    assert "Das Passwort stimmt nicht." in wrong_password.content.decode()
    assert no_code.status_code == 200
    assert two_factor.has_two_factor(member)
    response = client.post(
        SETUP,
        {"action": "disable", "disable-password": PASSWORD, "disable-code": code(secret, 1)},
    )
    assert response.status_code == 302
    assert not two_factor.has_two_factor(member)
    assert not RecoveryCode.objects.filter(user=member).exists()
    assert AuditEntry.objects.filter(action="two_factor.disabled", user=member).exists()


def test_it_renews_the_recovery_codes_with_a_code(client, member):
    secret, old = enrol(member)
    verified_login(client, member)

    response = client.post(SETUP, {"action": "renew", "renew-code": code(secret)})

    assert response.status_code == 200
    assert response.content.decode().count("<li><code>") == two_factor.RECOVERY_CODE_COUNT
    assert two_factor.use_code(user=member, code=old[0]) is None


@pytest.mark.parametrize("required", [True, False])
def test_it_sends_staff_to_set_it_up_when_the_agency_requires_it(client, staff, settings, required):
    settings.REQUIRE_STAFF_TWO_FACTOR = required

    signed = password_step(client, "sven")
    dashboard = client.get("/my/")
    inbox = client.get("/agency/referrals/")

    assert signed.status_code == 302 and signed_in(client)
    if required:
        assert dashboard.status_code == 302
        assert dashboard.url == f"{SETUP}?next=%2Fmy%2F"
        assert inbox.url.startswith(SETUP)
        assert client.get(SETUP).status_code == 200
    else:
        assert dashboard.status_code == 200
        assert inbox.status_code == 200


def test_it_lets_staff_in_once_they_have_set_it_up(client, staff, settings):
    settings.REQUIRE_STAFF_TWO_FACTOR = True
    password_step(client, "sven")
    client.get(SETUP)
    secret = two_factor.enrolment_secret(TwoFactorDevice.objects.get(user=staff))

    response = client.post(SETUP, {"code": code(secret), "next": "/agency/referrals/"})

    assert '<a class="button" href="/agency/referrals/">' in response.content.decode()
    assert client.get("/agency/referrals/").status_code == 200


def test_it_requires_nothing_of_people_outside_the_agency(client, member, settings):
    settings.REQUIRE_STAFF_TWO_FACTOR = True
    password_step(client)

    assert client.get("/my/").status_code == 200


def test_it_requires_it_of_administrators(client, settings, db):
    settings.REQUIRE_STAFF_TWO_FACTOR = True
    UserFactory(username="root", is_superuser=True, is_staff=True)
    password_step(client, "root")

    assert client.get("/admin/").url.startswith(SETUP)


def test_it_is_off_by_default_so_the_demo_accounts_sign_in_with_a_password():
    from portal import settings as portal_settings

    assert portal_settings.REQUIRE_STAFF_TWO_FACTOR is False


def test_it_keeps_the_wagtail_admin_behind_the_code_step(client, db):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    secret, _ = enrol(admin)

    step = password_step(client, "root", next="/admin/")
    before = client.get("/admin/")

    assert step.url == CODE
    assert before.status_code == 302
    assert before.url.startswith("/accounts/login/")
    done = code_step(client, code(secret))
    assert done.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_it_resets_a_lost_device_from_the_command_line(member):
    enrol(member)

    call_command("reset_two_factor", "mira", stdout=io.StringIO())

    assert not two_factor.has_two_factor(member)
    assert AuditEntry.objects.filter(action="two_factor.disabled", user=None).exists()


# --- verified per session (issue 19) -----------------------------------------------------------


@pytest.mark.parametrize("required", [True, False])
def test_it_ends_a_session_opened_before_the_device_was_set_up(settings, member, required):
    from django.test import Client

    settings.REQUIRE_STAFF_TWO_FACTOR = required
    earlier, enrolling = Client(), Client()
    password_step(earlier, next="/my/")
    password_step(enrolling)
    enrolling.get(SETUP)
    secret = two_factor.enrolment_secret(TwoFactorDevice.objects.get(user=member))
    assert enrolling.post(SETUP, {"code": code(secret)}).status_code == 200

    response = earlier.get("/my/")

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next=%2Fmy%2F"
    assert not signed_in(earlier)
    assert enrolling.get("/my/").status_code == 200
    assert signed_in(enrolling)


def test_it_asks_a_session_without_the_code_step_to_sign_in_again(client, member):
    secret, _ = enrol(member)
    client.force_login(member)

    assert client.get("/my/").url == f"{LOGIN}?next=%2Fmy%2F"
    assert not signed_in(client)
    password_step(client)
    assert code_step(client, code(secret)).status_code == 302
    assert client.get("/my/").status_code == 200
