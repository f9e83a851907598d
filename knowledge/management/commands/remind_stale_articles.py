"""Daily job: remind the units behind knowledge articles not reviewed for a year."""

from __future__ import annotations

from knowledge.models import REMIND_EVERY
from knowledge.services import ReminderRun, remind_stale_articles
from portal.management.reminders import ReminderCommand


class Command(ReminderCommand):
    help = (
        "Mail the owning unit's staff about articles not reviewed for 12 months, at most once "
        f"every {REMIND_EVERY.days} days per article; safe to run daily."
    )
    noun = "article"

    def remind(self, *, dry_run: bool) -> ReminderRun:
        return remind_stale_articles(dry_run=dry_run)
