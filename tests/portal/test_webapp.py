"""Every page names its versions in the seven languages for search engines (hreflang), and the
portal brings a favicon and a web app manifest in the visitor's language."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.translation import gettext

from demo.network.pages import ensure_pages
from portal.localisation import synchronise_page_tree
from tests.html import one, select

pytestmark = pytest.mark.django_db

CODES = [code for code, _name in settings.LANGUAGES]


def alternates(response) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in select(response, "head link[rel=alternate]")}


def test_it_names_the_seven_versions_of_an_app_page_and_the_default(client):
    found = alternates(client.get("/uk/directory/?topic=arbeit"))

    assert set(found) == {*CODES, "x-default"}
    assert found["de"] == found["x-default"] == "http://testserver/directory/?topic=arbeit"
    assert found["ar"] == "http://testserver/ar/directory/?topic=arbeit"


def test_it_names_the_copies_of_a_wagtail_page(client):
    ensure_pages()
    synchronise_page_tree()

    found = alternates(client.get("/ar/"))

    assert set(found) == {*CODES, "x-default"}
    assert found["x-default"] == "http://testserver/"
    assert found["fa"] == "http://testserver/fa/"


@pytest.mark.parametrize(("language", "direction"), [("uk", "ltr"), ("ar", "rtl")])
def test_it_names_the_app_in_the_visitors_language(client, language, direction):
    page = client.get(f"/{language}/directory/")
    address = one(page, "link[rel=manifest]")["href"]

    response = client.get(address)

    assert address == f"/{language}/manifest.webmanifest"
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    with translation.override(language):
        name = gettext("Integrationsnetzwerk Burgenlandkreis")
    assert manifest["name"] == name != "Integrationsnetzwerk Burgenlandkreis"
    assert (manifest["lang"], manifest["dir"]) == (language, direction)
    assert manifest["start_url"] == f"/{language}/"
    assert manifest["theme_color"] == one(page, "meta[name=theme-color]")["content"]
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}


def test_it_brings_the_icons_it_links(client):
    page = client.get("/directory/")
    icons = [link["href"] for link in select(page, "link[rel=icon], link[rel=apple-touch-icon]")]
    manifest = json.loads(client.get(one(page, "link[rel=manifest]")["href"]).content)

    for address in [*icons, *(icon["src"] for icon in manifest["icons"])]:
        assert finders.find(address.removeprefix(settings.STATIC_URL)), address
    assert {"image/svg+xml"} <= {link.get("type") for link in select(page, "link[rel=icon]")}


def test_it_answers_the_browsers_own_favicon_request(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == f"{settings.STATIC_URL}icons/favicon.ico"
