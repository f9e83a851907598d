"""Write the published directory as an HSDS 3.0 data package (see docs/hsds.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from directory.hsds.package import write_package
from directory.hsds.services import all_organizations


class Command(BaseCommand):
    help = "Export the published actors as an HSDS 3.0 data package into a directory."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="where the package is written (created if missing)")
        parser.add_argument(
            "--format",
            choices=["json", "csv"],
            default="json",
            help="organizations.json (default) or one CSV table per HSDS object",
        )

    def handle(self, *args: Any, directory: str, format: str, **options: Any) -> None:
        written = write_package(all_organizations(), Path(directory), tables=format == "csv")
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} files to {directory}."))
