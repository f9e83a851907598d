"""Reading the referral pages the way a visitor's browser would, and running the outbox worker."""

from __future__ import annotations

import re
from html import unescape

from django.core.management import call_command


def html(response) -> str:
    return response.content.decode()


def errors_beside(page: str, field_id: str) -> list[str]:
    """The error messages rendered next to one field (ul#<id>_error)."""
    match = re.search(rf'<ul class="errorlist" id="{field_id}_error">(.*?)</ul>', page, re.S)
    return (
        [unescape(item) for item in re.findall(r"<li>(.*?)</li>", match.group(1))] if match else []
    )


def run_outbox_worker(*extra: str) -> None:
    """What `manage.py db_worker --backend outbox` does, until no task is ready."""
    call_command(
        "db_worker",
        "--backend",
        "outbox",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--verbosity",
        "0",
        *extra,
    )


def valid_form(**changes) -> dict:
    return {
        "person_name": "Amina Haddad",
        "phone": "0157 1234567",
        "email": "amina@example.org",
        "postal_address": "",
        "language": "",
        "categories": ["aufenthalt"],
        "description": "Die Aufenthaltserlaubnis läuft in drei Wochen ab.",
        "urgency": "normal",
        "date_of_birth": "",
        "file_number": "",
        "consent": "on",
        "website": "",
        **changes,
    }
