"""The shared page cache (portal/pagecache.py): anonymous visitors get public pages without the
database, every kind of change a page shows is visible on the next request while pages that do
not show it still come from the cache, the clock ends a page where its output changes, and
signed-in people and forms are never served from it."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from crisis.models import Situation
from crisis.services import activate_situation
from demo.crisis import SLUG, load_demo
from network.models import AgencyUnit, LocationOpeningException, Membership, ProfileChange
from network.profiles import approve_change, profile_status, submit_change
from network.translations import Entry, save_translations
from portal.models import ContentPage, HomePage
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LocationFactory,
    MembershipFactory,
    NeedFactory,
    OpeningHoursFactory,
    TopicFactory,
    UserFactory,
)
from tests.html import one

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
# A Tuesday (weekday 1), a minute before a consultation from 9:00 to 12:00.
TUESDAY_BEFORE_NINE = dt.datetime(2026, 3, 24, 8, 59, tzinfo=BERLIN)
# New events and needs without new vocabulary terms, which would renew the directory too.
NO_TERMS = {"topics": [], "languages": []}
PROFILE = "/directory/willkommen-zeitz/"


@pytest.fixture(autouse=True)
def page_cache(settings) -> None:
    settings.PAGE_CACHE = True


@pytest.fixture
def about(db) -> str:
    """A content page: it shows none of the network's content, only what every page shows."""
    home = HomePage.objects.get(locale__language_code="de")
    home.add_child(instance=ContentPage(title="Über uns", slug="ueber-uns", live=True))
    return "/ueber-uns/"


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


