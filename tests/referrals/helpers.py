"""Reading the referral pages the way a visitor's browser would, and running the outbox worker."""

from __future__ import annotations

from django.core.management import call_command

from tests.html import errors_beside

__all__ = ["errors_beside", "html", "run_outbox_worker", "valid_form"]


def html(response) -> str:
    return response.content.decode()


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
