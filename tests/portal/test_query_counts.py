"""The home pages render in a number of queries that does not grow with the network."""

from __future__ import annotations

import pytest

from tests.query_counts import grow_network, rendering_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/en/", "/ar/"])
def test_it_renders_in_as_many_queries_for_three_times_the_network(path, terms):
    grow_network(6)
    before = rendering_queries(path)
    grow_network(12)
    assert rendering_queries(path) == before
