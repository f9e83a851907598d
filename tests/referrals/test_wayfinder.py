"""The wayfinder's questions, its back button, its answers to bad input, and its result page."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps as django_apps
from django.conf import settings

from network.models import Actor, AgencyUnit, Language, Location, Municipality, OpeningHours, Topic
from referrals.categories import load_wayfinder_defaults
from referrals.models import ConcernCategory, WayfinderAudience, WayfinderRule
from tests.factories import ActorFactory, LanguageFactory
from tests.html import links, select, soup, text_of, texts
from tests.referrals.helpers import html

SKIPPED = "contact=nein&municipality=keine-angabe"
FULL = "concern=aufenthalt&for_whom=selbst&language=uk&contact=nein&municipality=keine-angabe"


@pytest.fixture
def wayfinder_data(units):
    load_wayfinder_defaults(django_apps)
    Language.objects.get_or_create(
        code="uk", defaults={"name": "Ukrainisch", "native_name": "Українська"}
    )
    return units


def choices(page: str, name: str) -> list[str]:
    """The values of the radio buttons called `name`."""
    return [box["value"] for box in select(page, f'input[type="radio"][name="{name}"]')]


def checked(page: str, name: str) -> list[str]:
    """The values of the checked radio buttons called `name`."""
    return [box["value"] for box in select(page, f'input[type="radio"][name="{name}"][checked]')]


def hidden(page: str) -> dict[str, str]:
    """The answers the question's form carries along."""
    return {
        field["name"]: field.get("value", "")
        for field in select(page, 'form.wayfinder__form input[type="hidden"]')
    }


def back_link(page: str) -> str:
    return next(iter(links(page, ".wayfinder__back a")), "")


def unit_name(page: str) -> str:
    """The unit the result names, when it has no page of its own to link."""
    return text_of(page, ".wayfinder__unit-name strong")


def test_it_starts_with_the_active_concerns_as_pictogram_cards(client, wayfinder_data):
    ConcernCategory.objects.filter(slug="ehrenamt").update(is_active=False)

    page = html(client.get("/wayfinder/"))

    assert "Frage 1 von 5" in page
    assert "aufenthalt" in choices(page, "concern")
    assert "ehrenamt" not in choices(page, "concern")
    assert "referrals/pictograms.svg#passport" in page
    assert 'aria-hidden="true"' in page
    assert back_link(page) == ""
    assert '<form method="get"' in page


def test_it_asks_for_whom_next_and_carries_the_concern(client, wayfinder_data):
    page = html(client.get("/wayfinder/?concern=aufenthalt&step=for_whom"))

    assert "Für wen fragen Sie?" in page
    assert set(choices(page, "for_whom")) == {
        "selbst",
        "familie",
        "begleitung",
    }
    assert hidden(page) == {"concern": "aufenthalt"}
    assert 'name="step" value="language"' in page


def test_it_goes_back_with_every_answer_kept(client, wayfinder_data):
    language_step = html(client.get("/wayfinder/?concern=wohnen&for_whom=familie&step=language"))

    back = back_link(language_step)
    for_whom_step = html(client.get(back))
    first_step = html(client.get(back_link(for_whom_step)))

    assert "step=for_whom" in back
    assert checked(for_whom_step, "for_whom") == ["familie"]
    assert checked(first_step, "concern") == ["wohnen"]
    assert hidden(first_step) == {"for_whom": "familie"}


def test_it_goes_back_from_the_result_to_the_last_question(client, wayfinder_data):
    result = html(client.get(f"/wayfinder/?{FULL}"))

    page = html(client.get(back_link(result)))

    assert "In welcher Gemeinde wohnen Sie?" in page
    assert hidden(page) == {
        "concern": "aufenthalt",
        "for_whom": "selbst",
        "language": "uk",
        "contact": "nein",
    }


def test_it_preselects_the_interface_language_with_native_names(client, wayfinder_data):
    page = html(client.get("/uk/wayfinder/?concern=aufenthalt&for_whom=selbst&step=language"))

    assert checked(page, "language") == ["uk"]
    names = {node["lang"]: (node["dir"], node.get_text()) for node in select(page, "strong[lang]")}
    assert names["uk"] == ("ltr", "Українська")
    assert names["ar"][0] == "rtl"


def test_it_asks_about_contact_with_the_units_but_not_the_intake_zone(client, wayfinder_data):
    page = html(client.get("/wayfinder/?concern=aufenthalt&for_whom=selbst&language=uk"))

    values = set(choices(page, "contact"))
    assert "nein" in values and "jobcenter" in values
    assert "eingangszone" not in values


