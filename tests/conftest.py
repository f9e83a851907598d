from __future__ import annotations

from uuid import uuid4

import pytest

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def isolated_cache(settings) -> None:
    """A cache key prefix of its own for every test: rate-limit counters and cached word lists
    start empty, and on Redis (CI's second pass), where the xdist workers share one database, no
    test sees another's keys. Clearing the cache instead would empty that shared database under
    the tests running beside it."""
    default = {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid4().hex[:12]}"}
    settings.CACHES = {**settings.CACHES, "default": default}


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
