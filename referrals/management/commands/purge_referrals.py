"""Daily job: anonymise referrals closed longer than REFERRAL_RETENTION_DAYS ago."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from referrals import conf
from referrals.services import due_for_purge, purge_referrals


class Command(BaseCommand):
    help = (
        "Delete the personal data of referrals closed more than REFERRAL_RETENTION_DAYS ago, "
        "keeping what the statistics need; safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="only report how many would be anonymised"
        )

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        days = conf.retention_days()
        if dry_run:
            count = due_for_purge().count()
            self.stdout.write(
                f"{count} referral(s) closed over {days} days ago would be anonymised."
            )
            return
        count = purge_referrals()
        self.stdout.write(f"{count} referral(s) closed over {days} days ago anonymised.")
