"""Daily job: mark open needs past their end date as expired (the board hides them already)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from needs.services import expire_past_needs


class Command(BaseCommand):
    help = "Set the status of open needs whose end date has passed to expired; safe to run daily."

    def handle(self, *args: object, **options: object) -> None:
        count = expire_past_needs()
        self.stdout.write(f"{count} need(s) marked as expired.")
