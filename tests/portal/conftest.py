from __future__ import annotations

import pytest

from tests.factories import ActorFactory, LocationFactory


@pytest.fixture
def actor(db):
    """A public profile with a place: the page the page-cache tests ask for."""
    actor = ActorFactory(
        name="Willkommen in Zeitz e. V.",
        slug="willkommen-zeitz",
        short_description="Begleitung zu Ämtern und Ärzten.",
    )
    LocationFactory(actor=actor)
    return actor
