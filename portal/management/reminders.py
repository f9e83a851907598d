"""The daily reminder jobs' command: the same options and report for whatever is reminded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from django.core.management.base import BaseCommand, CommandParser


class Run(Protocol):
    reminded: Sequence[tuple[Any, Sequence[str]]]
    unreachable: Sequence[Any]


class ReminderCommand(BaseCommand):
    """Subclasses name what they remind of (`noun`, e.g. "actor") and run the service."""

    noun = "item"

    def remind(self, *, dry_run: bool) -> Run:
        raise NotImplementedError

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="list who would be reminded; send nothing and change nothing",
        )

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        run = self.remind(dry_run=dry_run)
        verb = "would remind" if dry_run else "reminded"
        for item, recipients in run.reminded:
            self.stdout.write(f"{verb}: {item.slug} → {', '.join(recipients)}")
        for item in run.unreachable:
            self.stdout.write(f"no address: {item.slug}")
        self.stdout.write(
            f"{len(run.reminded)} {self.noun}(s) {verb}, {len(run.unreachable)} without any "
            "address."
        )
