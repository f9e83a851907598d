"""ASCII keys from German text, the way the network's slugs are written (ä → ae, ß → ss)."""

from __future__ import annotations

from django.utils.text import slugify

# slugify() alone would drop umlauts to their base letter ("Weißenfels" → "weienfels").
_FOLD = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ı": "i"}
)


def german_slug(value: str) -> str:
    return slugify(value.translate(_FOLD))
