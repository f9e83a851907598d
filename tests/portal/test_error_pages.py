"""The 404 and 500 pages speak the visitor's language, carry the portal's look, a search box and
the way home; the 500 page renders without the database and the context processors, which may be
what failed."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from portal.errors import server_error
from tests.html import one, select, text_of
from tests.portal.test_german_share import FIXED_NAMES, german_share, names_pattern

NOT_FOUND = "Seite nicht gefunden"
FAILED = "Ein Fehler ist aufgetreten"


def in_language(language: str, message: str) -> str:
    with translation.override(language):
        translated = gettext(message)
    assert translated != message, f"{message!r} has no {language} translation"
    return translated


def assert_way_on(page, prefix: str) -> None:
    form = one(page, "form[role=search]")
    assert form["action"] == f"{prefix}/search/"
    assert one(form, "input[type=search]")["name"] == "q"
    assert f"{prefix}/" in [link["href"] for link in select(page, "main a")]
    assert one(page, "a.brand")["href"] == f"{prefix}/"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("uk", "ltr")])
def test_it_answers_an_unknown_address_in_the_visitors_language(client, language, direction):
    response = client.get(f"/{language}/gibt-es-nicht/")

    assert response.status_code == 404
    html = one(response, "html")
    assert (html["lang"], html["dir"]) == (language, direction)
    assert text_of(response, "h1") == in_language(language, NOT_FOUND)
    assert_way_on(response, f"/{language}")
    assert select(response, 'link[rel=icon][type="image/svg+xml"]')


@pytest.mark.django_db
def test_it_answers_an_unknown_german_address_in_german(client):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert text_of(response, "h1") == NOT_FOUND
    assert_way_on(response, "")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "uk"])
def test_it_shows_a_failure_in_the_visitors_language(client, monkeypatch, language):
    def broken(*args, **kwargs):
        raise RuntimeError("the search index fell over")

    monkeypatch.setattr("directory.views.find_actors", broken)
    client.raise_request_exception = False

    response = client.get(f"/{language}/directory/")

    assert response.status_code == 500
    assert one(response, "html")["lang"] == language
    assert text_of(response, "h1") == in_language(language, FAILED)
    assert_way_on(response, f"/{language}")


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("uk", "ltr")])
def test_it_renders_the_failure_page_without_the_database(language, direction):
    """No django_db mark: any query would fail the test."""
    request = RequestFactory().get(f"/{language}/directory/")
    with translation.override(language):
        response = server_error(request)

    assert response.status_code == 500
    html = one(response.content.decode(), "html")
    assert (html["lang"], html["dir"]) == (language, direction)
    assert text_of(response.content.decode(), "h1") == in_language(language, FAILED)
    assert_way_on(response.content.decode(), f"/{language}")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar", "uk", "ru", "fa", "tr"])
def test_it_says_everything_on_both_error_pages_in_each_language(client, monkeypatch, language):
    """Not only the heading: no text of the German error pages is left on the translated ones
    (the German-share test's comparison, names of the portal aside)."""
    names = names_pattern(FIXED_NAMES)
    unknown = f"/{language}/gibt-es-nicht/"
    found = german_share(client.get(unknown).text, client.get("/gibt-es-nicht/").text, names)

    monkeypatch.setattr("directory.views.find_actors", _broken)
    client.raise_request_exception = False
    failed = german_share(
        client.get(f"/{language}/directory/").text, client.get("/directory/").text, names
    )

    assert (found.german_texts, failed.german_texts) == ([], [])
    assert found.total > 20 and failed.total > 20


def _broken(*args, **kwargs):
    raise RuntimeError("the search index fell over")
