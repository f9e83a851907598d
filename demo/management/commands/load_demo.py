"""Fill an empty installation with the demo network, demo accounts and editorial pages."""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from demo.chat import load_demo as load_demo_chat
from demo.crisis import load_demo as load_demo_crisis
from demo.events import load_demo as load_demo_events
from demo.knowledge import load_demo as load_demo_knowledge
from demo.needs import load_demo_needs
from demo.network.accounts import ACCOUNTS, ensure_accounts
from demo.network.agency_pages import ensure_agency_pages
from demo.network.generator import create_actors
from demo.network.page_translations import ensure_page_translations
from demo.network.pages import ensure_pages
from demo.network.reviews import propose_demo_change
from demo.referrals import load_demo as load_demo_referrals
from demo.translations import load_demo_translations
from network.models import Actor, ActorKind, Location
from network.vocabularies import load_municipality_names, load_vocabularies
from portal.localisation import synchronise_page_tree
from search import registry

DEMO_SEED = 2026


@contextmanager
def quiet_logs(*names: str) -> Iterator[None]:
    """Hide per-object INFO lines (one per save and publish) that would bury the summary."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Load demo actors, accounts and pages (in production only with DEMO=true)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only print the demo accounts when actors already exist (for container start)",
        )

    def handle(self, *args: object, if_empty: bool = False, **options: object) -> None:
        # A production server has this command only with DEMO=true; its demo accounts must not
        # open with the password the README publishes, nor with an empty one.
        if settings.PRODUCTION and settings.DEMO_PASSWORD in {"", settings.DEFAULT_DEMO_PASSWORD}:
            raise CommandError("Demo data in production mode needs a DEMO_PASSWORD of its own.")
        if if_empty and Actor.objects.exists():
            self.stdout.write("Actors exist already; no demo data loaded.")
            self._print_accounts()
            return
        started = time.monotonic()
        # One transaction and one search update per actor at the end: a failed load leaves
        # nothing behind, and the index is not rewritten for every child row saved.
        with quiet_logs("wagtail", "django_tasks"), transaction.atomic(), registry.deferred():
            if Actor.objects.exists():
                self.stdout.write("Actors exist already; the demo network is not generated.")
                actors = []
            else:
                # The specs rely on every term the migration loaded; restore any deleted since.
                load_vocabularies(apps)
                load_municipality_names(apps)
                actors = create_actors()
            problems = ensure_accounts(settings.DEMO_PASSWORD)
            problems += ensure_pages()
            problems += ensure_agency_pages()
            needs = load_demo_needs(random.Random(DEMO_SEED))
            events = load_demo_events(random.Random(DEMO_SEED))
            referrals = load_demo_referrals(random.Random(DEMO_SEED))
            messages = load_demo_chat(random.Random(DEMO_SEED))
            load_demo_crisis()  # the crisis situation, switched off
            articles = load_demo_knowledge()  # the staff's knowledge base, some shared
            load_demo_translations()  # a few texts in English, Arabic, Ukrainian; one outdated
            if actors:
                propose_demo_change()
            # Last: the editorial pages in every language, and every other page made above gets
            # its copy (an alias) in every language's page tree.
            ensure_page_translations()
            synchronise_page_tree()
        for problem in problems:
            self.stderr.write(self.style.WARNING(problem))
        if actors:
            self._print_summary(actors)
        if needs:
            self.stdout.write(self.style.SUCCESS(f"Created {needs} needs."))
        if events:
            self.stdout.write(self.style.SUCCESS(f"Created {events} events."))
        if referrals:
            self.stdout.write(self.style.SUCCESS(f"Created {referrals} referrals."))
        if messages:
            self.stdout.write(self.style.SUCCESS(f"Created {messages} chat messages."))
        if articles:
            self.stdout.write(self.style.SUCCESS(f"Created {articles} knowledge articles."))
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")
        self._print_accounts()

    def _print_summary(self, actors: list[Actor]) -> None:
        kinds = Counter(actor.kind for actor in actors)
        drafts = sum(1 for actor in actors if not actor.live)
        municipalities = (
            Location.objects.filter(actor__in=actors).values("municipality").distinct().count()
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(actors)} actors ({drafts} unpublished) "
                f"in {municipalities} municipalities:"
            )
        )
        for kind in ActorKind:
            self.stdout.write(f"  {kind.label}: {kinds[kind.value]}")

    def _print_accounts(self) -> None:
        rows = [("username", "role", "password")]
        rows += [(account.username, account.role, settings.DEMO_PASSWORD) for account in ACCOUNTS]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        self.stdout.write("")
        for number, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
