"""Hostile text in an event never runs as script: pages, JSON-LD, API, feeds, review."""

from __future__ import annotations

import icalendar
import pytest
from django.utils import timezone

from events.models import Frequency, LocationKind
from network.models import ProfileChange
from tests.events.factories import EventFactory
from tests.events.helpers import submit
from tests.html import select

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture
def hostile(actor):
    event = EventFactory(
        actor=actor,
        title=f"Fest {SCRIPT}",
        description=f'<p>Hallo</p>{SCRIPT}{IMG}<a href="javascript:alert(1)">Link</a>',
        start_date=timezone.localdate(),
        start_time=None,
        end_time=None,
        frequency=Frequency.WEEKLY,
        repeat_count=3,
        location_kind=LocationKind.ADDRESS,
        venue=f"Saal {SCRIPT}",
        street=f"Weg {IMG}",
        town="</script><script>alert(2)</script>",
    )
    return event


def json_ld_blocks(html: str) -> list[str]:
    return [script.string or "" for script in select(html, 'script[type="application/ld+json"]')]


def assert_inert(html: str) -> None:
    """No element or attribute from the hostile text, outside JSON-LD that cannot close its tag."""
    for payload in json_ld_blocks(html):
        assert "<" not in payload
        html = html.replace(payload, "")
    assert "alert" not in "".join(script.string or "" for script in select(html, "script"))
    assert "<script>alert" not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html


def test_it_stores_the_description_sanitised(hostile):
    hostile.refresh_from_db()

    assert "script" not in hostile.description and "onerror" not in hostile.description
    assert "javascript:" not in hostile.description


@pytest.mark.parametrize(
    "url",
    [
        "/events/",
        "/events/?view=week",
        "/events/?view=month",
        "/",
    ],
)
def test_it_escapes_lists(client, hostile, url):
    response = client.get(url)

    assert response.status_code == 200
    assert_inert(response.content.decode())


def test_it_escapes_the_event_page_and_its_json_ld(client, hostile):
    page = client.get(hostile.get_absolute_url()).content.decode()

    assert_inert(page)
    (payload,) = json_ld_blocks(page)
    assert "<" not in payload and "\\u003c/script\\u003e" in payload


def test_it_escapes_the_actor_profile(client, hostile, actor):
    assert_inert(client.get(actor.get_absolute_url()).content.decode())


def test_it_serves_markup_safe_json(client, hostile):
    body = client.get("/api/v1/events/").content.decode()

    assert "<" not in body and ">" not in body
    assert "\\u003cscript\\u003e" in body


def test_it_serves_feeds_as_plain_text_calendars_never_as_html(client, hostile):
    for url in (
        "/events/calendar.ics",
        f"/events/{hostile.slug}/event.ics",
        f"/directory/{hostile.actor.slug}/events.ics",
    ):
        response = client.get(url)
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
        # Text stays text: what a member typed is shown as typed, never as markup.
        assert str(vevent["SUMMARY"]) == hostile.title
        assert "<" not in str(vevent["DESCRIPTION"])
        assert "X-ALT-DESC" not in vevent


def test_it_escapes_member_and_review_pages(client, hostile, actor, editor, staff):
    client.force_login(editor)
    assert_inert(client.get(f"/my/actors/{actor.slug}/events/").content.decode())
    assert_inert(client.get(f"/my/actors/{actor.slug}/").content.decode())
    assert_inert(client.get("/my/").content.decode())
    submit(client, actor, hostile, title=f"Neu {SCRIPT}")
    change = ProfileChange.objects.get(actor=actor)

    client.force_login(staff)

    assert_inert(client.get("/my/review/").content.decode())
    assert_inert(client.get(f"/my/review/{change.pk}/").content.decode())
