"""The directory's pages render in a number of queries that does not grow with the network."""

from __future__ import annotations

import pytest

from tests.factories import ActorFactory, LocationFactory, OfferFactory
from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(terms):
    actor = ActorFactory(
        name="Sprachcafé Zählbar",
        slug="sprachcafe-zaehlbar",
        topics=[terms.topic_a],
        languages=[terms.language_a],
    )
    LocationFactory(actor=actor, municipality=terms.place_a)
    OfferFactory(actor=actor, name="Sprachcafé am Nachmittag")
    return actor


@pytest.mark.parametrize(
    "path",
    [
        "/directory/",
        "/directory/?page=2",
        "/directory/?q=Beratung",
        "/directory/?topic=test-thema-alpha&language=qaa&municipality=test-ort-alpha",
        "/directory/?topic=test-thema-alpha&topic=test-thema-beta&open_now=true&walk_in=true",
        "/directory/sprachcafe-zaehlbar/",
    ],
)
def test_it_renders_in_as_many_queries_for_three_times_the_network(path, profile):
    grow_network(8)
    before = rendering_queries(path)
    grow_network(16)
    assert rendering_queries(path) == before


def test_it_validates_the_filters_once_however_many_are_given(profile):
    one = rendering_queries("/directory/?topic=test-thema-alpha")
    many = rendering_queries(
        "/directory/?topic=test-thema-alpha&topic=test-thema-beta&language=qaa"
        "&municipality=test-ort-alpha&target_group=test-gruppe-alpha&kind=association"
    )
    # Each multi-value filter looks its values up once; the facet counts add none.
    assert many - one <= 3
