"""Time-based one-time passwords (RFC 6238 over RFC 4226): what authenticator apps compute.

HMAC-SHA1, six digits, 30-second steps: the defaults every authenticator app understands.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

DIGITS = 6
STEP_SECONDS = 30
# Codes of the step before and after the current one are accepted too: clocks drift, and people
# type slowly.
WINDOW = 1


def new_secret() -> str:
    """160 random bits in base32, the form authenticator apps take."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def step_at(moment: float | None = None) -> int:
    return int((time.time() if moment is None else moment) // STEP_SECONDS)


def code_for(secret: str, step: int) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**DIGITS).zfill(DIGITS)


def matching_step(
    secret: str, code: str, *, after: int | None = None, at: float | None = None
) -> int | None:
    """The step within the window whose code this is and that comes after `after`, else None.

    A step at or before `after` was used already: refusing it makes every code single-use.
    """
    now = step_at(at)
    found = None
    for step in range(now - WINDOW, now + WINDOW + 1):
        # Every candidate is compared, so the time taken does not tell which one matched.
        if hmac.compare_digest(code_for(secret, step), code) and (after is None or step > after):
            found = step if found is None else found
    return found


def provisioning_uri(secret: str, *, account: str, issuer: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    label = quote(f"{issuer}:{account}", safe="")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP_SECONDS,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
