"""Arbitrary query strings on the listings and the API: a 2xx or 4xx, never a 500, never script."""

from __future__ import annotations

from urllib.parse import urlencode

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from directory.filters import ActorFilter
from events.filters import EventFilter
from needs.filters import NeedFilter
from tests.events.factories import EventFactory
from tests.factories import ActorFactory, NeedFactory
from tests.fuzz.pages import assert_answered_safely, fresh_address
from tests.fuzz.strategies import PAGES, hostile_text

# Every filter of the listings (read off their FilterSets), then the other parameters pages read.
FILTER_NAMES = [
    *dict.fromkeys(
        [*ActorFilter.base_filters, *NeedFilter.base_filters, *EventFilter.base_filters]
    ),
    "view",
    "month",
    "week",
    "page",
    "page_size",
    "format",
    "ordering",
    "since",
    "until",
    "concern",
    "for_whom",
    "contact",
    "step",
    "category",
    "in_contact",
]
LISTINGS = [
    "/directory/",
    "/needs/",
    "/events/",
    "/events/calendar.ics",
    "/api/v1/actors/",
    "/api/v1/needs/",
    "/api/v1/events/",
    "/wayfinder/",
    "/wayfinder/go/",
    "/referral/",
    "/search/",
    "/search/suggest/",
]
# The wayfinder's way on to the form always answers with a redirect: back to a step, or on.
REDIRECTING = {"/wayfinder/go/"}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
# Bytes that are no valid percent-encoding or no valid UTF-8, sent as they are.
RAW_FRAGMENTS = ["%", "%ZZ", "%ff%fe", "%00", "%C0%AE", "&&==&", "q=%E2%80%AE", ";;"]

values = st.one_of(
    hostile_text,
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "\x00", "0", "-1", "9999-99", "2026-W99", "true", "on", "null"]),
    st.integers(min_value=201, max_value=20_000).map(lambda size: "ä" * size),
)
keys = st.one_of(st.sampled_from(FILTER_NAMES), st.text(min_size=1, max_size=20))
query_strings = st.tuples(
    st.lists(st.tuples(keys, values), max_size=8),
    st.lists(st.sampled_from(RAW_FRAGMENTS), max_size=2),
).map(lambda parts: "&".join(filter(None, [urlencode(parts[0]), *parts[1]])))


@pytest.fixture
def listings_with_content(terms):
    """Something to filter: a published actor with terms, its need and its event."""
    actor = ActorFactory(topics=[terms.topic_a], languages=[terms.language_a])
    NeedFactory(actor=actor, municipality=terms.place_a)
    EventFactory(actor=actor, municipality=terms.place_a, topics=[terms.topic_a])


@PAGES
@given(path=st.sampled_from(LISTINGS), query=query_strings, browser=st.booleans())
def test_it_answers_any_filter_query_without_error_or_script(
    client, listings_with_content, path, query, browser
):
    headers = {"HTTP_ACCEPT": BROWSER_ACCEPT} if browser else {}
    response = client.get(f"{path}?{query}", REMOTE_ADDR=fresh_address(), **headers)
    assert_answered_safely(response, redirect=path in REDIRECTING)
    if path.endswith(".ics") and response.status_code == 200:
        icalendar.Calendar.from_ical(response.content)


@PAGES
@given(query=query_strings)
def test_it_keeps_the_directory_usable_when_signed_in(
    client, listings_with_content, outsider, query
):
    """Signed-in visitors see other links and facets: the same parameters, another template."""
    client.force_login(outsider)
    response = client.get(f"/directory/?{query}", REMOTE_ADDR=fresh_address())
    assert_answered_safely(response)
