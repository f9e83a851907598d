"""axe-core over the public pages in German, English and Arabic, on a phone and a desktop.

BITV 2.0 asks for WCAG 2.1 level AA. axe-core (from npm, `make test` installs it) checks the
rules of WCAG 2.0 and 2.1, levels A and AA, on the rendered page; every violation of serious or
critical impact fails the page's test, with its rule, impact and the elements it hit.

The data is made once per module (see `public_site`), and each page x language x width is a
test of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import (
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _async_unsafe_allowed,
    _close_db_connections,
    _join_request_threads,
    _restore_serialized_contents,
    _serialized_contents,
    _unavailable,
    chromium_path,
)
from tests.browser.public_site import (
    CHECKED_LANGUAGES,
    CHECKED_PAGES,
    PublicSite,
    make_public_site,
)

pytestmark = [pytest.mark.browser]

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
WIDTHS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


def _flush_to_migrated_state() -> None:
    """What a transactional test with serialized rollback does around itself: empty every table,
    then bring back what the migrations loaded (vocabularies, units, the home page).

    Only on a test database made with that snapshot: never on a real one.
    """
    from django.core.management import call_command
    from django.db import connections

    connection = connections["default"]
    serialized = getattr(connection, "_test_serialized_contents", None)
    if not serialized:
        pytest.fail(
            "no test database with a snapshot of the migrated data: pytest-django builds it "
            "only for a database test, so select the page checks together with "
            "test_it_reports_a_violation_that_a_page_would_have"
        )
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=connection.alias,
        inhibit_post_migrate=True,  # the snapshot brings the content types back
    )
    connection.creation.deserialize_db_from_string(serialized)
    # flush restarts the sequences and the snapshot comes back with its own ids: move the
    # sequences past them, or the next row (PostgreSQL) would take an id that is in use.
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@dataclass(frozen=True)
class Checker:
    browser: object
    base_url: str


@contextmanager
def own_browser(request: pytest.FixtureRequest) -> Iterator[Checker]:
    """Chromium and a live server of this module's own.

    The shared `browser` fixture asks for pytest-django's `live_server`, which makes every test
    that first touches it transactional, flushing the tables after it: the page checks would
    lose the data they share. Otherwise this is set up like the shared fixture (see there).
    """
    path = chromium_path()
    if not Path(path).is_file() or not os.access(path, os.X_OK):
        _unavailable(f"Chromium not found at {path}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed; pip install -e '.[dev]'")
    from pytest_django.live_server_helper import LiveServer

    request.getfixturevalue("django_db_setup")
    serialized = _serialized_contents()
    with _async_unsafe_allowed(), sync_playwright() as playwright:
        _restore_serialized_contents(serialized)
        server = LiveServer("localhost:0")
        browser = playwright.chromium.launch(
            executable_path=path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield Checker(browser=browser, base_url=server.url)
        finally:
            browser.close()
            server.stop()
            _close_db_connections()
    _join_request_threads()


@pytest.fixture(scope="module")
def checker(request: pytest.FixtureRequest) -> Iterator[Checker]:
    with own_browser(request) as checker:
        yield checker


@pytest.fixture(scope="module")
def public_site(checker, django_db_blocker) -> Iterator[PublicSite]:
    """The data for all of this module's page checks, committed once, and taken away at the end.

    The page checks take no database fixture, so that pytest-django does not flush the tables
    after each of them; the blocker stays lifted here for the live server's threads instead.
    Without a database fixture they run after the transactional tests, which leave the tables
    empty: hence the flush and the snapshot first. The test database with that snapshot exists
    because of the transactional self-check in this module.
    """
    with django_db_blocker.unblock():
        _flush_to_migrated_state()
        yield make_public_site()
        _flush_to_migrated_state()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    return AXE_SCRIPT.read_text()


def new_page(checker: Checker, width: str):
    # axe is injected as an inline script, which the pages' CSP rightly refuses; the CSP itself
    # is checked in test_csp.py.
    context = checker.browser.new_context(locale="de-DE", bypass_csp=True, **WIDTHS[width])
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def open_page(checker: Checker, site: PublicSite, name: str, language: str, width: str):
    page = new_page(checker, width)
    base_url = checker.base_url
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    if name == "referral-errors":
        page.goto(base_url + prefix + site.pages["referral"])
        page.locator("form.referral__form button[type=submit]").click()
        page.locator(".errorlist").first.wait_for()
    else:
        response = page.goto(base_url + prefix + site.pages[name])
        assert response.status == 200, f"{name} ({language}) answers {response.status}"
    assert page.locator("html").get_attribute("lang") == language
    return page


def run_axe(page, source: str) -> list[dict]:
    page.add_script_tag(content=source)
    result = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        more = len(violation["nodes"]) - 5
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    on {targets}{f' and {more} more' if more > 0 else ''}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
@pytest.mark.parametrize("name", CHECKED_PAGES)
def test_it_finds_no_serious_accessibility_violations(
    checker, public_site, axe_source, name, language, width
):
    page = open_page(checker, public_site, name, language, width)
    try:
        violations = [
            violation
            for violation in run_axe(page, axe_source)
            if violation["impact"] in FAILING_IMPACTS
        ]
    finally:
        page.context.close()
    assert not violations, f"{name} ({language}, {width}) violates:\n{describe(violations)}"


def test_it_reports_a_violation_that_a_page_would_have(site_db, checker, axe_source):
    """The check itself works: an image without a text alternative is reported as critical.

    Being a database test, it also makes pytest-django build the test database (with the
    snapshot that `public_site` starts from) when this module runs on its own.
    """
    page = new_page(checker, "desktop")
    page.goto(checker.base_url + "/")
    page.evaluate(
        """() => {
            const image = document.createElement("img");
            image.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
            document.querySelector("main").append(image);
        }"""
    )

    violations = run_axe(page, axe_source)
    page.context.close()

    assert [(v["id"], v["impact"]) for v in violations] == [("image-alt", "critical")]
