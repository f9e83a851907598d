from django.core.management.base import BaseCommand, CommandParser

from search import registry


class Command(BaseCommand):
    help = "Rebuild the search index from the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kind", choices=registry.kinds(), help="only this kind")

    def handle(self, *args: object, kind: str | None = None, **options: object) -> None:
        count = registry.rebuild(kind)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))
