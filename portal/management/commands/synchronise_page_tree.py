"""Give every interface language its Locale and every German page its copy in each of them."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from portal.localisation import synchronise_page_tree


class Command(BaseCommand):
    help = (
        "Create the Locale of every interface language and an alias of every German page in "
        "each locale that lacks one (safe to run again, e.g. after adding a language)."
    )

    def handle(self, *args: object, **options: object) -> None:
        made = synchronise_page_tree()
        self.stdout.write(f"Created {made} page copies.")
