"""Delete import uploads whose preview was abandoned; for the scheduled jobs (hourly or daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from directory.imports.uploads import KEPT_FOR, discard_abandoned


class Command(BaseCommand):
    help = (
        f"Delete uploaded import files older than {KEPT_FOR} that were never imported, and any "
        "left in the public media by earlier versions."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = discard_abandoned()
        self.stdout.write(f"Deleted {deleted} abandoned import files.")
