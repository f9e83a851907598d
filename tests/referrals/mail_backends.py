"""A mail server that is down: every send raises, as smtplib does when the connection fails."""

from __future__ import annotations

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("mail server unreachable")
