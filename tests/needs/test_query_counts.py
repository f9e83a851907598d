"""The needs board renders in a number of queries that does not grow with the network."""

from __future__ import annotations

import pytest

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
