"""Events on /search/: found with their label, address and facets while they are still ahead."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from events.models import EventStatus, ExceptionKind, Frequency
from tests.events.factories import EventExceptionFactory, EventFactory
from tests.factories import LanguageFactory, MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.django_db

# The portal's day (Europe/Berlin), which begins an hour or two before the machine's in UTC.
TODAY = timezone.localdate()


def days(number: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=number)


def found(client, query: str = "Quokkafest") -> list[str]:
    items = client.get("/search/", {"q": query}).context["result"].items
    return [item.title.replace("<mark>", "").replace("</mark>", "") for item in items]


def test_it_finds_an_upcoming_event_with_its_label_address_and_facets(client):
    zeitz = MunicipalityFactory(name="Zeitz", slug="zeitz")
    event = EventFactory(
        title="Quokkafest",
        municipality=zeitz,
        topics=[TopicFactory(slug="kultur")],
        languages=[LanguageFactory(code="ar")],
    )
    result = client.get("/search/", {"q": "Quokkafest"}).context["result"]
    assert [(item.kind, item.kind_label, item.url) for item in result.items] == [
        ("event", "Veranstaltung", event.get_absolute_url())
    ]
    assert [value.value for value in result.facets["topic"]] == ["kultur"]
    assert [value.value for value in result.facets["municipality"]] == ["zeitz"]
    assert [value.value for value in result.facets["language"]] == ["ar"]
    assert client.get(result.items[0].url).status_code == 200


def test_it_drops_an_event_whose_last_day_has_passed(client):
    EventFactory(title="Quokkafest", start_date=days(-2))
    EventFactory(title="Quokkafest am Fluss", start_date=days(-3), end_date=TODAY)
    assert found(client) == ["Quokkafest am Fluss"]


def test_it_keeps_a_series_until_its_last_date_and_an_open_series_always(client):
    EventFactory(title="Quokkafest ohne Ende", start_date=days(-70), frequency=Frequency.WEEKLY)
    EventFactory(
        title="Quokkafest bis morgen",
        start_date=days(-13),
        frequency=Frequency.WEEKLY,
        repeat_until=days(1),
    )
    EventFactory(
        title="Quokkafest vorbei",
        start_date=days(-15),
        frequency=Frequency.WEEKLY,
        repeat_count=2,
    )
    assert sorted(found(client)) == ["Quokkafest bis morgen", "Quokkafest ohne Ende"]


def test_it_finds_a_cancelled_event_until_its_date(client):
    event = EventFactory(title="Quokkafest", start_date=days(2))
    event.status = EventStatus.CANCELLED
    event.save()
    assert found(client) == ["Quokkafest"]


def test_it_follows_a_last_date_moved_into_the_future(client):
    event = EventFactory(
        title="Quokkafest", start_date=days(-8), frequency=Frequency.WEEKLY, repeat_count=2
    )
    assert found(client) == []
    exception = EventExceptionFactory(
        event=event, original_date=days(-1), kind=ExceptionKind.MOVED, new_date=days(3)
    )
    assert found(client) == ["Quokkafest"]
    exception.delete()
    assert found(client) == []


def test_it_follows_unpublishing_editing_and_deleting(client):
    event = EventFactory(title="Quokkafest")
    event.title = "Quokkafest im Park"
    event.save()
    assert found(client) == ["Quokkafest im Park"]
    event.unpublish()
    assert found(client) == []
    event.save_revision().publish()
    assert found(client) == ["Quokkafest im Park"]
    event.delete()
    assert found(client) == []


def test_it_hides_the_events_of_an_unpublished_actor(client):
    event = EventFactory(title="Quokkafest")
    event.actor.live = False
    event.actor.save()
    assert found(client) == []
