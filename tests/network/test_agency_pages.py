"""The agency's pages: the house and its units, their state at frozen instants, the week with
walk-in and appointment slots, exceptions ahead, the concerns a unit handles, and the unit's
public address."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import translation
from wagtail.models import Locale

from network.models import AgencyUnit
from referrals.models import ConcernCategory
from tests.factories import ActorFactory, AgencyUnitFactory
from tests.html import text_of
from tests.network.agency import agency_page, unit_page

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = dt.date(2026, 3, 23)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def state_of(response) -> str:
    assert response.status_code == 200
    return text_of(response, ".opening-state__text")


@pytest.fixture
def unit(db) -> AgencyUnit:
    return AgencyUnitFactory(name="Quokkabehörde", slug="quokkabehoerde")


@pytest.fixture
def page(unit):
    return unit_page(
        unit,
        exceptions=[
            {"starts_on": dt.date(2026, 3, 26), "reason": "Betriebsversammlung"},
            {
                "starts_on": dt.date(2026, 3, 25),
                "is_closed": False,
                "opens": dt.time(15),
                "closes": dt.time(19),
                "reason": "Abendsprechstunde",
            },
        ],
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(MONDAY, 9), "Jetzt geöffnet, ohne Termin, bis 12:00"),
        (at(MONDAY, 12, 30), "Nächste offene Sprechstunde: morgen, 8:00"),
        (
            at(MONDAY + dt.timedelta(days=1), 14),
            "Jetzt Sprechstunde nur mit Termin, bis 17:30. "
            "Nächste offene Sprechstunde: morgen, 15:00",
        ),
        (at(MONDAY + dt.timedelta(days=2), 16), "Jetzt geöffnet, ohne Termin, bis 19:00"),
        (
            at(MONDAY + dt.timedelta(days=3), 9),
            "Heute geschlossen: Betriebsversammlung. Nächste offene Sprechstunde: morgen, 8:00",
        ),
        (at(MONDAY + dt.timedelta(days=5), 9), "Nächste offene Sprechstunde: Montag, 8:00"),
    ],
)
def test_it_shows_the_state_of_the_unit_at_the_moment(client, page, moment, expected):
    with time_machine.travel(moment, tick=False):
        response = client.get(page.url)

    assert state_of(response) == expected


def test_it_marks_each_slot_walk_in_or_by_appointment_with_how_to_book(client, page):
    with time_machine.travel(at(MONDAY, 9), tick=False):
        content = text(client.get(page.url))

    assert (
        '<th scope="row">Montag</th><td>08:00–12:00</td>'
        '<td><span class="slot slot--walk-in">offen, ohne Termin</span></td>' in content
    )
    assert '<th scope="row">Dienstag</th><td>13:00–17:30</td>' in content
    assert '<span class="slot slot--appointment">mit Termin</span>' in content
    assert 'href="tel:03443030-10"' in content
    assert 'href="https://termine.example/ab/"' in content


def test_it_announces_the_exceptions_ahead(client, page):
    with time_machine.travel(at(MONDAY, 9), tick=False):
        content = text(client.get(page.url))

    assert "Abweichende Öffnungszeiten" in content
    assert "Donnerstag, 26. März 2026:</strong> geschlossen (Betriebsversammlung)" in content
    assert "15:00–19:00, offen, ohne Termin (Abendsprechstunde)" in content


def test_it_no_longer_announces_past_exceptions(client, page):
    with time_machine.travel(at(MONDAY + dt.timedelta(days=7), 9), tick=False):
        content = text(client.get(page.url))

    assert "Betriebsversammlung" not in content


def test_it_lists_the_concerns_the_unit_handles_with_a_link_into_the_referral_form(
    client, page, unit
):
    ConcernCategory.objects.create(name="Quokkavisum", slug="quokkavisum", default_unit=unit)
    ConcernCategory.objects.create(
        name="Altes Quokkaformular", slug="altes-quokkaformular", default_unit=unit, is_active=False
    )
    ConcernCategory.objects.create(name="Quokkawohnung", slug="quokkawohnung")

    content = text(client.get(page.url))

    assert 'href="/referral/?category=quokkavisum"' in content
    assert "Quokkavisum" in content
    assert "Altes Quokkaformular" not in content
    assert "Quokkawohnung" not in content


def test_it_shows_where_in_the_house_and_what_to_bring(client, page):
    content = text(client.get(page.url))

    assert "1. Obergeschoss, Raum 1.10" in content
    assert "<li>Pass</li>" in content
    assert "Promenade 31, 06667 Weißenfels" in content


def test_the_agency_page_lists_units_and_partners_with_their_state(client, page):
    partner = ActorFactory(name="Quokkaberatung der Diakonie", slug="quokkaberatung")
    other = AgencyUnitFactory(name="Eingangszone Quokka", slug="eingangszone-quokka")
    unit_page(other)
    from network.models import AgencyUnitPage

    partner_page = AgencyUnitPage(title="Quokkaberatung im Haus", slug="quokkaberatung")
    partner_page.partner = partner
    agency_page().add_child(instance=partner_page)
    partner_page.save_revision().publish()

    with time_machine.travel(at(MONDAY, 9), tick=False):
        content = text(client.get(agency_page().url))

    assert "Die Bereiche im Haus" in content
    assert content.count("Jetzt geöffnet, ohne Termin, bis 12:00") == 2
    assert "Partner im Haus" in content
    assert "Quokkaberatung im Haus" in content
    assert "Keine Sprechzeiten angegeben." in content


def test_a_unit_links_to_its_live_page(page, unit):
    assert unit.get_absolute_url() == page.url


def test_a_unit_without_a_page_links_to_its_profile_or_nowhere(unit):
    assert unit.get_absolute_url() is None

    unit.actor = ActorFactory(slug="quokka-profil")
    unit.save()

    assert unit.get_absolute_url() == "/directory/quokka-profil/"


def test_an_unpublished_unit_page_is_not_linked(page, unit):
    page.unpublish()

    assert unit.get_absolute_url() is None


def test_a_unit_links_to_its_page_in_the_active_language_with_the_german_hours(client, page, unit):
    english, _created = Locale.objects.get_or_create(language_code="en")
    translation_page = page.copy_for_translation(english, copy_parents=True)
    translation_page.title = "Quokka authority"
    translation_page.consultation_hours.all().delete()  # the German page's hours count
    translation_page.save_revision().publish()

    with translation.override("en"):
        url = unit.get_absolute_url()
    with translation.override("de"):
        german_url = unit.get_absolute_url()

    assert url != german_url
    assert url == translation_page.url
    with time_machine.travel(at(MONDAY, 9), tick=False):
        content = text(client.get(url))
    assert "Quokka authority" in content
    assert "08:00–12:00" in content


def test_the_demo_gives_every_unit_a_page_with_hours_and_an_upcoming_holiday(client, db):
    from demo.network.agency_pages import ensure_agency_pages
    from network.models import AgencyUnitPage

    with time_machine.travel(at(MONDAY, 9), tick=False):
        assert ensure_agency_pages() == []
        assert ensure_agency_pages() == []  # a second run adds nothing

        pages = AgencyUnitPage.objects.live()
        assert {page.unit.slug for page in pages if page.unit} == set(
            AgencyUnit.objects.values_list("slug", flat=True)
        )
        assert pages.filter(unit=None).count() == 2  # the partners housed there
        for page in pages:
            assert page.consultation_hours.exists()
            holiday = page.exceptions.get(reason__startswith="Feiertag")
            assert holiday.starts_on == dt.date(2026, 4, 3)  # Karfreitag
        jobcenter = AgencyUnit.objects.get(slug="jobcenter")
        assert state_of(client.get(jobcenter.get_absolute_url())) == (
            "Jetzt geöffnet, ohne Termin, bis 12:00"
        )
