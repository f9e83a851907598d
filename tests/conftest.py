from __future__ import annotations

import pytest

from tests.factories import UserFactory


@pytest.fixture
def outsider(db):
    """A signed-up person with no role at any actor or agency unit."""
    return UserFactory(username="outsider")
