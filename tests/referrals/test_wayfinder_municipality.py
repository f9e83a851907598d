"""The wayfinder asks where the person lives (skippable) and names actors nearby first."""

from __future__ import annotations

import pytest
from django.apps import apps as django_apps

from network.models import Language, Municipality, Topic
from referrals.categories import load_wayfinder_defaults
from referrals.models import WayfinderStepCount
from tests.factories import ActorFactory, LocationFactory
from tests.html import links, select, texts
from tests.referrals.helpers import html

BEFORE = "concern=wohnen&for_whom=selbst&language=uk&contact=nein"
ACTORS = ".wayfinder__actor-list > li > a"


@pytest.fixture
def wayfinder_data(units):
    load_wayfinder_defaults(django_apps)
    Language.objects.get_or_create(
        code="uk", defaults={"name": "Ukrainisch", "native_name": "Українська"}
    )


def located(name: str, slug: str, **fields):
    """An actor on housing with a place at the centre of a municipality."""
    municipality = Municipality.objects.get(slug=slug)
    actor = ActorFactory(name=name, topics=[Topic.objects.get(slug="wohnen")], **fields)
    LocationFactory(
        actor=actor,
        municipality=municipality,
        latitude=municipality.latitude,
        longitude=municipality.longitude,
    )
    return actor


@pytest.fixture
def housing(wayfinder_data):
    ukrainian = Language.objects.get(code="uk")
    # Far from Zeitz, but speaking the person's language: the nearby ones still come first.
    located("Wohnhilfe Naumburg", "naumburg-saale", languages=[ukrainian])
    located("Wohnhilfe Zeitz", "zeitz")
    located("Wohnhilfe Weißenfels", "weissenfels")
    ActorFactory(
        name="Wohnberatung online", topics=[Topic.objects.get(slug="wohnen")], works_online=True
    )


def test_it_asks_for_the_municipality_last_with_every_answer_kept(client, wayfinder_data):
    contact = html(client.get(f"/wayfinder/?{BEFORE}&step=contact"))
    page = html(client.get(f"/wayfinder/?{BEFORE}&step=municipality"))

    assert 'name="step" value="municipality"' in contact  # "next" leads to the question

    assert "Frage 5 von 5" in page
    assert "In welcher Gemeinde wohnen Sie?" in page
    options = [option["value"] for option in select(page, "select[name=municipality] option")]
    assert options[0] == ""
    assert {"zeitz", "weissenfels", "naumburg-saale", "elsteraue"} <= set(options)
    assert len(options) == 1 + Municipality.objects.exclude(latitude=None).count()
    carried = {field["name"] for field in select(page, 'form input[type="hidden"]')}
    assert carried == {"concern", "for_whom", "language", "contact"}
    (skip,) = select(page, "button.wayfinder__skip")
    assert (skip["name"], skip["value"]) == ("municipality", "keine-angabe")


def test_it_lets_the_person_skip_the_question(client, housing):
    page = html(client.get(f"/wayfinder/?{BEFORE}&municipality=keine-angabe"))

    assert "Hier hilft man Ihnen weiter" in page
    assert texts(page, ACTORS)[0] == "Wohnhilfe Naumburg"  # speaks Ukrainian
    assert not select(page, ".wayfinder__distance")


def test_it_takes_the_skip_button_over_an_empty_choice(client, housing):
    """The form sends the select's empty value and then the button's; the button counts."""
    page = html(client.get(f"/wayfinder/?{BEFORE}&municipality=&municipality=keine-angabe"))

    assert "Hier hilft man Ihnen weiter" in page


def test_it_names_the_actors_near_the_municipality_first(client, housing):
    page = html(client.get(f"/wayfinder/?{BEFORE}&municipality=zeitz"))

    names = texts(page, ACTORS)
    assert set(names[:2]) == {"Wohnhilfe Zeitz", "Wohnberatung online"}
    assert names[2:] == ["Wohnhilfe Naumburg", "Wohnhilfe Weißenfels"]
    distances = texts(page, ".wayfinder__distance")
    assert "weniger als 1 km entfernt" in distances
    assert "online erreichbar" in distances
    assert any(text.startswith("etwa ") and text.endswith(" km entfernt") for text in distances)
    assert "Zeitz" in texts(page, ".wayfinder__concern")[0]
    assert "/directory/?near=zeitz&sort=distance" in links(page, ".wayfinder__actors a")


def test_it_keeps_the_municipality_through_the_steps(client, housing):
    result = html(client.get(f"/wayfinder/?{BEFORE}&municipality=zeitz"))
    back = links(result, ".wayfinder__back a")[0]
    question = html(client.get(back))
    first = html(client.get(f"/wayfinder/?{BEFORE}&municipality=zeitz&step=concern"))

    assert "municipality=zeitz" in back
    chosen = select(question, "select[name=municipality] option[selected]")
    assert [option["value"] for option in chosen] == ["zeitz"]
    carried = {field["name"]: field["value"] for field in select(first, 'input[type="hidden"]')}
    assert carried["municipality"] == "zeitz"
    go = client.get(f"/wayfinder/go/?{BEFORE}&municipality=zeitz")
    assert go.status_code == 302 and go["Location"].startswith("/referral/?")


@pytest.mark.parametrize("value", ["atlantis", "%3Cscript%3E", "x" * 300])
def test_it_asks_again_for_an_unknown_municipality(client, wayfinder_data, value):
    page = html(client.get(f"/wayfinder/?{BEFORE}&municipality={value}"))

    assert "In welcher Gemeinde wohnen Sie?" in page
    assert "Diese Antwort kennen wir nicht" in page
    assert "<script>" not in page


def test_it_takes_next_without_a_municipality_as_a_skip(client, housing):
    page = html(client.get(f"/wayfinder/?{BEFORE}&municipality=&step=result"))

    assert "Hier hilft man Ihnen weiter" in page


def test_it_shows_the_result_for_four_answers_and_offers_the_question(client, housing):
    """Links made before the question existed (four answers) still lead to the result."""
    page = html(client.get(f"/wayfinder/?{BEFORE}"))

    assert "Hier hilft man Ihnen weiter" in page
    (ask,) = [link for link in links(page, ".wayfinder__actors a") if "step=municipality" in link]
    assert "In welcher Gemeinde wohnen Sie?" in html(client.get(ask))


def test_it_counts_the_result_but_not_where_the_person_lives(client, housing):
    client.get(f"/wayfinder/?{BEFORE}&step=municipality")
    client.get(f"/wayfinder/?{BEFORE}&municipality=zeitz&step=result")

    rows = list(WayfinderStepCount.objects.values_list("step", "path"))
    assert rows == [("result", "wohnen/selbst/uk/nein")]
