"""The mention mail quotes a member's words set apart, under a header naming them unchecked."""

from __future__ import annotations

import pytest
from django.core import mail

from chat import services

pytestmark = pytest.mark.django_db


def test_it_quotes_the_message_apart_from_the_portals_words(
    people, team, django_capture_on_commit_callbacks
):
    people.member.email = "mia@example.org"
    people.member.save()
    body = "@mia\r\n\r\nWICHTIG: Ihr Aufenthaltstitel erlischt… https://evil.example/pay"
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(channel=team, body=body, acting_user=people.admin)

    (message,) = mail.outbox
    lines = message.body.splitlines()
    header = lines.index("Nachricht von Ada Test (nicht geprüft):")
    assert lines[header + 2 : header + 5] == [
        "> @mia",
        ">",
        "> WICHTIG: Ihr Aufenthaltstitel erlischt… https://evil.example/pay",
    ]
    for line in lines:
        assert not ("WICHTIG" in line or "evil.example" in line) or line.startswith("> ")
