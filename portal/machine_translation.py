"""Draft translations from a LibreTranslate-compatible service (`TRANSLATION_API_URL`).

`POST <url>/translate` with `{"q", "source", "target", "format"}` answers `{"translatedText"}`;
LibreTranslate itself, or a service speaking its protocol, can run beside the portal (see
docs/languages.md). What comes back is a draft: `network.translations.request_machine_drafts`
stores it marked "machine translated, not reviewed", and the public sees it only after a person
saved it as their translation. Without the setting nothing here is offered.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 20


class Unavailable(Exception):
    """The service did not answer with a translation (down, refused, or answered nonsense)."""


def is_configured() -> bool:
    return bool(settings.TRANSLATION_API_URL)


def endpoint() -> str:
    url = settings.TRANSLATION_API_URL.rstrip("/")
    if urlsplit(url).scheme not in ("http", "https"):
        raise Unavailable("TRANSLATION_API_URL must be an http(s) address")
    return f"{url}/translate"


def translate(text: str, *, source: str, target: str, html: bool = False) -> str:
    """The service's translation of one text; raises Unavailable when there is none."""
    body = {"q": text, "source": source, "target": target, "format": "html" if html else "text"}
    if settings.TRANSLATION_API_KEY:
        body["api_key"] = settings.TRANSLATION_API_KEY
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked in endpoint()
        endpoint(),
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310  # nosec B310
            answer = json.loads(response.read().decode())
    except (urllib.error.URLError, TimeoutError, ValueError, OSError) as exc:
        logger.warning("Machine translation to %s failed: %s", target, exc)
        raise Unavailable(str(exc)) from exc
    translated = answer.get("translatedText") if isinstance(answer, dict) else None
    if not isinstance(translated, str) or not translated.strip():
        raise Unavailable("no translatedText in the answer")
    return translated
