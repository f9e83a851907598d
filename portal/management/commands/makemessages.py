"""Django's makemessages with msgmerge's fuzzy matching made optional.

msgmerge guesses a translation for every new string from a similar old one and marks it fuzzy; a
guess read by nobody is worse than the fallback to German, and the translation tests fail on any
fuzzy entry. `make messages` passes --no-fuzzy-matching so new strings arrive empty.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--no-fuzzy-matching",
            action="store_true",
            help="New strings get an empty translation instead of msgmerge's fuzzy guess.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["no_fuzzy_matching"]:
            self.msgmerge_options = [*self.msgmerge_options, "--no-fuzzy-matching"]
        super().handle(*args, **options)
