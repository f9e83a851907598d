"""Turns off two-factor sign-in for a person who lost both the device and the recovery codes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from network import two_factor
from portal.security_log import log_event, user_ref


class Command(BaseCommand):
    help = "Removes a user's authenticator device and recovery codes (after checking who asks)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        two_factor.disable_two_factor(user=user, acting_user=None)
        log_event("two-factor.reset", user=user_ref(user))
        self.stdout.write(f"Two-factor sign-in reset for {username}; they set it up again.")
