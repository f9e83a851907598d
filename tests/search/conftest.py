from __future__ import annotations

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo network, loaded once for a module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        # A transactional test before this module may have flushed and re-created the content
        # types (PostgreSQL): ids cached in this process would no longer exist.
        ContentType.objects.clear_cache()
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        yield
        transaction.set_rollback(True)
