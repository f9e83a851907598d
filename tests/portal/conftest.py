from __future__ import annotations

import pytest

from portal.site_cache import forget
from tests.factories import ActorFactory, LocationFactory, UserFactory


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


@pytest.fixture
def kept_site_parts(settings):
    """The parts every page shares kept per process, as in production (the tests' settings
    leave them off), and forgotten around the test so that no other test's copy answers."""
    settings.PAGE_CACHE = True
    forget()
    yield
    forget()


@pytest.fixture
def member(client):
    """A signed-in member's client: the page cache never answers it, so each page is rendered."""
    client.force_login(UserFactory(username="mira"))
    return client
