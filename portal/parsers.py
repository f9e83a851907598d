"""The API's JSON parser: input nested too deeply for the decoder is bad input, not a crash.

Python's decoder recurses once per level and gives up with RecursionError (not a ValueError)
at about a thousand; DRF's own parser lets that through as a 500. Every JSON-accepting API
view reads its body through this parser (settings.REST_FRAMEWORK), the chat socket through
`decode`.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class TooDeeplyNested(ValueError):
    """JSON whose nesting the decoder refused; a ValueError, as for any other bad JSON."""


def decode(text: str | bytes) -> Any:
    """json.loads, with over-deep nesting raised as the ValueError of any other bad JSON."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise TooDeeplyNested(_("Das JSON ist zu tief verschachtelt.")) from exc


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("Das JSON ist zu tief verschachtelt.")) from exc
