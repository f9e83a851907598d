"""What every page shows and rarely changes, kept per process (portal/site_cache.py): the menu,
the footer's links, a page's copies in other languages and the upcoming events are computed once
and shown to signed-in members too (whom the page cache never serves), and each kind of change
they show is visible on the next request."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from crisis.models import Situation
from crisis.services import activate_situation
from demo.crisis import SLUG, load_demo
from portal.models import ContentPage, HomePage, SiteSettings
from tests.events.factories import EventFactory
from tests.factories import ActorFactory, AgencyUnitFactory, UserFactory
from tests.html import select, texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_site_parts")]

BERLIN = ZoneInfo("Europe/Berlin")
EVENING = dt.datetime(2026, 3, 24, 17, 0, tzinfo=BERLIN)


def get(client, path: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)


def menu(html: str) -> list[str]:
    return texts(html, "nav a")


def test_it_computes_the_menu_and_footer_once_for_a_member(member):
    _html, first = get(member, "/")

    _html, again = get(member, "/")

    assert again < first


def test_a_page_added_to_the_menu_shows_on_the_next_request(
    member, django_capture_on_commit_callbacks
):
    get(member, "/")
    home = HomePage.objects.get(locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(
            instance=ContentPage(title="Über uns", slug="ueber-uns", live=True, show_in_menus=True)
        )

    html, _queries = get(member, "/")

    assert "Über uns" in menu(html)


def test_a_menu_page_unpublished_leaves_the_menu_on_the_next_request(
    member, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale__language_code="de")
    page = home.add_child(
        instance=ContentPage(title="Über uns", slug="ueber-uns", live=True, show_in_menus=True)
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save()  # the change before the first request commits
    assert "Über uns" in menu(get(member, "/")[0])
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert "Über uns" not in menu(get(member, "/")[0])


def test_the_menu_is_kept_per_language(member, django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(
            instance=ContentPage(title="Über uns", slug="ueber-uns", live=True, show_in_menus=True)
        )
    german = get(member, "/")[0]
    english = get(member, "/en/")[0]

    [in_german] = [link for link in select(german, "nav a") if link.get_text() == "Über uns"]
    [in_english] = [link for link in select(english, "nav a") if link.get_text() == "Über uns"]
    assert in_german.get("lang") is None
    assert in_english.get("lang") == "de"  # the German text, marked on the English page


def test_a_new_upcoming_event_shows_on_the_home_page_on_the_next_request(
    member, django_capture_on_commit_callbacks
):
    actor = ActorFactory()
    with time_machine.travel(EVENING, tick=False):
        for day in range(1, 6):
            EventFactory(
                actor=actor, title=f"Sprachcafé {day}", start_date=dt.date(2026, 3, 24 + day)
            )
        with django_capture_on_commit_callbacks(execute=True):
            EventFactory(actor=actor, title="Vorbereitung", start_date=dt.date(2026, 3, 30))
        assert "Sprachcafé 1" in get(member, "/")[0]
        with django_capture_on_commit_callbacks(execute=True):
            EventFactory(actor=actor, title="Sommerfest der Kulturen", start_date=EVENING.date())

        html, _queries = get(member, "/")

    assert "Sommerfest der Kulturen" in html


def test_an_upcoming_event_leaves_the_home_page_when_it_ends(
    member, django_capture_on_commit_callbacks
):
    actor = ActorFactory()
    with time_machine.travel(EVENING, tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            EventFactory(actor=actor, title="Spieleabend", start_date=EVENING.date())
            for day in range(1, 6):
                EventFactory(
                    actor=actor, title=f"Sprachcafé {day}", start_date=dt.date(2026, 3, 24 + day)
                )
        assert "Spieleabend" in get(member, "/")[0]
        clock.shift(dt.timedelta(hours=3, minutes=1))  # 20:01, after its end

        html, _queries = get(member, "/")

    assert "Spieleabend" not in html
    assert "Sprachcafé 5" in html


def test_the_footers_contact_details_change_on_the_next_request(
    member, django_capture_on_commit_callbacks
):
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.update_or_create(site=site, defaults={"phone": "03443 111111"})
    assert "03443 111111" in get(member, "/needs/")[0]
    settings_of_site = SiteSettings.objects.get(site=site)
    settings_of_site.phone = "03443 222222"
    with django_capture_on_commit_callbacks(execute=True):
        settings_of_site.save()

    html, _queries = get(member, "/needs/")

    assert "03443 222222" in html
    assert "03443 111111" not in html


def test_switching_crisis_mode_shows_the_banner_to_a_member_on_the_next_request(
    member, django_capture_on_commit_callbacks
):
    load_demo()
    situation = Situation.objects.get(slug=SLUG)
    staff = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    assert situation.banner_text not in get(member, "/needs/")[0]
    with django_capture_on_commit_callbacks(execute=True):
        activate_situation(situation=situation, acting_user=staff)

    html, _queries = get(member, "/needs/")

    assert situation.banner_text in html
