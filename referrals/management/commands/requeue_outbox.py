"""Every few minutes and at start: queue again the outbox mail whose delivery task was lost."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from referrals.outbox import requeue_stalled


class Command(BaseCommand):
    help = "Queue a new delivery task for unsent outbox mail whose task died with its worker."

    def handle(self, *args: object, **options: object) -> None:
        count = requeue_stalled()
        self.stdout.write(f"{count} outbox mail(s) queued again.")
