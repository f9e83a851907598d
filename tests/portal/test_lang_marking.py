"""German that stands in for a missing translation is marked as German: on Arabic and Ukrainian
pages every text the network has only in German (an actor's name and description, a place, an
event's title, a need, a topic nobody translated) sits inside an element with `lang="de"`, so
screen readers switch voice, and on right-to-left pages inside one that runs left to right, so
its punctuation stays where German puts it."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import NavigableString
from bs4.element import Comment, Tag
from django.utils import translation

from demo.network.pages import ensure_pages
from portal.localisation import synchronise_page_tree
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LocationFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    TopicFactory,
)
from tests.html import soup
from tests.network.agency import unit_page
from tests.referrals.factories import ConcernCategoryFactory

pytestmark = pytest.mark.django_db

# Words that occur only in the German content made below, never in the interface.
GERMAN_WORDS = (
    "Sprachcafé",
    "Dienstagstreffen",
    "Begegnungsraum",
    "Saalestädtchen",
    "Begegnungsstätte",
    "Sprachtreff",
    "Alltagsdeutsch",
    "Herbstfest",
    "Kuchenbuffet",
    "Sonnenblicksaal",
    "Fahrradspenden",
    "Neuankömmlinge",
    "Samstagvormittag",
    "Wohnungssuche",
    "Mietvertrag",
    "Quokkabehörde",
    "Betriebsausflug",
)
SKIPPED = ("script", "style", "head", "template")


@pytest.fixture
def network(db) -> dict[str, object]:
    ensure_pages()
    synchronise_page_tree()
    topic = TopicFactory(slug="begegnungsraum", name="Begegnungsraum")
    place = MunicipalityFactory(slug="saalestaedtchen", name="Saalestädtchen")
    actor = ActorFactory(
        name="Sprachcafé Weißenfels e.V.",
        slug="sprachcafe",
        short_description="Unser Dienstagstreffen für alle, die Deutsch üben.",
        topics=[topic],
    )
    LocationFactory(actor=actor, municipality=place, name="Begegnungsstätte", town="Weißenfels")
    OfferFactory(actor=actor, name="Sprachtreff", description="Wir üben Alltagsdeutsch.")
    event = EventFactory(
        actor=actor,
        title="Herbstfest",
        description="<p>Mit Kuchenbuffet.</p>",
        venue="Sonnenblicksaal",
        municipality=place,
        topics=[topic],
    )
    need = NeedFactory(
        actor=actor,
        title="Fahrradspenden für Neuankömmlinge",
        description="<p>Fahrradspenden gesucht.</p>",
        hours="Samstagvormittag",
        municipality=place,
        topics=[topic],
    )
    ConcernCategoryFactory(
        slug="wohnungssuche", name="Wohnungssuche", description="Hilfe beim Mietvertrag."
    )
    unit = unit_page(
        AgencyUnitFactory(name="Quokkabehörde", slug="quokkabehoerde"),
        exceptions=[
            {"starts_on": dt.date.today() + dt.timedelta(days=2), "reason": "Betriebsausflug"}
        ],
    )
    return {"actor": actor, "event": event, "need": need, "unit": unit}


def pages(network: dict[str, object], language: str) -> list[str]:
    with translation.override(language):
        return [
            f"/{language}/",
            f"/{language}/directory/",
            network["actor"].get_absolute_url(),
            f"/{language}/events/",
            network["event"].get_absolute_url(),
            f"/{language}/needs/",
            network["need"].get_absolute_url(),
            f"/{language}/search/?q=Wei%C3%9Fenfels",
            f"/{language}/referral/",
            f"/{language}/wayfinder/",
            network["unit"].get_url(),
        ]


def nearest(node: NavigableString, attribute: str) -> str:
    for parent in node.parents:
        if isinstance(parent, Tag) and parent.has_attr(attribute):
            return parent[attribute]
    return ""


def unmarked_german(html: str, *, rtl: bool) -> list[str]:
    """Each text with a German word whose element is not German (or, on right-to-left pages,
    not isolated left to right), with the element that holds it."""
    found = []
    for node in soup(html).find_all(string=True):
        if isinstance(node, Comment) or any(parent.name in SKIPPED for parent in node.parents):
            continue
        if not any(word in node for word in GERMAN_WORDS):
            continue
        if nearest(node, "lang") != "de" or (rtl and nearest(node, "dir") != "ltr"):
            found.append(f"{node.parent.name}: {node.strip()!r}")
    return found


@pytest.mark.parametrize(("language", "rtl"), [("ar", True), ("uk", False)])
def test_it_marks_every_untranslated_german_text(client, network, language, rtl):
    problems = {}
    seen = 0
    for url in pages(network, language):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        seen += any(word in html for word in GERMAN_WORDS)
        if found := unmarked_german(html, rtl=rtl):
            problems[url] = found

    assert seen >= 8, "the pages no longer show the German content this test looks for"
    assert not problems, "\n".join(f"{url}: {found}" for url, found in problems.items())


def test_it_leaves_german_pages_unmarked(client, network):
    html = client.get(network["actor"].get_absolute_url()).content.decode()

    assert 'lang="de"' not in html.split("<body", 1)[1].split("</header>", 1)[1]


def test_it_keeps_a_german_name_together_on_a_right_to_left_heading(client, network):
    with translation.override("ar"):
        url = network["actor"].get_absolute_url()

    heading = soup(client.get(url).content.decode()).select_one("h1 > span")

    assert (heading["lang"], heading["dir"], heading.text) == (
        "de",
        "ltr",
        "Sprachcafé Weißenfels e.V.",
    )
