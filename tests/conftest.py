from __future__ import annotations

from dataclasses import dataclass
from uuid import uuid4

import pytest
from django.core import signals
from django.db import close_old_connections

from network.models import Language, Municipality, TargetGroup, Topic
from tests.factories import (
    LanguageFactory,
    MunicipalityFactory,
    TargetGroupFactory,
    TopicFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def isolated_cache(settings) -> None:
    """A cache key prefix of its own for every test: rate-limit counters and cached word lists
    start empty, and on Redis (CI's second pass), where the xdist workers share one database, no
    test sees another's keys. Clearing the cache instead would empty that shared database under
    the tests running beside it."""
    default = {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid4().hex[:12]}"}
    settings.CACHES = {**settings.CACHES, "default": default}


@dataclass
class Terms:
    """Vocabulary terms of the tests' own, beside the real ones the migrations seed."""

    topic_a: Topic
    topic_b: Topic
    language_a: Language
    language_b: Language
    place_a: Municipality
    place_b: Municipality
    group_a: TargetGroup
    group_b: TargetGroup


@pytest.fixture
def terms(db) -> Terms:
    return Terms(
        topic_a=TopicFactory(slug="test-thema-alpha", name="Testthema Alpha"),
        topic_b=TopicFactory(slug="test-thema-beta", name="Testthema Beta"),
        language_a=LanguageFactory(code="qaa", name="Testsprache A", native_name="Lingua A"),
        language_b=LanguageFactory(code="qab", name="Testsprache B", native_name="Lingua B"),
        place_a=MunicipalityFactory(slug="test-ort-alpha", name="Testort Alpha"),
        place_b=MunicipalityFactory(slug="test-ort-beta", name="Testort Beta"),
        group_a=TargetGroupFactory(slug="test-gruppe-alpha", name="Testgruppe Alpha"),
        group_b=TargetGroupFactory(slug="test-gruppe-beta", name="Testgruppe Beta"),
    )


@pytest.fixture
def outsider(db):
    """A signed-up person with no role at any actor or agency unit."""
    return UserFactory(username="outsider")


def _commits(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that commits for real ends with a flush of all tables, which also takes what
    the data migrations loaded (vocabularies, agency units, concern categories, synonyms, the home
    page) and recreates content types under new ids. The next committing test in the same worker
    would see a portal without them. A serialized rollback restores the migrated state before
    each such test, and only works when every committing test uses it, so all of them do."""
    for item in items:
        if _commits(item) and "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")


@pytest.fixture
def connection_kept():
    """For tests that call the portal's WSGI or ASGI application themselves inside the test's
    transaction: Django's handler must not close this thread's connection between requests (its
    own test client disconnects the same receivers)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