def get(client, path: str, **headers):
    """The answer and how many database queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries)


def assert_hit(client, path: str) -> str:
    response, queries = get(client, path)
    assert response.status_code == 200, path
    assert queries == 0, f"{path} was rendered ({queries} queries), not served from the cache"
    return response.content.decode()


def assert_rendered(client, path: str) -> str:
    response, queries = get(client, path)
    assert response.status_code == 200, path
    assert queries > 0, f"{path} came from the cache"
    return response.content.decode()


def warm(client, *paths: str) -> None:
    for path in paths:
        assert_rendered(client, path)
        assert_hit(client, path)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_it_serves_an_anonymous_visitor_a_public_page_without_the_database(client, actor):
    first, queries = get(client, "/directory/")

    assert queries > 0
    html = assert_hit(client, "/directory/")
    assert html == first.content.decode()
    assert "Willkommen in Zeitz e. V." in html


def test_it_keys_pages_by_language_and_normalised_query(client, actor):
    warm(client, "/directory/?q=Zeitz&sort=name")

    assert_hit(client, "/directory/?sort=name&q=Zeitz")
    assert_rendered(client, "/en/directory/?sort=name&q=Zeitz")
    assert_rendered(client, "/directory/?q=Zeitz")


def test_an_approved_profile_shows_on_the_next_request_while_unrelated_pages_still_hit(
    client, actor, about, staff, django_capture_on_commit_callbacks
):
    editor = MembershipFactory(actor=actor, role=Membership.Role.EDITOR).user
    warm(client, PROFILE, about)
    proposed = profile_status(actor).version_to_edit()
    proposed.short_description = "Begleitung zu Ämtern, Ärzten und Schulen."
    with django_capture_on_commit_callbacks(execute=True):
        change = submit_change(actor=proposed, acting_user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        approve_change(change=ProfileChange.objects.get(pk=change.pk), acting_user=staff)

    assert "Begleitung zu Ämtern, Ärzten und Schulen." in assert_rendered(client, PROFILE)
    assert_hit(client, about)


def test_a_new_event_shows_on_the_next_request_while_the_needs_board_still_hits(
    client, actor, django_capture_on_commit_callbacks
):
    place = actor.locations.get().municipality
    warm(client, "/events/", "/directory/", "/needs/")
    with django_capture_on_commit_callbacks(execute=True):
        EventFactory(actor=actor, title="Sommerfest der Kulturen", municipality=place, **NO_TERMS)

    assert "Sommerfest der Kulturen" in assert_rendered(client, "/events/")
    # The directory's cards name the actor's next event.
    assert "Sommerfest der Kulturen" in assert_rendered(client, "/directory/")
    assert_hit(client, "/needs/")


def test_a_new_need_shows_on_the_next_request_while_the_calendar_still_hits(
    client, actor, django_capture_on_commit_callbacks
):
    place = actor.locations.get().municipality
    warm(client, "/needs/", "/events/")
    with django_capture_on_commit_callbacks(execute=True):
        NeedFactory(
            actor=actor, title="Fahrdienst zur Tafel gesucht", municipality=place, **NO_TERMS
        )

    assert "Fahrdienst zur Tafel gesucht" in assert_rendered(client, "/needs/")
    assert_hit(client, "/events/")


def test_a_published_page_shows_on_the_next_request_while_feeds_still_hit(
    client, actor, about, django_capture_on_commit_callbacks
):
    EventFactory(actor=actor)
    warm(client, about, "/events/calendar.ics")
    page = ContentPage.objects.get(slug="ueber-uns", locale__language_code="de")
    page.title = "Über das Netzwerk"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert "Über das Netzwerk" in assert_rendered(client, about)
    assert_hit(client, "/events/calendar.ics")


def test_an_unpublished_page_is_gone_on_the_next_request(
    client, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(locale__language_code="de")
    with django_capture_on_commit_callbacks(execute=True):
        page = home.add_child(instance=ContentPage(title="Aktion", slug="aktion", live=True))
    warm(client, "/aktion/")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).specific.unpublish()

    assert client.get("/aktion/").status_code == 404


def test_a_renamed_topic_shows_on_the_next_request_while_a_content_page_still_hits(
    client, about, django_capture_on_commit_callbacks
):
    topic = TopicFactory(slug="nachbarschaft", name="Nachbarschaft")
    ActorFactory(topics=[topic])
    warm(client, "/directory/", about)
    topic.name = "Nachbarschaftshilfe"
    with django_capture_on_commit_callbacks(execute=True):
        topic.save()

    assert "Nachbarschaftshilfe" in assert_rendered(client, "/directory/")
    assert_hit(client, about)


def test_a_published_translation_shows_on_the_next_request_while_unrelated_pages_still_hit(
    client, actor, about, staff, django_capture_on_commit_callbacks
):
    path = f"/en{PROFILE}"
    warm(client, path, about)
    entry = Entry(obj=actor, field="short_description", text="Going with you to the offices.")
    with django_capture_on_commit_callbacks(execute=True):
        save_translations(root=actor, language="en", entries=[entry], acting_user=staff)

    assert "Going with you to the offices." in assert_rendered(client, path)
    assert_hit(client, about)


def test_switching_crisis_mode_shows_the_banner_on_every_page_at_once(
    client, actor, staff, django_capture_on_commit_callbacks
):
    load_demo()
    situation = Situation.objects.get(slug=SLUG)
    warm(client, "/directory/", "/events/", PROFILE)
    with django_capture_on_commit_callbacks(execute=True):
        activate_situation(situation=situation, acting_user=staff)

    for path in ("/directory/", "/events/", PROFILE):
        assert situation.banner_text in text(assert_rendered(client, path)), path


def test_a_closure_shows_on_the_profile_at_once_while_a_content_page_still_hits(
    client, actor, about, django_capture_on_commit_callbacks
):
    location = actor.locations.get()
    OpeningHoursFactory(location=location, weekday=1, opens=dt.time(9), closes=dt.time(12))
    with time_machine.travel(TUESDAY_BEFORE_NINE, tick=False):
        warm(client, PROFILE, about)
        with django_capture_on_commit_callbacks(execute=True):
            LocationOpeningException.objects.create(
                location=location, starts_on=TUESDAY_BEFORE_NINE.date(), reason="Betriebsausflug"
            )

        assert "Heute geschlossen: Betriebsausflug." in text(assert_rendered(client, PROFILE))
        assert_hit(client, about)


def test_open_now_rolls_over_at_the_start_of_a_consultation(client, actor):
    location = actor.locations.get()
    OpeningHoursFactory(location=location, weekday=1, opens=dt.time(9), closes=dt.time(12))
    with time_machine.travel(TUESDAY_BEFORE_NINE, tick=False) as clock:
        warm(client, PROFILE)
        assert "Nächste offene Sprechstunde: heute, 9:00" in text(assert_hit(client, PROFILE))
        clock.shift(dt.timedelta(seconds=30))
        assert_hit(client, PROFILE)
        clock.shift(dt.timedelta(seconds=31))

        assert "Jetzt geöffnet, ohne Termin, bis 12:00" in text(assert_rendered(client, PROFILE))


def test_the_directorys_open_now_count_rolls_over_at_the_next_slot_edge(client, actor):
    location = actor.locations.get()
    OpeningHoursFactory(location=location, weekday=1, opens=dt.time(9), closes=dt.time(12))
    with time_machine.travel(TUESDAY_BEFORE_NINE, tick=False) as clock:
        warm(client, "/directory/?open_now=true")
        before = client.get("/directory/?open_now=true").content.decode()
        clock.shift(dt.timedelta(minutes=2))

        after = assert_rendered(client, "/directory/?open_now=true")

    assert "Willkommen in Zeitz e. V." not in before
    assert "Willkommen in Zeitz e. V." in after


def test_an_event_leaves_the_upcoming_list_when_it_ends(client, actor):
    evening = dt.datetime(2026, 3, 24, 19, 59, tzinfo=BERLIN)
    EventFactory(
        actor=actor,
        title="Spieleabend",
        start_date=evening.date(),
        start_time=dt.time(18),
        end_time=dt.time(20),
    )
    with time_machine.travel(evening, tick=False) as clock:
        warm(client, "/events/")
        clock.shift(dt.timedelta(minutes=2))

        assert "Spieleabend" not in assert_rendered(client, "/events/")


def test_it_never_serves_a_signed_in_member_from_the_cache(client, actor):
    warm(client, "/directory/")
    client.force_login(UserFactory(username="mira"))

    response, queries = get(client, "/directory/")

    assert queries > 0
    assert "Abmelden" in response.content.decode()
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/referral/", "/accounts/login/", "/en/referral/"])
def test_it_never_caches_forms_with_csrf_or_personal_data(client, path):
    first, _ = get(client, path)
    second, _ = get(client, path)

    assert first.status_code == second.status_code == 200
    # Rendered each time: a form's CSRF token is masked afresh on every rendering (the page
    # may need no query at all, with the parts every page shows kept by portal/site_cache.py).
    tokens = [one(answer, "input[name=csrfmiddlewaretoken]")["value"] for answer in (first, second)]
    assert tokens[0] != tokens[1]
    assert "no-store" in second["Cache-Control"]
    assert "public" not in second["Cache-Control"]


def test_it_never_answers_a_visitor_with_a_session_or_messages_from_the_cache(client, actor):
    warm(client, "/directory/")
    client.cookies["messages"] = "pending"

    assert_rendered(client, "/directory/")


def test_a_remembered_language_still_leads_from_a_cached_german_page(client, actor):
    warm(client, "/directory/")
    client.cookies["django_language"] = "en"

    response = client.get("/directory/", HTTP_USER_AGENT="Mozilla/5.0 Firefox/126.0")

    assert response.status_code == 302
    assert response["Location"] == "/en/directory/"


@pytest.mark.parametrize("path", ["/directory/", "/en/directory/", "/events/", "/ar/needs/"])
def test_anonymous_pages_do_not_vary_on_cookie_and_may_be_kept_by_a_proxy(client, actor, path):
    for response in (client.get(path), client.get(path)):
        vary = {part.strip() for part in response.get("Vary", "").split(",") if part.strip()}
        assert "Cookie" not in vary
        assert ("Accept-Language" in vary) == (not path.startswith(("/en/", "/ar/")))
        assert "public" in response["Cache-Control"]
        assert "s-maxage=" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    ["/directory/", "/en/events/", "/api/v1/actors/", "/api/v1/events/", "/events/calendar.ics"],
)
def test_it_answers_304_to_a_matching_etag(client, actor, path):
    EventFactory(actor=actor)
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]

    again = client.get(path, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""


def test_the_calendar_feed_reads_the_same_until_an_event_changes(
    client, actor, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE = False  # rendered every time: the feed itself must not change
    event = EventFactory(actor=actor)
    with time_machine.travel(dt.timedelta(minutes=5)):
        later = client.get(f"/events/{event.slug}/event.ics")
    assert client.get(f"/events/{event.slug}/event.ics")["ETag"] == later["ETag"]
    event.title = "Neuer Titel"
    with django_capture_on_commit_callbacks(execute=True):
        event.save()

    assert client.get(f"/events/{event.slug}/event.ics")["ETag"] != later["ETag"]


def test_the_intake_zones_new_phone_shows_in_every_footer_at_once(
    client, about, django_capture_on_commit_callbacks
):
    profile = ActorFactory(name="Eingangszone der Migrationsagentur", phone="03443 100")
    LocationFactory(actor=profile)
    unit = AgencyUnit.objects.get(is_intake=True)
    unit.actor = profile
    unit.save()
    warm(client, about)
    assert "03443 100" in assert_hit(client, about)

    with django_capture_on_commit_callbacks(execute=True):
        profile.phone = "03443 200"
        profile.save()

    footer = text(assert_rendered(client, about))
    assert "03443 200" in footer
    assert "03443 100" not in footer
    assert_hit(client, about)