def test_it_ends_on_the_unit_with_the_button_to_the_form(client, wayfinder_data):
    page = html(client.get(f"/wayfinder/?{FULL}"))

    assert "Hier hilft man Ihnen weiter" in page
    assert "Ausländerbehörde" in page
    (go,) = links(page, "a.wayfinder__go")
    assert go.startswith("/wayfinder/go/?concern=aufenthalt&for_whom=selbst")
    assert "Anliegen an die Agentur senden" in page


def test_it_routes_by_the_rule_for_these_answers(client, wayfinder_data):
    jobcenter = AgencyUnit.objects.get(slug="jobcenter")
    WayfinderRule.objects.create(
        category=ConcernCategory.objects.get(slug="anerkennung"),
        contact_unit=jobcenter,
        unit=jobcenter,
    )
    base = "/wayfinder/?concern=anerkennung&for_whom=selbst&language=uk&municipality=zeitz&contact="

    in_contact = html(client.get(base + "jobcenter"))
    new_here = html(client.get(base + "nein"))

    assert unit_name(in_contact) == "Jobcenter"
    assert unit_name(new_here) == "Agentur für Arbeit"


def test_it_sends_on_to_the_referral_form_filled_with_the_answers(client, wayfinder_data):
    response = client.get(
        "/uk/wayfinder/go/?concern=arbeit&for_whom=familie&language=uk&contact=jobcenter"
        "&municipality=zeitz"
    )

    assert response.status_code == 302
    assert response["Location"] == (
        "/uk/referral/?category=arbeit&language=uk&for_whom=familie&in_contact=jobcenter"
    )


def test_it_sends_incomplete_answers_back_to_the_questions(client, wayfinder_data):
    response = client.get("/wayfinder/go/?concern=arbeit&language=uk")

    assert response.status_code == 302
    assert response["Location"] == "/wayfinder/?concern=arbeit&language=uk"


def test_it_asks_again_when_next_was_pressed_without_an_answer(client, wayfinder_data):
    page = html(client.get("/wayfinder/?concern=aufenthalt&step=language"))

    assert "Für wen fragen Sie?" in page
    assert "Bitte wählen Sie eine Antwort." in page
    assert 'aria-describedby="wayfinder-error"' in page


@pytest.mark.parametrize(
    ("query", "question"),
    [
        ("concern=gibt-es-nicht&step=for_whom", "Worum geht es?"),
        ("concern=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Worum geht es?"),
        ("concern=" + "x" * 5000, "Worum geht es?"),
        ("concern=aufenthalt&for_whom=niemand&step=language", "Für wen fragen Sie?"),
        ("concern=aufenthalt&for_whom=selbst&language=zz&step=contact", "In welcher Sprache"),
        ("concern=aufenthalt&for_whom=selbst&language=uk&contact=eingangszone", "Sind Sie schon"),
        ("concern=aufenthalt&for_whom=selbst&language=uk&contact=%00", "Sind Sie schon"),
    ],
)
def test_it_answers_unknown_input_with_the_right_question(client, wayfinder_data, query, question):
    response = client.get(f"/wayfinder/?{query}")

    page = html(response)
    assert response.status_code == 200
    assert question in page
    assert "Diese Antwort kennen wir nicht" in page
    assert "<script>alert" not in page


def test_it_ignores_an_unknown_step_name(client, wayfinder_data):
    page = html(client.get("/wayfinder/?step=..%2Fadmin"))

    assert "Worum geht es?" in page
    assert "Bitte wählen" not in page


def test_it_treats_an_inactive_category_as_unknown(client, wayfinder_data):
    ConcernCategory.objects.filter(slug="aufenthalt").update(is_active=False)

    page = html(client.get(f"/wayfinder/?{FULL}"))

    assert "Worum geht es?" in page
    assert "Diese Antwort kennen wir nicht" in page


def test_it_hides_an_inactive_audience(client, wayfinder_data):
    WayfinderAudience.objects.filter(slug="begleitung").update(is_active=False)

    page = html(client.get("/wayfinder/?concern=aufenthalt"))

    assert 'value="begleitung"' not in page
    assert 'value="selbst"' in page


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_it_renders_every_step_in_every_interface_language(client, wayfinder_data, code):
    prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
    queries = [
        "",
        "concern=aufenthalt",
        "concern=aufenthalt&for_whom=selbst",
        "concern=aufenthalt&for_whom=selbst&language=uk",
        "concern=aufenthalt&for_whom=selbst&language=uk&contact=nein",
        FULL,
    ]

    for query in queries:
        response = client.get(f"{prefix}/wayfinder/?{query}")
        assert response.status_code == 200, query
        assert f'<html lang="{code}"' in html(response)


