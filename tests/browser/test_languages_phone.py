"""The demo in Arabic (right to left) and Ukrainian (Cyrillic) on a phone, 390x844: the home
page, an actor's profile, the referral form and the wayfinder (its first step and a result).

People who read little German must be able to use these pages, so each one is checked for
German a reader would meet unannounced (the German-share test's method, on the rendered page:
a text that is also, unchanged, a text of the German rendering is German, and must stand in an
element marked `lang="de"`), for German isolated left to right on right-to-left pages, and with
axe-core (the rules and impacts of test_accessibility.py).

With UPDATE_SCREENSHOTS=1 each page also leaves its screenshot in docs/languages/, which
docs/languages.md shows; without it nothing is written.

The demo is loaded once for the module and committed (the live server answers from its own
threads), and the tables are brought back to the migrated state at the end.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

from tests.browser.conftest import (
    PHONE,
    TIMEOUT_MS,
)
from tests.browser.test_accessibility import (
    AXE_SCRIPT,
    FAILING_IMPACTS,
    Checker,
    _flush_to_migrated_state,
    describe,
    own_browser,
    run_axe,
)
from tests.portal.test_german_share import names_pattern, proper_names, visible_pieces, words

pytestmark = [pytest.mark.browser]

DIRECTIONS = {"ar": "rtl", "uk": "ltr"}
PAGES = ("home", "profile", "referral", "wayfinder", "wayfinder-result")
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "languages"
# German is written in Latin letters; a text without any (a language's own name in the
# switcher, "العربيّة") is the same on every rendering without being German.
LATIN_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")

# German elements on a right-to-left page that are not isolated left to right: neither they
# nor their nearest ancestor with a direction say `ltr`, and no <bdi> holds them.
UNISOLATED_GERMAN = """() => [...document.body.querySelectorAll('[lang="de"]')]
    .filter((node) => !node.closest("bdi")
        && node.closest("[dir]")?.getAttribute("dir") !== "ltr"
        && node.textContent.trim())
    .map((node) => node.outerHTML.slice(0, 160))"""

# German elements on a right-to-left page whose closing punctuation the browser drew before
# their first letter instead of after it (".Sprachcafé e.V" for "Sprachcafé e.V."): the first
# and the last visible character are measured; on one line the last must stand to the right.
MOVED_PUNCTUATION = """() => [...document.body.querySelectorAll('[lang="de"]')]
    .filter((node) => /[.!?:)]$/.test(node.textContent.trim()) && node.getClientRects().length)
    .filter((node) => {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        const texts = [];
        while (walker.nextNode()) {
            if (walker.currentNode.textContent.trim()) texts.push(walker.currentNode);
        }
        const first = texts[0];
        const last = texts[texts.length - 1];
        const start = first.textContent.search(/\\S/);
        const end = last.textContent.trimEnd().length;
        const character = (text, index) => {
            const range = document.createRange();
            range.setStart(text, index);
            range.setEnd(text, index + 1);
            return range.getBoundingClientRect();
        };
        const a = character(first, start);
        const b = character(last, end - 1);
        const sameLine = Math.abs(a.top - b.top) < a.height / 2;
        return a.width > 0 && sameLine && b.left < a.left;
    })
    .map((node) => node.textContent.trim().slice(0, 80))"""


@dataclass(frozen=True)
class Demo:
    """The demo's pages (paths without a language prefix) and the names they show."""

    base_url: str
    browser: object
    paths: dict[str, str]
    german: dict[str, str]  # the German rendering of each path
    names: object  # the proper names' pattern


def demo_paths() -> dict[str, str]:
    from network.models import Actor
    from referrals.models import ConcernCategory, WayfinderAudience

    actor = Actor.objects.published().order_by("pk").first()
    concern = ConcernCategory.objects.filter(is_active=True).order_by("ordering", "pk").first()
    audience = WayfinderAudience.objects.filter(is_active=True).order_by("pk").first()
    assert actor and concern and audience, "the demo has no actor, concern or audience"
    return {
        "home": "/",
        "profile": actor.get_absolute_url().removeprefix("/de"),
        "referral": "/referral/",
        "wayfinder": "/wayfinder/",
        "wayfinder-result": (
            f"/wayfinder/?concern={concern.slug}&for_whom={audience.slug}&language=ar&contact=nein"
        ),
    }


@pytest.fixture(scope="module")
def phone(request: pytest.FixtureRequest) -> Iterator[Checker]:
    """Chromium and a live server of this module's own, as test_accessibility's `checker`."""
    with own_browser(request) as checker:
        yield checker


