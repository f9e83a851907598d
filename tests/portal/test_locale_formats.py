"""Dates, lists and alphabetical order as the visitor's language writes them: genitive months
in Ukrainian and Russian, day before month in English, the Arabic comma, and names in the
visitor's alphabet without regard to case."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format

from portal.collation import locale_sorted, sort_key
from tests.directory.helpers import page_names
from tests.factories import ActorFactory, LanguageFactory, TopicFactory
from tests.html import select, texts

DAY = datetime.date(2025, 12, 8)
MOMENT = datetime.datetime(2025, 12, 11, 14, 30)


def render(source: str, language: str, **context: object) -> str:
    with translation.override(language):
        return Template("{% load translation_tags %}" + source).render(Context(context)).strip()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uk", "8 грудня 2025 р."),
        ("ru", "8 декабря 2025 г."),
        ("en", "8 December 2025"),
        ("tr", "8 Aralık 2025"),
        ("de", "8. Dezember 2025"),
    ],
)
def test_it_writes_dates_with_the_month_as_the_language_declines_it(language, expected):
    with translation.override(language):
        assert date_format(DAY, "DATE_FORMAT") == expected


@pytest.mark.parametrize(("language", "expected"), [("uk", "8 грудня"), ("ru", "8 декабря")])
def test_it_puts_day_and_month_in_the_genitive(language, expected):
    with translation.override(language):
        assert date_format(DAY, "MONTH_DAY_FORMAT") == expected


def test_it_puts_the_day_before_the_month_in_english():
    with translation.override("en"):
        assert date_format(MOMENT, "SHORT_DATE_FORMAT") == "11 Dec 2025"
        assert date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "11 Dec 2025, 14:30"
        assert date_format(MOMENT, "DATE_FORMAT") == "11 December 2025"


def test_it_keeps_the_day_first_in_arabic_dates_with_a_time():
    with translation.override("ar"):
        shown = date_format(MOMENT, "SHORT_DATETIME_FORMAT")
    assert shown.replace("\u200f", "") == "11/12/2025، 14:30"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ar", "الاثنين، 8 ديسمبر 2025"),
        ("uk", "понеділок, 8 грудня 2025\u202fр."),
        ("en", "Monday, 8 December 2025"),
        ("de", "Montag, 8. Dezember 2025"),
    ],
)
def test_it_names_the_weekday_as_the_language_does(language, expected):
    assert render('{{ day|day_and_month:"year" }}', language, day=DAY) == expected


def test_it_takes_the_day_of_a_moment_on_the_portals_clock():
    late = datetime.datetime(2025, 12, 7, 23, 30, tzinfo=datetime.UTC)  # 00:30 in Berlin

    assert render("{{ moment|day_and_month }}", "uk", moment=late) == "понеділок, 8 грудня"


def test_it_separates_parts_with_the_arabic_comma(db):
    topics = [TopicFactory(name="Testthema Eins"), TopicFactory(name="Testthema Zwei")]

    assert render("{% comma %}", "ar") == "،"
    listed = render('{% translated_list topics "name" %}', "ar", topics=topics)
    assert "، " in listed and ", " not in listed


def test_it_sorts_without_regard_to_case_and_accents():
    names = ["AWO Kreisverband", "Zentrum", "Ärztehaus", "afghanischer Verein", "Afghanisch e.V."]

    assert locale_sorted(names) == [
        "Afghanisch e.V.",
        "afghanischer Verein",
        "Ärztehaus",
        "AWO Kreisverband",
        "Zentrum",
    ]


def test_it_keeps_cyrillic_letters_apart():
    assert sort_key("йод") != sort_key("иод")
    assert locale_sorted(["Їжак", "Яблуко", "Іра"]) == ["Іра", "Їжак", "Яблуко"]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/uk"])
def test_it_lists_the_directory_a_to_z_by_the_alphabet(client, prefix):
    for name in ["AWO Kreisverband", "Zentrum Zeitz", "Ärztehaus Naumburg", "Afghanisch e.V."]:
        ActorFactory(name=name)

    expected = ["Afghanisch e.V.", "Ärztehaus Naumburg", "AWO Kreisverband", "Zentrum Zeitz"]
    assert page_names(client, f"{prefix}/directory/", sort="name") == expected
    assert page_names(client, f"{prefix}/directory/", sort="-name") == expected[::-1]


@pytest.mark.django_db
def test_it_names_the_language_filter_in_the_visitors_language_in_its_order(client):
    languages = [
        LanguageFactory(code=code, name=name, native_name=name)
        for code, name in [("ar", "Arabisch"), ("uk", "Ukrainisch"), ("fa", "Persisch")]
    ]
    ActorFactory(languages=languages)

    labels = texts(client.get("/uk/directory/"), "input[name=language] + label")
    names = [label.rsplit(" ", 1)[0] for label in labels]

    assert names == ["арабська", "перська", "українська"]


@pytest.mark.django_db
def test_it_names_the_calendars_language_filter_in_the_visitors_language(client):
    LanguageFactory(code="ar", name="Arabisch", native_name="العربية")
    LanguageFactory(code="qaa", name="Testsprache A", native_name="Lingua A")

    page = client.get("/uk/events/")
    labels = texts(page, "input[name=language] + label, label:has(> input[name=language])")

    assert "арабська" in labels
    assert "Arabisch" not in labels
    assert labels == locale_sorted(labels)
    german = [node for node in select(page, "label span[lang=de]") if node.text == "Testsprache A"]
    assert german