def test_it_names_network_actors_on_the_topic_speaking_the_language_first(client, wayfinder_data):
    topic = Topic.objects.get(slug="wohnen")
    ukrainian = Language.objects.get(code="uk")
    other = LanguageFactory(code="qaa", name="Testsprache")
    ActorFactory(name="Zuhause-Hilfe", topics=[topic], languages=[ukrainian])
    ActorFactory(name="Anders-Wohnen", topics=[topic], languages=[other])
    hidden_actor = ActorFactory(name="Entwurf Wohnen", topics=[topic], live=False)
    off_topic = ActorFactory(name="Sportverein", topics=[Topic.objects.get(slug="arbeit")])
    unit_actor = ActorFactory(name="MiA Unterbringung", kind="agency_unit", topics=[topic])
    for number in range(6):
        ActorFactory(name=f"Wohnprojekt {number}", topics=[topic])

    page = html(client.get(f"/wayfinder/?concern=wohnen&for_whom=selbst&language=uk&{SKIPPED}"))

    names = texts(page, ".wayfinder__actor-list > li > a")
    assert names[0] == "Zuhause-Hilfe"
    assert len(names) == 5
    assert "berät in Ihrer Sprache" in page
    for absent in (hidden_actor, off_topic, unit_actor):
        assert absent.name not in names


def test_it_names_a_unit_without_a_page_and_its_contact(client, wayfinder_data):
    assert AgencyUnit.objects.get(slug="auslaenderbehoerde").get_absolute_url() is None

    page = html(client.get(f"/wayfinder/?{FULL}"))

    assert unit_name(page) == "Ausländerbehörde"
    assert "mailto:auslaenderbehoerde@" in page


def test_it_links_the_units_profile_and_shows_its_hours(client, wayfinder_data):
    actor = ActorFactory(name="MiA Ausländerbehörde", slug="mia-abh", kind="agency_unit")
    location = Location.objects.create(
        actor=actor,
        street="Promenade 31",
        postcode="06667",
        town="Weißenfels",
        municipality=Municipality.objects.get(slug="weissenfels"),
    )
    OpeningHours.objects.create(
        location=location, weekday=0, opens=datetime.time(8), closes=datetime.time(12)
    )
    AgencyUnit.objects.filter(slug="auslaenderbehoerde").update(actor=actor)

    page = html(client.get(f"/wayfinder/?{FULL}"))

    assert links(page, ".wayfinder__unit-name a") == ["/directory/mia-abh/"]
    assert "opening-state" in page
    assert "08:00–12:00" in page


def test_it_works_without_any_script(client, wayfinder_data):
    for query in ("", "concern=aufenthalt", FULL):
        assert not soup(html(client.get(f"/wayfinder/?{query}"))).select("body script")


def test_it_leaves_out_the_network_list_when_no_actor_fits(client, wayfinder_data):
    assert Actor.objects.count() == 0

    page = html(client.get(f"/wayfinder/?{FULL}"))

    assert "Das Netzwerk hilft auch" not in page


def test_it_lets_administrators_edit_answers_and_rules_in_the_admin(client, admin, wayfinder_data):
    client.force_login(admin)
    work = ConcernCategory.objects.get(slug="arbeit")
    agency = AgencyUnit.objects.get(slug="agentur-fuer-arbeit")

    audiences = client.get("/admin/snippets/referrals/wayfinderaudience/")
    created = client.post(
        "/admin/snippets/referrals/wayfinderrule/add/",
        {
            "category": work.pk,
            "audience": "",
            "contact_unit": agency.pk,
            "unit": agency.pk,
            "is_active": "on",
        },
    )
    twin = client.post(
        "/admin/snippets/referrals/wayfinderrule/add/",
        {"category": work.pk, "audience": "", "contact_unit": agency.pk, "unit": agency.pk},
    )

    assert audiences.status_code == 200 and "Für mich selbst" in html(audiences)
    assert created.status_code == 302
    assert twin.status_code == 200 and WayfinderRule.objects.count() == 1
    page = html(
        client.get(
            "/wayfinder/?concern=arbeit&for_whom=selbst&language=uk"
            f"&contact={agency.slug}&municipality=keine-angabe"
        )
    )
    assert unit_name(page) == "Agentur für Arbeit"
