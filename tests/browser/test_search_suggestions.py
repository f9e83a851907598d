"""Search in Debian's chromium at 390x844 and 1280 wide, with the pages' own strict CSP: typing
in the home page's search box shows suggestions as a combobox (aria-expanded, a listbox,
aria-activedescendant moved by the arrow keys), choosing one opens its item; Escape closes the
list; on an Arabic page a query in Arabic suggests the item translated into it; the results
page shows sentences of the items with the query's words in <mark>.

With UPDATE_SCREENSHOTS=1 the phone views are saved as docs/phone/search-suggestions.png and
docs/phone/search-results.png (256 colours, to stay small).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from portal.models import ContentTranslation
from portal.translations import digest
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS
from tests.factories import ActorFactory, OfferFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

SIZES = {"phone": PHONE, "desktop": DESKTOP}
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "phone"
COLLEGE = "Volkshochschule Burgenlandkreis"


@pytest.fixture
def network(site_db) -> None:
    college = ActorFactory(
        name=COLLEGE,
        slug="volkshochschule",
        short_description="Integrationskurse und Deutschkurse für Erwachsene an drei Orten.",
        description="<p>Unsere Deutschkurse beginnen jeden Monat neu.</p><p>Kommen Sie vorbei.</p>",
    )
    OfferFactory(actor=college, name="Deutschkurs am Abend", description="Deutsch für den Beruf.")
    ActorFactory(
        name="Fahrdienst Mobil",
        slug="fahrdienst-mobil",
        short_description="Wir fahren Menschen aus den Dörfern zu ihren Kursen und Terminen.",
    )
    ContentTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(college),
        object_id=college.pk,
        language="ar",
        field="short_description",
        text="دورات الاندماج ودورات اللغة الألمانية للكبار في ثلاثة أماكن.",
        source_digest=digest(college.short_description),
    )


@pytest.fixture(params=list(SIZES))
def tab(request, browser) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", **SIZES[request.param])
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.size_name = request.param
    yield page
    context.close()


def save(page, name: str) -> None:
    if not os.environ.get("UPDATE_SCREENSHOTS") or page.size_name != "phone":
        return
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(full_page=False, animations="disabled")))
    image.convert("RGB").quantize(colors=256).save(SCREENSHOTS / f"{name}.png", optimize=True)


def test_typing_on_the_home_page_suggests_items_and_choosing_one_opens_it(
    network, live_server, tab
):
    tab.goto(live_server.url + "/")
    box = tab.locator("[role=search] input[type=search]").first
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.click()
    box.press_sequentially("Deutschk")

    listbox = tab.locator("[role=listbox]")
    option = listbox.get_by_role("option", name=COLLEGE)
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.first.get_attribute("id"))
    save(tab, "search-suggestions")

    settled(tab)
    box.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))

    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(listbox.first).to_be_hidden()

    box.press("ArrowDown")  # opens the list again
    expect(option).to_be_visible()
    option.click()
    expect(tab).to_have_url(live_server.url + "/directory/volkshochschule/")


def settled(tab) -> None:
    """The answer for the last letter typed is shown: an earlier one may show the same option."""
    expect(tab.locator("[role=listbox][aria-busy=true]")).to_have_count(0)


def choose_with_enter(tab, path: str) -> None:
    box = tab.locator("[role=search] input[type=search]").first
    box.click()
    box.press_sequentially("Volkshoch")
    expect(tab.get_by_role("option", name=COLLEGE)).to_be_visible()
    settled(tab)
    box.press("ArrowDown")
    box.press("Enter")


def test_enter_on_a_suggestion_in_the_needs_search_opens_it(network, live_server, tab):
    tab.goto(live_server.url + "/needs/")
    choose_with_enter(tab, "/needs/")
    expect(tab).to_have_url(live_server.url + "/directory/volkshochschule/")


def test_enter_on_a_suggestion_on_the_404_page_opens_it(network, live_server, tab):
    tab.goto(live_server.url + "/gibt-es-nicht/")
    choose_with_enter(tab, "/gibt-es-nicht/")
    expect(tab).to_have_url(live_server.url + "/directory/volkshochschule/")


def test_an_arabic_query_on_an_arabic_page_suggests_the_translated_item(network, live_server, tab):
    tab.goto(live_server.url + "/ar/search/")
    expect(tab.locator("html")).to_have_attribute("dir", "rtl")
    box = tab.locator("[role=search] input[type=search]").first
    box.click()
    box.press_sequentially("دورات")

    option = tab.get_by_role("option", name=COLLEGE)
    expect(option).to_be_visible()
    settled(tab)
    box.press("ArrowDown")
    expect(tab.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(tab).to_have_url(live_server.url + "/ar/directory/volkshochschule/")


def test_the_results_page_shows_sentences_with_the_words_marked(network, live_server, tab):
    tab.goto(live_server.url + "/search/?q=Deutschkurs")

    first = tab.locator(".search-hit").first
    expect(first.locator(".search-hit__title")).to_have_text(COLLEGE)
    snippet = first.locator(".search-hit__snippet")
    expect(snippet.locator("mark").first).to_be_visible()
    expect(snippet).to_contain_text("Deutschkurse für Erwachsene an drei Orten.")
    save(tab, "search-results")
