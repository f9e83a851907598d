"""Crisis mode end to end: the demo situation switched on and off by staff, and what the public
sees of it on every kind of page."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from crisis.models import KeyStep, Situation, SituationLogEntry, TemporaryOffer
from crisis.services import SwitchRefused, activate_situation, deactivate_situation
from network.models import AgencyUnit, AuditEntry
from referrals.models import ConcernCategory
from referrals.routing import resolve_unit
from tests.factories import ActorFactory
from tests.html import one

BANNER = "Neu aus der Ukraine angekommen?"
BANNER_UK = "Щойно прибули з України?"
SPARKASSE = "Sparkasse: mobile Filiale im Haus"
SIM = "SIM-Karte und Handy: Beratung"
LANDING = "/crisis/ankunft-aus-der-ukraine/"


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def public_pages(db) -> list[str]:
    actor = ActorFactory(name="Willkommensinitiative Zeitz", slug="willkommen-zeitz")
    return [
        "/",
        "/directory/",
        actor.get_absolute_url(),
        "/events/",
        "/needs/",
        "/referral/",
        "/wayfinder/",
    ]


def switch(client, user, situation: Situation, action: str):
    client.force_login(user)
    response = client.post(f"/crisis/{situation.slug}/{action}/")
    client.logout()
    return response


def category_in_form(client) -> bool:
    return 'value="ankunft-aus-der-ukraine"' in html(client.get("/referral/"))


# --- the demo ----------------------------------------------------------------------------------


def test_it_loads_the_demo_situation_switched_off(situation):
    assert not situation.is_active
    assert [step.title for step in situation.steps.all()] == [
        "Registrierung",
        "Aufenthaltserlaubnis nach § 24 AufenthG",
        "Leistungen",
        "Unterkunft",
        "Konto/Bank",
    ]
    assert {offer.title for offer in situation.temporary_offers.all()} == {SPARKASSE, SIM}
    assert situation.concern_category.is_active is False
    assert situation.routed_unit.slug == "auslaenderbehoerde"
    assert situation.banner_languages == ["uk", "ru", "en"]


def test_it_loads_the_demo_only_once(situation):
    from demo.crisis import load_demo

    assert load_demo() == 0
    assert Situation.objects.count() == 1


# --- switching on and off ----------------------------------------------------------------------


def test_it_shows_everything_when_switched_on_and_removes_it_all_at_once_when_off(
    client, situation, staff, public_pages
):
    for url in public_pages:
        assert BANNER not in html(client.get(url)), url
    assert client.get(LANDING).status_code == 404
    assert not category_in_form(client)

    response = switch(client, staff, situation, "activate")

    assert response.status_code == 302
    assert response.url == f"/crisis/{situation.slug}/switch/"
    for url in public_pages:
        page = client.get(url)
        assert page.status_code == 200, url
        assert BANNER in html(page), url
        assert f'href="{LANDING}"' in html(page), url
    landing = html(client.get(LANDING))
    assert "Aufenthaltserlaubnis nach § 24 AufenthG" in landing
    assert SPARKASSE in landing
    assert "/referral/?category=ankunft-aus-der-ukraine" in landing
    for url in ("/directory/", "/events/"):
        assert SPARKASSE in html(client.get(url)) and SIM in html(client.get(url)), url
    assert category_in_form(client)
    category = ConcernCategory.objects.get(slug="ankunft-aus-der-ukraine")
    assert resolve_unit(category).slug == "auslaenderbehoerde"

    switch(client, staff, situation, "deactivate")

    for url in public_pages:
        page = html(client.get(url))
        assert BANNER not in page, url
        assert SPARKASSE not in page, url
    assert client.get(LANDING).status_code == 404
    assert not category_in_form(client)
    # The history stays: the situation, its steps and offers, and both switches.
    situation.refresh_from_db()
    assert not situation.is_active
    assert situation.activated_at and situation.deactivated_at
    assert situation.steps.count() == 5
    assert situation.temporary_offers.count() == 2
    assert list(situation.log_entries.values_list("action", "user__username")) == [
        ("off", "ines"),
        ("on", "ines"),
    ]
    assert AuditEntry.objects.filter(action__startswith="crisis.").count() == 2


def test_it_keeps_the_categorys_own_settings_and_staff_edits_made_during_the_crisis(
    situation, staff
):
    category = situation.concern_category
    intake = AgencyUnit.objects.get(slug="eingangszone")
    category.is_active = False
    category.default_unit = None
    category.save()

    activate_situation(situation=situation, acting_user=staff)
    category.refresh_from_db()
    assert (category.is_active, category.default_unit) == (False, None)
    assert resolve_unit(category).slug == "auslaenderbehoerde"
    # Staff adjust the category while the crisis lasts; ending the crisis keeps their edit.
    category.is_active = True
    category.default_unit = intake
    category.save()
    assert resolve_unit(category).slug == "auslaenderbehoerde"

    deactivate_situation(situation=situation, acting_user=staff)
    category.refresh_from_db()
    assert (category.is_active, category.default_unit) == (True, intake)
    assert resolve_unit(category) == intake


def test_it_shows_the_banner_in_the_visitors_language_and_the_situations_languages(
    client, situation, staff
):
    activate_situation(situation=situation, acting_user=staff)

    german = html(client.get("/directory/"))
    ukrainian = html(client.get("/uk/directory/"))

    assert one(german, 'div.crisis-banner[role="region"]')["aria-label"]
    assert f'<p class="crisis-banner__text" lang="de" dir="ltr">{BANNER}' in german
    assert f'lang="uk" dir="ltr">{BANNER_UK}' in german
    assert 'lang="en" dir="ltr">Just arrived from Ukraine?' in german
    assert ukrainian.index(BANNER_UK) < ukrainian.index("Just arrived from Ukraine?")
    assert 'href="/uk/crisis/ankunft-aus-der-ukraine/"' in ukrainian
    assert BANNER not in ukrainian


def test_it_refuses_to_switch_twice_with_a_message(client, situation, staff):
    activate_situation(situation=situation, acting_user=staff)
    with pytest.raises(SwitchRefused):
        activate_situation(situation=situation, acting_user=staff)

    response = switch(client, staff, situation, "activate")

    assert response.status_code == 302
    assert SituationLogEntry.objects.filter(situation=situation).count() == 1


def test_it_refuses_a_category_another_active_situation_uses(situation, staff):
    activate_situation(situation=situation, acting_user=staff)
    other = Situation.objects.create(
        title="Zweite Lage",
        slug="zweite-lage",
        banner_text="Noch eine Lage.",
        concern_category=situation.concern_category,
    )

    with pytest.raises(SwitchRefused):
        activate_situation(situation=other, acting_user=staff)

    other.refresh_from_db()
    assert not other.is_active


def test_it_lets_staff_preview_a_switched_off_landing_page(client, situation, staff):
    client.force_login(staff)

    response = client.get(LANDING)

    assert response.status_code == 200
    assert "Vorschau" in html(response)
    assert '<meta name="robots" content="noindex">' in html(response)


def test_it_shows_the_staff_the_switch_page_with_the_history(client, situation, staff):
    activate_situation(situation=situation, acting_user=staff)
    client.force_login(staff)

    page = html(client.get(f"/crisis/{situation.slug}/switch/"))

    assert f'action="/crisis/{situation.slug}/deactivate/"' in page
    assert "ines" in page


def test_it_keeps_category_and_unit_fixed_while_the_situation_is_on(situation, staff):
    activate_situation(situation=situation, acting_user=staff)
    situation.refresh_from_db()
    situation.routed_unit = AgencyUnit.objects.get(slug="jobcenter")

    with pytest.raises(ValidationError):
        situation.full_clean()

    deactivate_situation(situation=situation, acting_user=staff)
    situation.refresh_from_db()
    situation.routed_unit = AgencyUnit.objects.get(slug="jobcenter")
    situation.full_clean()


def test_it_refuses_an_offer_that_ends_before_it_starts(situation):
    today = timezone.localdate()
    offer = TemporaryOffer(
        situation=situation,
        title="Falsch herum",
        where="im Haus",
        starts_on=today,
        ends_on=today - datetime.timedelta(days=1),
    )

    with pytest.raises(ValidationError) as raised:
        offer.full_clean()

    assert "ends_on" in raised.value.message_dict


# --- temporary offers and their dates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("starts", "ends", "shown"),
    [(-10, -1, False), (1, 10, False), (0, 0, True), (-3, 3, True)],
)
def test_it_shows_a_temporary_offer_only_within_its_dates(
    client, situation, staff, starts, ends, shown
):
    today = timezone.localdate()
    TemporaryOffer.objects.filter(situation=situation).delete()
    TemporaryOffer.objects.create(
        situation=situation,
        title="Bürgerbüro mobil",
        where="im Haus",
        starts_on=today + datetime.timedelta(days=starts),
        ends_on=today + datetime.timedelta(days=ends),
    )
    activate_situation(situation=situation, acting_user=staff)

    for url in ("/directory/", "/events/", LANDING):
        assert ("Bürgerbüro mobil" in html(client.get(url))) is shown, url


def test_it_links_a_temporary_offers_provider_in_the_directory(client, situation, staff):
    provider = ActorFactory(name="Sparkasse Burgenlandkreis", slug="sparkasse-blk")
    TemporaryOffer.objects.filter(title=SPARKASSE).update(provider=provider)
    activate_situation(situation=situation, acting_user=staff)

    assert 'href="/directory/sparkasse-blk/"' in html(client.get("/events/"))


def test_it_offers_the_category_and_the_temporary_offers_in_the_wayfinder(client, situation, staff):
    from django.apps import apps

    from referrals.categories import load_wayfinder_defaults

    load_wayfinder_defaults(apps)
    result = "/wayfinder/?concern=ankunft-aus-der-ukraine&for_whom=selbst&language=de&contact=nein"
    assert 'value="ankunft-aus-der-ukraine"' not in html(client.get("/wayfinder/"))

    activate_situation(situation=situation, acting_user=staff)

    assert 'value="ankunft-aus-der-ukraine"' in html(client.get("/wayfinder/"))
    page = html(client.get(result))
    assert "Ausländerbehörde" in page
    assert SPARKASSE in page

    deactivate_situation(situation=situation, acting_user=staff)

    assert SPARKASSE not in html(client.get(result))


# --- cost ------------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/directory/", "/uk/events/"])
def test_it_needs_as_many_queries_for_a_large_situation_as_for_a_small_one(
    client, situation, staff, url
):
    provider = ActorFactory()
    activate_situation(situation=situation, acting_user=staff)
    client.get(url)  # warm up caches (site, settings)
    small = count_queries(client, url)

    today = timezone.localdate()
    for number in range(6):
        KeyStep.objects.create(situation=situation, title=f"Schritt {number}", text="Text")
        TemporaryOffer.objects.create(
            situation=situation,
            title=f"Angebot {number}",
            where="im Haus",
            provider=provider,
            starts_on=today,
            ends_on=today,
        )
    large = count_queries(client, url)

    assert large == small


@pytest.mark.parametrize("active", [False, True])
def test_it_looks_up_the_situations_once_per_page(client, situation, staff, active):
    if active:
        activate_situation(situation=situation, acting_user=staff)

    with CaptureQueriesContext(connection) as queries:
        client.get("/directory/")

    crisis = [query["sql"] for query in queries if '"crisis_' in query["sql"]]
    assert sum('FROM "crisis_situation"' in sql for sql in crisis) == 1
    assert sum('FROM "crisis_temporaryoffer"' in sql for sql in crisis) == (1 if active else 0)
