"""The needs board renders in a number of queries that does not grow with the network."""

from __future__ import annotations

import pytest

from needs.models import Need
from needs.services import load_cards
from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/needs/", "/needs/?q=Beratung", "/needs/?topic=test-thema-alpha&language=qaa&online=true"],
)
def test_it_renders_in_as_many_queries_for_three_times_the_needs(path, terms):
    grow_network(6)
    before = rendering_queries(path)
    grow_network(12)
    assert rendering_queries(path) == before


def test_it_loads_a_page_of_cards_in_two_queries(terms, django_assert_num_queries):
    grow_network(9)
    ids = list(Need.objects.order_by("pk").values_list("pk", flat=True))
    with django_assert_num_queries(2):
        cards = load_cards(ids)
        shown = [
            (need.title, need.actor.name, need.municipality, need.hours, [*need.languages.all()])
            for need in cards
        ]
    assert [need.pk for need in cards] == ids
    assert len(shown) >= 9
