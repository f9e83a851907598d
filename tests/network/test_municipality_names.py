"""Municipalities are named in the visitor's language where that language has a usual name for
them (issue 18): Вайсенфельс in Ukrainian, فايسنفلس in Arabic, Weißenfels in German, English and
Turkish. The names are base data every installation loads; a page reads them in one query."""

from __future__ import annotations

import re

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from network.models import AgencyUnit, Language, Municipality, Topic
from network.municipalities import municipality_names, named_municipalities
from network.vocabularies import (
    AGENCY_UNITS,
    MUNICIPALITIES,
    load_municipality_names,
    load_vocabularies,
)
from portal.models import ContentTranslation
from portal.translations import translated
from referrals.categories import load_categories, load_wayfinder_defaults
from search.listing import FacetValue
from tests.factories import ActorFactory, LocationFactory, NeedFactory
from tests.html import select, soup, texts
from tests.query_counts import grow_network, rendering_queries

BEFORE = "concern=wohnen&for_whom=selbst&language=uk&contact=nein"
CYRILLIC = re.compile(r"^[\u0400-\u04FF\s()\-]+$")
ARABIC_SCRIPT = re.compile(r"^[\u0600-\u06FF\u200c\s()\-]+$")


@pytest.fixture
def base_data(db) -> None:
    """The base data the migrations load, restored if a transactional test flushed it."""
    load_vocabularies(django_apps)
    load_municipality_names(django_apps)


@pytest.fixture
def wayfinder(base_data) -> None:
    for unit in AGENCY_UNITS:
        AgencyUnit.objects.get_or_create(
            slug=unit.slug,
            defaults={"name": unit.name, "email": unit.email, "is_intake": unit.is_intake},
        )
    load_categories(django_apps)
    load_wayfinder_defaults(django_apps)
    Language.objects.get_or_create(
        code="uk", defaults={"name": "Ukrainisch", "native_name": "Українська"}
    )


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_it_names_every_municipality_in_the_script_of_uk_ru_ar_and_fa(base_data):
    for municipality in Municipality.objects.all():
        for language, script in (
            ("uk", CYRILLIC),
            ("ru", CYRILLIC),
            ("ar", ARABIC_SCRIPT),
            ("fa", ARABIC_SCRIPT),
        ):
            name = translated(municipality, "name", language)
            assert not name.is_fallback, (municipality.slug, language)
            assert script.match(name), (municipality.slug, language, str(name))
    assert Municipality.objects.count() == len(MUNICIPALITIES) == 33


def test_it_keeps_the_german_name_in_english_and_turkish_as_a_decided_translation(base_data):
    weissenfels = Municipality.objects.get(slug="weissenfels")

    assert translated(weissenfels, "name", "uk") == "Вайсенфельс"
    assert translated(weissenfels, "name", "ar") == "فايسنفلس"
    assert translated(weissenfels, "name", "fa") == "فایسنفلس"
    assert translated(Municipality.objects.get(slug="naumburg-saale"), "name", "ru") == (
        "Наумбург (Зале)"
    )
    for language in ("en", "tr"):
        name = translated(weissenfels, "name", language)
        assert (str(name), name.is_fallback) == ("Weißenfels", False)


def test_it_keeps_a_name_the_staff_corrected_when_the_names_are_loaded_again(base_data):
    zeitz = Municipality.objects.get(slug="zeitz")
    row = ContentTranslation.objects.get(object_id=zeitz.pk, language="uk", field="name")
    row.text = "Цайц (Саксонія-Ангальт)"
    row.save()

    load_municipality_names(django_apps)

    assert translated(Municipality.objects.get(slug="zeitz"), "name", "uk") == (
        "Цайц (Саксонія-Ангальт)"
    )


def test_it_reads_every_name_in_one_query_and_none_in_german(base_data):
    with CaptureQueriesContext(connection) as ukrainian:
        names = municipality_names("uk")
    with CaptureQueriesContext(connection) as german:
        municipality_names("de")

    assert len(ukrainian) == 1
    assert len(german) == 0
    assert len(names.by_slug) == 33
    assert names.by_slug["zeitz"] == "Цайц"


def test_it_falls_back_to_the_german_name_marked_where_a_language_has_none(base_data):
    ContentTranslation.objects.filter(language="uk", text="Цайц").delete()

    name = municipality_names("uk").by_slug["zeitz"]

    assert (str(name), name.lang, name.is_fallback) == ("Zeitz", "de", True)


def test_it_sorts_a_facet_by_the_names_the_visitor_reads(base_data):
    values = [
        FacetValue(value=slug, label=name, count=1, selected=False)
        for slug, name in (("zeitz", "Zeitz"), ("elsteraue", "Elsteraue"), ("gleina", "Gleina"))
    ]

    with translation.override("uk"):
        ukrainian = [str(value.label) for value in named_municipalities(values)]
    with translation.override("de"):
        german = [str(value.label) for value in named_municipalities(values)]

    # in the order of the Ukrainian alphabet
    assert ukrainian == ["Гляйна", "Ельстерауе", "Цайц"]
    assert german == ["Zeitz", "Elsteraue", "Gleina"]  # as the facet came


def test_it_lists_the_wayfinders_municipalities_in_ukrainian_and_alphabetically(client, wayfinder):
    ukrainian = page(client.get(f"/uk/wayfinder/?{BEFORE}&step=municipality"))
    german = page(client.get(f"/wayfinder/?{BEFORE}&step=municipality"))

    names = texts(ukrainian, "select[name=municipality] option")[1:]
    assert "Вайсенфельс" in names and "Weißenfels" not in names
    assert names.index("Гутенборн") < names.index("Цайц")
    assert select(ukrainian, "option[lang]") == []  # no name left German
    assert "Weißenfels" in texts(german, "select[name=municipality] option")


