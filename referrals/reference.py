"""Reference numbers people can read out on the phone, and nobody can guess.

MIA-XXXX-XX from an alphabet without 0/O, 1/I/L: 31^6 ≈ 887 million numbers, drawn with
`secrets`, so knowing one reference says nothing about another.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PATTERN = re.compile(rf"^MIA-[{ALPHABET}]{{4}}-[{ALPHABET}]{{2}}$")


def new_reference() -> str:
    characters = "".join(secrets.choice(ALPHABET) for _ in range(6))
    return f"MIA-{characters[:4]}-{characters[4:]}"


def looks_like_reference(value: str) -> bool:
    return bool(PATTERN.match(value))
