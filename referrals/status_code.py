"""The person's status code: with the reference it opens the status look-up and the plan.

Eight characters from the reference's alphabet (no 0/O, 1/I/L), shown as two groups of four
(`K7QM-3XPA`): 31^8 ≈ 850 billion codes, drawn with `secrets`. Only a keyed hash is stored
(HMAC-SHA256 with SECRET_KEY over reference and code), so a copy of the database alone does not
give the codes, and a code is bound to its referral.

`matches` does the same work whether the reference exists or not, has a code or not: one hash and
one constant-time compare, against a stand-in hash when there is nothing to compare with.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings

from referrals.reference import ALPHABET

LENGTH = 8
# Spaces, dashes and lower case are forgiven: people type what they read.
_NOISE = re.compile(r"[\s\-]+")
_VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")
_NO_CODE = "0" * 64


def new_code() -> str:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{characters[:4]}-{characters[4:]}"


def normalise(code: str) -> str:
    return _NOISE.sub("", code).upper()


def hash_code(reference: str, code: str) -> str:
    message = f"{reference.upper()}:{normalise(code)}".encode()
    key = f"referral-status-code:{settings.SECRET_KEY}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def matches(stored_hash: str | None, reference: str, code: str) -> bool:
    """Whether the code fits; the same work for a missing referral, a missing code or a typo."""
    candidate = hash_code(reference, code)
    expected = stored_hash or _NO_CODE
    same = hmac.compare_digest(candidate, expected)
    return same and bool(stored_hash) and bool(_VALID.match(normalise(code)))