@pytest.fixture(scope="module")
def demo(phone: Checker, django_db_blocker) -> Iterator[Demo]:
    """The demo, loaded once for the module and committed, and taken away at the end.

    The page checks take no database fixture, so that pytest-django flushes nothing between
    them; they run after the transactional self-check, which leaves the tables empty: hence
    the flush to the migrated state first (see test_accessibility's `public_site`).
    """
    with django_db_blocker.unblock(), override_settings(PAGE_CACHE=False):
        _flush_to_migrated_state()
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        paths = demo_paths()
        client = Client()
        german = {}
        for name, page_path in paths.items():
            response = client.get(page_path)
            assert response.status_code == 200, f"{page_path} answers {response.status_code}"
            german[name] = response.content.decode()
        try:
            yield Demo(phone.base_url, phone.browser, paths, german, proper_names())
        finally:
            _flush_to_migrated_state()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    return AXE_SCRIPT.read_text()


@pytest.fixture
def opened(demo: Demo, request: pytest.FixtureRequest) -> Iterator[object]:
    """The page under test on a phone whose browser asks for the language under test."""
    language = request.node.callspec.params["language"]
    name = request.node.callspec.params["name"]
    # axe is injected as an inline script, which the pages' CSP rightly refuses (test_csp.py).
    context = demo.browser.new_context(locale=language, bypass_csp=True, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    response = page.goto(f"{demo.base_url}/{language}{demo.paths[name]}")
    assert response.status == 200, f"{name} ({language}) answers {response.status}"
    yield page
    context.close()


def unmarked_german(page_html: str, german_html: str, names) -> list[str]:
    """Texts of the page that are, unchanged, texts of its German rendering, yet not marked
    `lang="de"`: German a screen reader would read in the page's language."""
    originals = {piece.text for piece in visible_pieces(german_html)}
    return [
        piece.text
        for piece in visible_pieces(page_html)
        if piece.lang != "de"
        and piece.text in originals
        and LATIN_LETTER.search(piece.text)
        and words(piece.text, names)
    ]


def save_screenshot(page, language: str, name: str) -> None:
    """docs/languages/<language>-<page>.png, 390 px wide, in 256 colours to stay small."""
    from PIL import Image

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(full_page=True, animations="disabled")))
    image = image.convert("RGB").quantize(colors=256)
    image.save(SCREENSHOTS / f"{language}-{name}.png", optimize=True)


@pytest.mark.parametrize("language", DIRECTIONS)
@pytest.mark.parametrize("name", PAGES)
def test_it_shows_the_page_in_the_language_on_a_phone(demo, opened, axe_source, name, language):
    page = opened
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        save_screenshot(page, language, name)
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == DIRECTIONS[language]

    if DIRECTIONS[language] == "rtl":
        unisolated = page.evaluate(UNISOLATED_GERMAN)
        assert not unisolated, f"{name} ({language}) leaves German unisolated: {unisolated}"
        moved = page.evaluate(MOVED_PUNCTUATION)
        assert not moved, f"{name} ({language}) moves German punctuation: {moved}"

    violations = [v for v in run_axe(page, axe_source) if v["impact"] in FAILING_IMPACTS]
    assert not violations, f"{name} ({language}) violates:\n{describe(violations)}"

    german = unmarked_german(page.content(), demo.german[name], demo.names)
    assert not german, f"{name} ({language}) shows German not marked lang=de: {german}"


def test_it_finds_german_that_is_not_marked_as_such():
    german = '<html lang="de"><body><h1>Beratung</h1><p>Wir helfen gern.</p></body></html>'
    arabic = (
        '<html lang="ar"><body><h1>استشارة</h1><p>Wir helfen gern.</p>'
        '<p lang="de">Nur auf Deutsch</p></body></html>'
    )

    assert unmarked_german(arabic, german, names_pattern(["-"])) == ["Wir helfen gern."]


def test_it_finds_german_on_a_right_to_left_page_that_is_not_isolated(site_db, phone):
    """The direction check itself works. Being a database test, it also makes pytest-django
    build the test database with the snapshot the `demo` fixture starts from."""
    context = phone.browser.new_context(**PHONE)
    page = context.new_page()
    page.set_content(
        '<html lang="ar" dir="rtl"><body><p><span lang="de">Sprachcafé e.V.</span></p>'
        '<p><span lang="de" dir="ltr">Weißenfels</span></p>'
        '<p><bdi><span lang="de">Naumburg</span></bdi></p></body></html>'
    )

    unisolated = page.evaluate(UNISOLATED_GERMAN)
    context.close()

    assert unisolated == ['<span lang="de">Sprachcafé e.V.</span>']


def test_it_finds_german_whose_punctuation_a_right_to_left_page_moved(phone):
    """The punctuation check itself works: a German name left to the paragraph's right-to-left
    order shows its full stop first; isolated, it keeps it at its end."""
    context = phone.browser.new_context(**PHONE)
    page = context.new_page()
    page.set_content(
        '<html lang="ar" dir="rtl"><body><p>نادي <span lang="de">Sprachcafé e.V.</span></p>'
        '<p>نادي <span lang="de" dir="ltr">Sprachtreff e.V.</span></p></body></html>'
    )

    moved = page.evaluate(MOVED_PUNCTUATION)
    context.close()

    assert moved == ["Sprachcafé e.V."]
