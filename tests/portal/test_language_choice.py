"""The interface language: Accept-Language picks it on the first visit, the switcher's choice is
remembered in the language cookie and wins from then on, and machines always get the address
they asked for."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from portal.languages import in_language
from tests.html import select

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
COOKIE = settings.LANGUAGE_COOKIE_NAME


def visit(client: Client, path: str, *, accept: str = "", method: str = "get", **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    if accept:
        headers["HTTP_ACCEPT_LANGUAGE"] = accept
    return getattr(client, method)(path, **headers)


def test_it_sends_a_first_visit_to_the_page_in_the_browsers_language(client):
    response = visit(client, "/directory/", accept="en-GB,en;q=0.9,de;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/en/directory/"
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary


def test_it_keeps_the_query_string_on_the_way(client):
    response = visit(client, "/directory/?q=Deutschkurs&page=2", accept="uk")

    assert response["Location"] == "/uk/directory/?q=Deutschkurs&page=2"


def test_it_takes_the_first_language_the_portal_offers(client):
    response = visit(client, "/events/", accept="fr-FR, fr;q=0.9, fa;q=0.8, en;q=0.7")

    assert response["Location"] == "/fa/events/"


def test_it_stays_in_german_when_the_browser_prefers_german(client):
    response = visit(client, "/events/", accept="de-DE,de;q=0.9,en;q=0.8")

    assert response.status_code == 200
    assert "Accept-Language" in response["Vary"]


def test_it_stays_in_german_without_a_preference(client):
    assert visit(client, "/events/").status_code == 200


def test_the_remembered_choice_wins_over_the_browser(client):
    client.cookies[COOKIE] = "de"

    response = visit(client, "/events/", accept="ar")

    assert response.status_code == 200
    assert response.context["LANGUAGE_CODE"] == "de"


def test_a_remembered_language_opens_a_german_address_in_it(client):
    client.cookies[COOKIE] = "tr"

    response = visit(client, "/needs/?topic=x", accept="en")

    assert response.status_code == 302
    assert response["Location"] == "/tr/needs/?topic=x"


def test_a_cookie_naming_a_language_not_offered_is_ignored(client):
    client.cookies[COOKIE] = "xx"

    assert visit(client, "/events/").status_code == 200


def test_an_address_with_a_language_prefix_is_served_as_asked(client):
    client.cookies[COOKIE] = "ar"

    response = visit(client, "/en/events/", accept="ru")

    assert response.status_code == 200
    assert response.context["LANGUAGE_CODE"] == "en"


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
    ],
)
def test_it_never_sends_machines_elsewhere(client, user_agent):
    response = visit(client, "/events/", accept="en", HTTP_USER_AGENT=user_agent)

    assert response.status_code == 200


@pytest.mark.parametrize("method", ["head", "post", "options"])
def test_it_only_sends_page_views_elsewhere(client, method):
    response = visit(client, "/events/", accept="en", method=method)

    assert not response.get("Location", "").startswith("/en/")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/actors/",
        "/api/schema/",
        "/admin/",
        "/static/css/portal.css",
        "/media/logo.png",
        "/healthz",
        "/ws/chat/allgemein/",
        "/events/calendar.ics",
        "/jsi18n/",
    ],
)
def test_it_leaves_interfaces_files_and_the_admin_alone(client, path):
    client.cookies[COOKIE] = "en"

    response = visit(client, path, accept="en")

    assert not response.get("Location", "").startswith("/en/")


def test_the_switcher_remembers_the_choice_and_opens_the_page(client):
    response = client.get("/language/en/", {"next": "/en/directory/?q=Sprachcaf%C3%A9"})

    assert response.status_code == 302
    assert response["Location"] == "/en/directory/?q=Sprachcaf%C3%A9"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "en"
    assert int(cookie["max-age"]) >= 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"


def test_choosing_german_is_remembered_too(client):
    response = client.get("/language/de/", {"next": "/directory/"})
    assert response.cookies[COOKIE].value == "de"

    assert visit(client, "/directory/", accept="en").status_code == 200


def test_the_switcher_never_leads_off_the_portal(client):
    response = client.get("/language/ar/", {"next": "https://evil.example/phish"})

    assert response["Location"] == "/ar/"
    assert response.cookies[COOKIE].value == "ar"


def test_the_switcher_refuses_a_language_it_does_not_offer(client):
    response = client.get("/language/xx/", {"next": "/"})

    assert response.status_code == 404
    assert COOKIE not in response.cookies


def test_the_switcher_on_every_page_keeps_the_page_and_its_query(client):
    html = client.get("/en/directory/", {"q": "Deutsch"}).content.decode()

    by_language = {
        link["hreflang"]: link["href"] for link in select(html, 'a[hreflang][href^="/language/"]')
    }
    assert set(by_language) == {code for code, _name in settings.LANGUAGES}
    assert by_language["de"] == "/language/de/?next=%2Fdirectory%2F%3Fq%3DDeutsch"
    assert by_language["ar"] == "/language/ar/?next=%2Far%2Fdirectory%2F%3Fq%3DDeutsch"


@pytest.mark.parametrize(
    "name",
    [
        "directory:list",
        "needs:list",
        "events:list",
        "referrals:form",
        "search:results",
        "accounts:login",
        "chat:home",
        "my:dashboard",
    ],
)
@pytest.mark.parametrize("language", ["en", "ar", "uk", "ru", "fa", "tr"])
def test_every_public_address_has_its_counterpart_in_each_language(name, language):
    german = reverse(name)

    assert in_language(german, language) == f"/{language}{german}"


def test_every_wagtail_address_has_its_counterpart_in_each_language():
    assert in_language("/", "ar") == "/ar/"
    assert in_language("/datenschutz/?x=1", "fa") == "/fa/datenschutz/?x=1"
