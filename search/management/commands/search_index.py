"""`manage.py search_index rebuild [--kind KIND]`: the index rebuilt from the database.

On Elasticsearch the rebuild fills a new index and then switches the alias to it, so searches
are answered throughout; the database index is rebuilt in its own transaction.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from search import registry
from search.backends import index_backends

BAR_WIDTH = 30


class ProgressBar:
    """A one-line bar on the command's output, redrawn per batch."""

    def __init__(self, stream, total: int):
        self.stream = stream
        self.total = max(total, 1)
        self.done = 0

    def __call__(self, written: int) -> None:
        self.done += written
        share = min(self.done / self.total, 1.0)
        filled = round(share * BAR_WIDTH)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total}", ending="")
        self.stream.flush()


class Command(BaseCommand):
    help = "Rebuild the search index from the database (action: rebuild)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"])
        parser.add_argument("--kind", choices=registry.kinds(), help="only this kind")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: object, kind: str | None = None, **options: object) -> None:
        rebuild(self, kind, int(options["batch_size"]))


def rebuild(command: BaseCommand, kind: str | None, batch_size: int) -> None:
    total = registry.count(kind) * len(index_backends())
    count = registry.rebuild(
        kind, batch_size=batch_size, progress=ProgressBar(command.stdout, total)
    )
    command.stdout.write("")
    command.stdout.write(command.style.SUCCESS(f"Indexed {count} documents."))
