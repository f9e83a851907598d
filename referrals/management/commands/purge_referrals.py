"""Daily job: anonymise referrals closed longer than REFERRAL_RETENTION_DAYS ago, and close and
anonymise open referrals without a step for as long."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from referrals import conf
from referrals.services import abandoned, due_for_purge, purge_referrals


class Command(BaseCommand):
    help = (
        "Delete the personal data of referrals closed more than REFERRAL_RETENTION_DAYS ago, and "
        "close and anonymise open ones without a step for as long, keeping what the statistics "
        "need; safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="only report how many would be anonymised"
        )

    def handle(self, *args: object, dry_run: bool = False, **options: object) -> None:
        days = conf.retention_days()
        if dry_run:
            count = due_for_purge().count()
            stale = abandoned().count()
            self.stdout.write(
                f"{count} referral(s) closed over {days} days ago would be anonymised, "
                f"{stale} open referral(s) without a step for {days} days closed and anonymised."
            )
            return
        count = purge_referrals()
        self.stdout.write(
            f"{count} referral(s) anonymised (closed over {days} days ago, or open without a step "
            f"for {days} days and closed now)."
        )
