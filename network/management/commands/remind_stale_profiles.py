"""Daily job: remind the people behind out-of-date profiles to confirm or update them."""

from __future__ import annotations

from network.profiles import REMIND_EVERY, ReminderRun, remind_stale_profiles
from portal.management.reminders import ReminderCommand


class Command(ReminderCommand):
    help = (
        "Mail a reminder for published actors not confirmed for 12 months, at most once every "
        f"{REMIND_EVERY.days} days per actor; safe to run daily."
    )
    noun = "actor"

    def remind(self, *, dry_run: bool) -> ReminderRun:
        return remind_stale_profiles(dry_run=dry_run)
