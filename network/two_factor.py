"""Two-factor sign-in: a person's authenticator device, recovery codes, the requirement for staff.

The secret is encrypted with a key derived from SECRET_KEY (older keys in SECRET_KEY_FALLBACKS
still decrypt), so a copy of the database alone does not yield working codes. Recovery codes are
random enough that a keyed hash is as good as a slow one, and it lets a code be found by its hash.

Verification is per session: only the code step and enrolment mark a session verified, and
network.middleware ends any other session of a person who has a device (so the sessions they
had open before enrolling, wherever they are, end too).

Why not django-otp (evaluated for issue 19): its TOTPDevice keeps the key and its StaticToken the
recovery codes in plain text in the database, so moving to it would give up exactly what protects
a leaked database copy here; the enrolments we have could not even be moved, since only hashes
of the recovery codes exist (everyone would have to set up again). Its per-session model (a
device id in the session, checked by its middleware) is what this module and the middleware do
in a few lines; the TOTP arithmetic (network.totp) is RFC 6238 with its test vectors. So the
dependency was dropped again rather than kept unused.
"""

from __future__ import annotations

import base64
import secrets
from typing import Literal

import segno
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from network import audit, totp
from network.models import RecoveryCode, TwoFactorDevice
from network.permissions import User, is_agency_staff, is_signed_in

ISSUER = "Integrationsnetzwerk Burgenlandkreis"
RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
RECOVERY_CODE_LENGTH = 10
# Set in the session by the code step and by enrolment, nowhere else: a session of a device
# holder without it is ended (network.middleware), and a marked one costs no query per request.
SESSION_VERIFIED = "two_factor_verified"

Factor = Literal["totp", "recovery"]


class WrongCode(Exception):
    """The code does not belong to the device being set up (or was used already)."""


def _fernet() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [
            Fernet(
                base64.urlsafe_b64encode(
                    salted_hmac(
                        "network.two_factor.secret", "fernet", secret=key, algorithm="sha256"
                    ).digest()
                )
            )
            for key in keys
        ]
    )


def _secret(device: TwoFactorDevice) -> str:
    return _fernet().decrypt(device.encrypted_secret.encode("ascii")).decode("ascii")


def _recovery_hash(code: str) -> str:
    return salted_hmac(
        "network.two_factor.recovery", normalise(code), algorithm="sha256"
    ).hexdigest()


def normalise(code: str) -> str:
    """As typed, without the spaces and dashes people add or copy along."""
    return "".join(char for char in code.lower() if char not in " -\t")


def is_required_for(user: User | None) -> bool:
    """The agency can require two-factor sign-in of its staff and administrators."""
    if not settings.REQUIRE_STAFF_TWO_FACTOR or not is_signed_in(user):
        return False
    return bool(user.is_staff) or is_agency_staff(user)


def confirmed_device(user: User | None) -> TwoFactorDevice | None:
    if user is None or getattr(user, "pk", None) is None:
        return None
    return TwoFactorDevice.objects.filter(user=user, confirmed_at__isnull=False).first()


def has_two_factor(user: User | None) -> bool:
    return confirmed_device(user) is not None


def session_verified(user: User, session: SessionBase) -> bool:
    """Whether a session may act for its user where no sign-in page can be shown (the chat
    socket): the middleware's rule, answered as yes or no."""
    if session.get(SESSION_VERIFIED) == user.pk:
        return True
    if has_two_factor(user):
        return False
    return not is_required_for(user)


def start_enrolment(*, acting_user: AbstractBaseUser) -> TwoFactorDevice:
    """The device being set up: kept across page loads until confirmed, so the QR code stays."""
    device, _created = TwoFactorDevice.objects.get_or_create(
        user=acting_user,
        defaults={"encrypted_secret": _fernet().encrypt(totp.new_secret().encode()).decode()},
    )
    return device


def enrolment_secret(device: TwoFactorDevice) -> str:
    """The secret, for the set-up page only: once confirmed it is never shown again."""
    if device.is_confirmed:
        raise ValueError("A confirmed device's secret is not shown again.")
    return _secret(device)


def enrolment_uri(device: TwoFactorDevice) -> str:
    return totp.provisioning_uri(
        enrolment_secret(device), account=device.user.get_username(), issuer=ISSUER
    )


def qr_svg(uri: str) -> str:
    """An inline SVG QR code, drawn on the server so the page needs no script."""
    return segno.make(uri, error="m").svg_inline(scale=5, dark="#000", light="#fff")


@transaction.atomic
def confirm_enrolment(*, code: str, acting_user: AbstractBaseUser) -> list[str]:
    """Turns the device on once the app shows the right code; returns the new recovery codes."""
    device = TwoFactorDevice.objects.select_for_update().get(
        user=acting_user, confirmed_at__isnull=True
    )
    step = totp.matching_step(_secret(device), normalise(code))
    if step is None:
        raise WrongCode
    device.confirmed_at = timezone.now()
    device.last_used_step = step
    device.save(update_fields=["confirmed_at", "last_used_step"])
    codes = _replace_recovery_codes(acting_user)
    audit.record("two_factor.enabled", user=acting_user, obj=device)
    return codes


def use_code(*, user: AbstractBaseUser, code: str) -> Factor | None:
    """Spends a code of the user's device or one recovery code; None when it is not (or no
    longer) good. Each code works once: the device remembers the last step it accepted."""
    code = normalise(code)
    device = confirmed_device(user)
    if device is None or not code:
        return None
    if code.isdigit() and len(code) == totp.DIGITS:
        step = totp.matching_step(_secret(device), code, after=device.last_used_step)
        if step is None:
            return None
        # Conditional, so that two requests racing with the same code cannot both succeed.
        spent = (
            TwoFactorDevice.objects.filter(pk=device.pk)
            .filter(Q(last_used_step__isnull=True) | Q(last_used_step__lt=step))
            .update(last_used_step=step)
        )
        return "totp" if spent else None
    spent = RecoveryCode.objects.filter(
        user=user, code_hash=_recovery_hash(code), used_at__isnull=True
    ).update(used_at=timezone.now())
    return "recovery" if spent else None


def remaining_recovery_codes(user: AbstractBaseUser) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


@transaction.atomic
def renew_recovery_codes(*, acting_user: AbstractBaseUser) -> list[str]:
    codes = _replace_recovery_codes(acting_user)
    audit.record("two_factor.recovery_codes_renewed", user=acting_user)
    return codes


@transaction.atomic
def disable_two_factor(*, user: AbstractBaseUser, acting_user: AbstractBaseUser | None) -> None:
    """Removes device and recovery codes. The person themselves has shown password and code;
    an administrator resetting a lost device acts from the command line (acting_user None)."""
    TwoFactorDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    audit.record("two_factor.disabled", user=acting_user, obj=user)


def _replace_recovery_codes(user: AbstractBaseUser) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=_recovery_hash(code)) for code in codes
    )
    return [f"{code[:5]}-{code[5:]}" for code in codes]
