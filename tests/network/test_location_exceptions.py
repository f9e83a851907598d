"""Members add holidays, closures and special hours to their locations through the profile
review, and the public profile shows each location's state now and the exceptions ahead."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from network.models import LocationOpeningException, ProfileChange
from network.profiles import approve_change
from tests.factories import OpeningHoursFactory
from tests.html import form_data  # the profile form as a browser submits it
from tests.network.test_profiles import (
    actor,  # noqa: F401 - fixture
    edit_url,
    editor,  # noqa: F401 - fixture
    staff,  # noqa: F401 - fixture
)

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.datetime(2026, 3, 23, 10, tzinfo=BERLIN)


@pytest.fixture
def hours(actor):  # noqa: F811 - the imported fixture
    location = actor.locations.get()
    OpeningHoursFactory(location=location, weekday=0, opens=dt.time(9), closes=dt.time(12))
    return location


def exception_fields(data: dict[str, list[str]]) -> str:
    return next(
        name.removesuffix("-starts_on")
        for name in data
        if re.fullmatch(r"locations-0-exceptions-\d+-starts_on", name)
    )


def test_a_member_adds_a_closure_that_shows_once_approved(client, actor, editor, staff, hours):  # noqa: F811
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))
    new = exception_fields(data)
    data[f"{new}-starts_on"] = ["2026-03-23"]
    data[f"{new}-ends_on"] = ["2026-03-27"]
    data[f"{new}-reason"] = ["Renovierung"]
    data[f"{new}-is_closed"] = ["on"]

    response = client.post(edit_url(actor), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not LocationOpeningException.objects.exists()
    approve_change(change=ProfileChange.objects.get(actor=actor), acting_user=staff)
    closure = LocationOpeningException.objects.get()
    assert (closure.location, closure.ends_on, closure.reason) == (
        hours,
        dt.date(2026, 3, 27),
        "Renovierung",
    )
    with time_machine.travel(MONDAY, tick=False):
        public = re.sub(r"\s+", " ", client.get(actor.get_absolute_url()).content.decode())
    # A week ahead the weekday alone would read as today: the date is added.
    assert (
        "Heute geschlossen: Renovierung. Nächste offene Sprechstunde: Montag, 30.03.2026, 9:00"
        in public
    )
    assert "geschlossen (Renovierung)" in public


def test_special_hours_need_their_times(client, actor, editor, hours):  # noqa: F811
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))
    new = exception_fields(data)
    data[f"{new}-starts_on"] = ["2026-03-25"]
    data.pop(f"{new}-is_closed", None)
    data[f"{new}-opens"] = ["15:00"]

    response = client.post(edit_url(actor), data)

    assert response.status_code == 200
    assert "Bitte geben Sie an, bis wann geöffnet ist." in response.content.decode()
    assert not ProfileChange.objects.exists()


def test_the_profile_shows_the_state_of_each_location_now(client, actor, hours):  # noqa: F811
    with time_machine.travel(MONDAY, tick=False):
        public = client.get(actor.get_absolute_url()).content.decode()

    assert 'class="opening-state opening-state--walk-in"' in public
    assert "Jetzt geöffnet, ohne Termin, bis 12:00" in public
