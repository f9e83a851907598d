"""Import actors from a CSV or XLSX spreadsheet or an HSDS package (see docs/import.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from directory.imports.services import ImportReport, import_actors


class ProgressBar:
    """A one-line bar redrawn in place; only on a terminal, where it cannot spoil a log."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1
        filled = int(self.width * share)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Create or update actors, offers and locations from a CSV/XLSX file or HSDS package."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "source", help="a .csv or .xlsx file, an HSDS .json file or package directory"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change, change nothing"
        )
        parser.add_argument(
            "--all-or-nothing",
            action="store_true",
            help="import nothing when any row is bad",
        )

    def handle(
        self, *args: Any, source: str, dry_run: bool, all_or_nothing: bool, **options: Any
    ) -> None:
        path = Path(source)
        if not path.exists():
            raise CommandError(f"{source} does not exist.")
        stream = self.stdout._out
        progress = ProgressBar(stream) if getattr(stream, "isatty", lambda: False)() else None
        report = import_actors(
            path,
            name=path.name,
            acting_user=None,
            dry_run=dry_run,
            all_or_nothing=all_or_nothing,
            progress=progress,
        )
        self._print(report)
        if report.file_problems:
            raise CommandError("The file could not be imported.")

    def _print(self, report: ImportReport) -> None:
        for problem in report.file_problems:
            self.stderr.write(problem)
        for column in report.ignored_columns:
            self.stderr.write(self.style.WARNING(f"Column {column!r} is unknown and was ignored."))
        for problem in report.problems:
            self.stderr.write(str(problem))
        if report.file_problems:
            return
        counts = report.counts
        summary = (
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged, {counts['error']} with errors"
        )
        if report.dry_run:
            self.stdout.write(f"Dry run, nothing saved. Would be: {summary}.")
        elif report.refused:
            self.stdout.write(self.style.ERROR(f"Nothing imported (--all-or-nothing): {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported: {summary}."))
