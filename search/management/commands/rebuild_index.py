"""The former name of `manage.py search_index rebuild`, kept for scripts that call it."""

from django.core.management.base import BaseCommand, CommandParser

from search import registry
from search.management.commands.search_index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the database (same as `search_index rebuild`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kind", choices=registry.kinds(), help="only this kind")
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: object, kind: str | None = None, **options: object) -> None:
        rebuild(self, kind, int(options["batch_size"]))
