"""Daily job: remind the units behind knowledge articles not reviewed for a year."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from knowledge.models import REMIND_EVERY
from knowledge.services import remind_stale_articles


class Command(BaseCommand):
    help = (
        "Mail the owning unit's staff about articles not reviewed for 12 months, at most once "
        f"every {REMIND_EVERY.days} days per article; safe to run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="list who would be reminded; send nothing and change nothing",
        )

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        run = remind_stale_articles(dry_run=dry_run)
        verb = "would remind" if dry_run else "reminded"
        for article, recipients in run.reminded:
            self.stdout.write(f"{verb}: {article.slug} → {', '.join(recipients)}")
        for article in run.unreachable:
            self.stdout.write(f"no address: {article.slug}")
        self.stdout.write(
            f"{len(run.reminded)} article(s) {verb}, {len(run.unreachable)} without any address."
        )
