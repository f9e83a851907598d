"""Mail goes out after the transaction that caused it commits, never for work rolled back."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_after_commit(
    *, to: Iterable[str], subject: str, template: str, context: dict[str, object]
) -> None:
    """Render a plain-text template and send it once the current transaction has committed.

    A failing mail server is logged, not raised: what was saved stays saved.
    """
    recipients = sorted({address for address in to if address})
    if not recipients:
        return
    body = render_to_string(template, context)

    def send() -> None:
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except Exception:  # any transport error; the data behind the mail is already saved
            logger.exception("mail %r could not be sent", subject)

    transaction.on_commit(send)
