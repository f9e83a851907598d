"""The demo calendar, and events in the Wagtail admin for agency staff."""

from __future__ import annotations

import datetime
import random

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from demo.events import load_demo
from demo.network.curated import EDITOR_ACTOR_SLUG
from events.models import Event, EventStatus, ExceptionKind, Frequency
from events.recurrence import next_occurrences
from network.models import Municipality
from tests.events.factories import EventFactory
from tests.factories import ActorFactory, LocationFactory


@pytest.fixture
def demo_actors(db):
    """A published network of 24 actors, the demo editor's among them, and one draft."""
    ActorFactory(slug=EDITOR_ACTOR_SLUG, name="Sprachcafé Weißenfels", email="cafe@example.org")
    for number, slug in enumerate(("zeitz", "weissenfels", "naumburg-saale") * 8):
        actor = ActorFactory(slug=f"verein-{number}")
        if number % 2:
            LocationFactory(actor=actor, municipality=Municipality.objects.get(slug=slug))
    ActorFactory(slug="entwurf", live=False)


def test_it_creates_a_varied_upcoming_calendar(demo_actors):
    created = load_demo(random.Random(42))

    events = list(Event.objects.all())
    assert created == len(events) >= 30
    assert len({event.actor_id for event in events}) >= 20
    assert all(event.live and event.actor.live for event in events)
    recurring = [event for event in events if event.is_recurring]
    assert len(recurring) >= len(events) / 3
    assert {Frequency.WEEKLY, Frequency.BIWEEKLY, Frequency.MONTHLY_WEEKDAY} <= {
        event.frequency for event in recurring
    }
    assert any(event.repeat_count for event in recurring)
    assert any(event.repeat_until for event in recurring)
    kinds = [exception.kind for event in events for exception in event.exceptions.all()]
    assert ExceptionKind.CANCELLED in kinds and ExceptionKind.MOVED in kinds
    assert sum(event.status == EventStatus.CANCELLED for event in events) == 1
    assert sum(event.is_online for event in events) >= 3
    assert any(event.capacity and event.registration != "none" for event in events)
    first_monday = next(event for event in events if event.frequency == Frequency.MONTHLY_WEEKDAY)
    assert first_monday.start_date.weekday() == 0 and first_monday.start_date.day <= 7
    now = timezone.now()
    assert all(next_occurrences(event, now) for event in events)
    editor_events = Event.objects.filter(actor__slug=EDITOR_ACTOR_SLUG, frequency=Frequency.WEEKLY)
    assert editor_events.exists()
    for event in events:
        event.full_clean()


def test_it_adds_nothing_when_events_exist(demo_actors):
    load_demo(random.Random(42))
    count = Event.objects.count()

    assert load_demo(random.Random(42)) == 0
    assert Event.objects.count() == count


@pytest.fixture
def admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_it_lists_events_in_the_wagtail_admin_for_staff(client, staff, actor, admin_access):
    staff.user_permissions.add(admin_access)
    event = EventFactory(actor=actor, title="Jobmesse", start_date=datetime.date(2027, 1, 5))
    client.force_login(staff)

    listing = client.get("/admin/snippets/events/event/")
    edit = client.get(f"/admin/snippets/events/event/edit/{event.pk}/")

    assert listing.status_code == 200 and "Jobmesse" in listing.content.decode()
    assert edit.status_code == 200


def test_it_keeps_members_out_of_the_wagtail_admin_events(client, editor, actor, admin_access):
    editor.user_permissions.add(admin_access)
    event = EventFactory(actor=actor)
    client.force_login(editor)

    assert client.get("/admin/snippets/events/event/").status_code != 200
    assert client.get(f"/admin/snippets/events/event/edit/{event.pk}/").status_code != 200


def test_it_lets_administrators_mark_an_actor_as_trusted(client, admin, actor):
    client.force_login(admin)

    page = client.get(f"/admin/snippets/network/actor/edit/{actor.pk}/")

    assert page.status_code == 200
    assert 'name="is_trusted"' in page.content.decode()


def test_it_bumps_the_sequence_when_staff_publish_a_change_in_the_admin(
    client, admin, actor, terms
):
    event = EventFactory(actor=actor, title="Jobmesse", municipality=terms.place_a)
    client.force_login(admin)
    data = {
        "actor": actor.pk,
        "title": "Jobmesse 2027",
        "slug": event.slug,
        "description": "<p>Neu</p>",
        "status": "scheduled",
        "start_date": event.start_date.isoformat(),
        "start_time": "18:00",
        "end_time": "20:00",
        "frequency": "once",
        "location_kind": "address",
        "street": "Markt 1",
        "town": "Zeitz",
        "municipality": terms.place_a.pk,
        "is_free": "on",
        "registration": "none",
        "exceptions-TOTAL_FORMS": "0",
        "exceptions-INITIAL_FORMS": "0",
        "exceptions-MIN_NUM_FORMS": "0",
        "exceptions-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }

    response = client.post(f"/admin/snippets/events/event/edit/{event.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    event.refresh_from_db()
    assert event.title == "Jobmesse 2027"
    assert event.sequence == 1
