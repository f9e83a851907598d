from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(autouse=True)
def fresh_search_caches():
    """Synonyms and the spelling vocabulary are cached across requests, not across tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network, loaded once for a module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        yield
        transaction.set_rollback(True)