def test_it_names_the_chosen_municipality_on_the_wayfinders_result_in_arabic(client, wayfinder):
    actor = ActorFactory(name="Wohnhilfe Zeitz", topics=[Topic.objects.get(slug="wohnen")])
    zeitz = Municipality.objects.get(slug="zeitz")
    LocationFactory(
        actor=actor, municipality=zeitz, latitude=zeitz.latitude, longitude=zeitz.longitude
    )

    arabic = page(client.get(f"/ar/wayfinder/?{BEFORE}&municipality=zeitz"))
    german = page(client.get(f"/wayfinder/?{BEFORE}&municipality=zeitz"))

    assert "تسايتس" in texts(arabic, ".wayfinder__concern")[0]
    assert "تسايتس" in " ".join(texts(arabic, "a[href*='near=zeitz']"))
    assert "Zeitz" in texts(german, ".wayfinder__concern")[0]


def test_it_names_a_needs_municipality_on_the_board_and_the_need_in_ukrainian(client, base_data):
    need = NeedFactory(municipality=Municipality.objects.get(slug="weissenfels"))

    board = page(client.get("/uk/needs/"))
    detail = page(client.get(f"/uk/needs/{need.pk}/"))
    german = page(client.get("/needs/"))

    assert "Вайсенфельс" in " ".join(texts(board, "li.need-card .meta"))
    assert "Вайсенфельс" in detail
    assert "Weißenfels" in " ".join(texts(german, "li.need-card .meta"))


def located_actor(town: str, slug: str):
    municipality = Municipality.objects.get(slug=slug)
    actor = ActorFactory(name=f"Beratung {town}", topics=[Topic.objects.get(slug="wohnen")])
    LocationFactory(actor=actor, town=town, municipality=municipality)
    return actor


def test_it_names_the_municipality_on_cards_and_the_profile_in_ukrainian(client, base_data):
    actor = located_actor("Leißling", "weissenfels")
    with translation.override("uk"):
        profile_url = actor.get_absolute_url()

    cards = page(client.get("/uk/directory/"))
    profile = page(client.get(profile_url))
    german = page(client.get("/directory/"))

    (place,) = select(cards, ".actor-card__place")
    assert texts(cards, ".actor-card__place") == ["Leißling (Вайсенфельс)"]
    assert [span.get_text() for span in place.select("[lang=de]")] == ["Leißling"]
    assert "Leißling (Вайсенфельс)" in " ".join(
        "".join(address.get_text().split("\n")) for address in select(profile, "address")
    )
    assert texts(german, ".actor-card__place") == ["Leißling (Weißenfels)"]


def test_it_names_a_town_of_the_same_name_by_its_arabic_name_on_the_card(client, base_data):
    located_actor("Zeitz", "zeitz")

    arabic = page(client.get("/ar/directory/"))

    assert texts(arabic, ".actor-card__place") == ["تسايتس"]


def municipality_labels(html: str) -> list[str]:
    """The labels of the municipality filter's checkboxes, counts left out, in page order."""
    document = soup(html)
    labels = []
    for box in document.select('input[type="checkbox"][name="municipality"]'):
        label = document.find("label", attrs={"for": box["id"]})
        for count in label.select(".count"):
            count.extract()
        labels.append(" ".join(label.get_text(" ").split()))
    return labels


def test_it_names_the_needs_municipality_facet_in_arabic(client, base_data):
    NeedFactory(municipality=Municipality.objects.get(slug="zeitz"))
    NeedFactory(municipality=Municipality.objects.get(slug="weissenfels"))

    arabic = page(client.get("/ar/needs/"))

    assert municipality_labels(arabic) == ["تسايتس", "فايسنفلس"]  # ت before ف


@pytest.mark.parametrize("path", ["/uk/directory/", "/ar/needs/", "/uk/events/", "/fa/wayfinder/"])
def test_it_renders_in_as_many_queries_for_three_times_the_municipalities(path, terms, base_data):
    grow_network(4)  # each with a municipality of its own
    before = rendering_queries(path)
    grow_network(8)
    assert rendering_queries(path) == before


def test_it_names_and_sorts_the_directorys_municipality_facet_in_ukrainian(client, base_data):
    located_actor("Zeitz", "zeitz")
    located_actor("Gleina", "gleina")
    located_actor("Elsteraue", "elsteraue")

    ukrainian = page(client.get("/uk/directory/"))
    german = page(client.get("/directory/"))

    assert municipality_labels(ukrainian) == ["Гляйна", "Ельстерауе", "Цайц"]
    # German pages keep the facet's own order, which differs between databases
    assert sorted(municipality_labels(german)) == ["Elsteraue", "Gleina", "Zeitz"]


def test_it_names_and_sorts_the_events_municipality_filter_in_russian(client, base_data):
    russian = page(client.get("/ru/events/"))

    labels = municipality_labels(russian)
    assert len(labels) == 33
    assert "Цайц" in labels and "Эльстерауэ" in labels
    assert labels.index("Гляйна") < labels.index("Цайц") < labels.index("Эльстерауэ")
    document = soup(russian)
    marked = [
        box["value"]
        for box in document.select('input[type="checkbox"][name="municipality"]')
        if document.find("label", attrs={"for": box["id"]}).select("[lang]")
    ]
    assert marked == []  # no name left German
