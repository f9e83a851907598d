"""Daily job: remind the people behind out-of-date profiles to confirm or update them."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from network.profiles import REMIND_EVERY, remind_stale_profiles


class Command(BaseCommand):
    help = (
        "Mail a reminder for published actors not confirmed for 12 months, at most once every "
        f"{REMIND_EVERY.days} days per actor; safe to run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="list who would be reminded; send nothing and change nothing",
        )

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        run = remind_stale_profiles(dry_run=dry_run)
        verb = "would remind" if dry_run else "reminded"
        for actor, recipients in run.reminded:
            self.stdout.write(f"{verb}: {actor.slug} → {', '.join(recipients)}")
        for actor in run.unreachable:
            self.stdout.write(f"no address: {actor.slug}")
        self.stdout.write(
            f"{len(run.reminded)} actor(s) {verb}, {len(run.unreachable)} without any address."
        )
