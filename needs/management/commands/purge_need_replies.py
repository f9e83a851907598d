"""Daily job: delete helpers' replies to needs closed over NEED_REPLY_RETENTION_DAYS ago."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from needs.services import purge_replies, reply_retention_days


class Command(BaseCommand):
    help = (
        "Delete the helpers' replies (name, email, phone, message) to needs filled or expired "
        "more than NEED_REPLY_RETENTION_DAYS ago; safe to run daily."
    )

    def handle(self, *args: object, **options: object) -> None:
        count = purge_replies()
        days = reply_retention_days()
        self.stdout.write(f"{count} reply(ies) to needs closed over {days} days ago deleted.")
