"""The portal's worker: the outbox's db_worker, and the scheduled jobs (portal/schedule.py)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from portal.schedule import BACKEND, ensure_scheduled


class Command(DatabaseWorkerCommand):
    help = (
        "Deliver the mail outbox and run the scheduled jobs (SCHEDULED_JOBS: purges, outbox "
        "requeue, expiring needs, profile reminders) without cron; `db_worker --backend outbox` "
        "plus the schedule."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(backend_name=BACKEND)

    def handle(self, *args: Any, **options: Any) -> None:
        queued = ensure_scheduled()
        if queued:
            self.stdout.write(f"scheduled: {', '.join(queued)}")
        super().handle(*args, **options)
