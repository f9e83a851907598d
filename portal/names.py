"""Names people give themselves and things that others see: what they may contain.

A name is shown beside the portal's own words (in chat, in mail, in the directory), so it
must not be able to pass for them. Bidirectional controls reorder what follows them
("Amt \\u202eLleiziffo\\u202c" shows as "Amt offizielL") and invisible characters make two
names look alike: `visible_name` refuses both wherever people name things. Names typed into
public forms are also one line without web addresses (`single_line_name`): a line break
would let a name open a mail with the sender's own paragraphs, an address would give them a
link to follow.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# U+202A to U+202E embeddings and overrides, U+2066 to U+2069 isolates, U+200E/U+200F marks,
# U+061C the Arabic letter mark; U+200B to U+200D, U+2060 and U+FEFF take no space at all.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]")
# Any control character, line breaks and tabs included.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# A scheme ("https://", "mailto:x"), "www.", an e-mail address or a host with a path.
WEB_ADDRESS = re.compile(
    r"[a-z][a-z0-9+.-]*://|\bwww\.|\bmailto:|@|\b[\w-]+\.[a-z]{2,}/", re.IGNORECASE
)


def visible_name(value: str) -> None:
    """Refuse characters that change how a name reads without being seen themselves."""
    if INVISIBLE.search(value or ""):
        raise ValidationError(
            _(
                "Der Name enthält unsichtbare Steuerzeichen (Schreibrichtung oder Zeichen ohne "
                "Breite). Bitte tippen Sie ihn neu ein."
            ),
            code="invisible",
        )


def single_line_name(value: str) -> None:
    """Refuse what a name in a public form never needs: line breaks and web addresses."""
    visible_name(value)
    if CONTROL.search(value or ""):
        raise ValidationError(
            _("Ein Name steht in einer Zeile, ohne Zeilenumbrüche oder Steuerzeichen."),
            code="control",
        )
    if WEB_ADDRESS.search(value or ""):
        raise ValidationError(
            _("Ein Name enthält keine Web- oder E-Mail-Adressen."), code="web_address"
        )


def without_invisible(value: str) -> str:
    """A name stored before `visible_name` existed, as it may be shown: without the controls."""
    return INVISIBLE.sub("", value)
