"""The profile editor, outdated reports and a coordinator's new need, in Debian's chromium.

The live server answers from its own thread, so the data is committed (site_db) and mail queued
with transaction.on_commit goes out for real, into Django's locmem outbox.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail

from needs.models import Need
from network.models import Membership, OutdatedReport, ProfileChange
from tests.browser.test_accessibility import AXE_SCRIPT, FAILING_IMPACTS, describe, run_axe
from tests.factories import (
    ActorFactory,
    LocationFactory,
    MunicipalityFactory,
    OfferFactory,
    OpeningHoursFactory,
    UserFactory,
)

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password


def member(actor, role: str, username: str, **fields) -> None:
    """A membership stored without its post_save signals: chat's receiver would send to the
    channel layer from this thread, where Playwright's event loop runs."""
    Membership.objects.bulk_create(
        [Membership(actor=actor, role=role, user=UserFactory(username=username, **fields))]
    )


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()


@pytest.fixture
def actor(site_db):
    actor = ActorFactory(
        name="Sprachcafé Zeitz",
        slug="sprachcafe-zeitz",
        description="<p>Deutsch üben bei Kaffee.</p>",
    )
    OfferFactory(actor=actor, name="Gesprächsrunde")
    OfferFactory(actor=actor, name="Hausaufgabenhilfe")
    location = LocationFactory(actor=actor, street="Altmarkt 1", town="Zeitz")
    OpeningHoursFactory(location=location, weekday=0, opens=dt.time(9), closes=dt.time(12))
    return actor


def test_it_lets_an_editor_format_the_text_set_the_week_and_submit_after_a_preview(
    actor, live_server, page
):
    member(actor, Membership.Role.EDITOR, "emil")
    base = live_server.url
    sign_in(page, base, "emil")
    page.goto(f"{base}/my/actors/{actor.slug}/edit/")

    # The description: a toolbar instead of HTML, reachable by keyboard.
    toolbar = page.get_by_role("toolbar", name="Formatierung")
    expect(toolbar).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    profile = page.get_by_role("region", name="Profil", exact=True)
    editor = profile.get_by_role("textbox", name="Beschreibung:", exact=True)
    editor.click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Fett").click()
    expect(editor).to_be_focused()  # the button hands the focus back before anything is typed
    page.keyboard.type("Neu: jeden Freitag")
    expect(toolbar.get_by_role("button", name="Fett")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Fett").click()
    toolbar.get_by_role("button", name="Aufzählung").focus()
    page.keyboard.press("ArrowRight")  # arrows move within the toolbar
    expect(toolbar.get_by_role("button", name="Nummerierte Liste")).to_be_focused()
    toolbar.get_by_role("button", name="Aufzählung").click()
    page.keyboard.type("Kaffee")

    # Only the first offer is open; the others wait behind their summaries.
    expect(page.get_by_text("Angebot: Gesprächsrunde")).to_be_visible()
    expect(page.locator("details.offer-form[open]")).to_have_count(1)

    # The week: Monday 9-12 copied to every weekday in one go.
    page.get_by_text("Standort: ").first.click()
    grid = page.locator("[data-hours-grid]").first
    grid.get_by_role("button", name="Auf alle Werktage übertragen").first.click()
    weekdays = grid.locator('select[name$="-weekday"]')
    expect(weekdays.nth(4)).to_have_value("4")

    # A look at the public profile first, nothing stored yet.
    page.get_by_role("button", name="Vorschau ansehen").click()
    preview = page.get_by_role("region", name="Vorschau: so sieht Ihr Profil öffentlich aus")
    expect(preview).to_be_visible()
    expect(preview.locator("strong")).to_have_text("Neu: jeden Freitag")
    expect(preview.get_by_role("row", name=re.compile("Freitag"))).to_be_visible()
    assert not ProfileChange.objects.exists()

    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.get_by_text(re.compile("Gespeichert. Die Migrationsagentur prüft"))).to_be_visible()

    proposal = ProfileChange.objects.get(actor=actor).revision.as_object()
    assert "<strong>Neu: jeden Freitag</strong>" in proposal.description
    assert "<ul><li><p>Kaffee</p></li></ul>" in proposal.description
    week = proposal.locations.all()[0].opening_hours.all()
    assert sorted(slot.weekday for slot in week) == [0, 1, 2, 3, 4]
    assert {(slot.opens, slot.closes) for slot in week} == {(dt.time(9), dt.time(12))}
    assert height <= 6000  # one offer open, at 1280 wide


def test_it_lets_a_visitor_report_outdated_details(actor, live_server, page):
    member(actor, Membership.Role.OWNER, "olga", email="olga@example.org")
    page.goto(live_server.url + actor.get_absolute_url())

    page.get_by_role("link", name="Veraltete Angaben melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veraltete Angaben melden")
    page.get_by_label("Was ist nicht mehr aktuell?").fill("Freitags ist jetzt geschlossen.")
    page.get_by_role("button", name="Hinweis senden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Danke für Ihren Hinweis!")
    assert OutdatedReport.objects.get().message == "Freitags ist jetzt geschlossen."
    assert [message.to for message in mail.outbox] == [["olga@example.org"]]


def test_it_lets_a_coordinator_post_a_need_from_the_dashboard(actor, live_server, page):
    member(actor, Membership.Role.COORDINATOR, "cora")
    MunicipalityFactory(slug="zeitz", name="Zeitz")
    base = live_server.url
    sign_in(page, base, "cora")

    page.get_by_role("link", name="Neuen Bedarf anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neuer Bedarf")
    page.get_by_label("Titel").fill("Kuchen backen fürs Sprachcafé")
    page.get_by_label("Gemeinde").select_option(label="Zeitz")
    page.get_by_role("button", name="Bedarf veröffentlichen").click()

    expect(
        page.get_by_text("Der Bedarf „Kuchen backen fürs Sprachcafé“ ist angelegt.")
    ).to_be_visible()
    need = Need.objects.get(actor=actor)
    assert need.status == Need.Status.OPEN
    page.goto(base + "/my/")
    panel = page.get_by_role("region", name="Bedarfe und Hilfsangebote")
    expect(panel.get_by_role("link", name="Kuchen backen fürs Sprachcafé")).to_be_visible()
    expect(panel.get_by_role("link", name="0 Rückmeldungen")).to_be_visible()


def test_it_keeps_the_save_bar_in_view_and_finds_languages_by_typing(actor, live_server, page):
    member(actor, Membership.Role.EDITOR, "emil")
    base = live_server.url
    sign_in(page, base, "emil")
    page.goto(f"{base}/my/actors/{actor.slug}/edit/")

    # The save bar stands at the foot of the window wherever the form is scrolled to.
    save_bar = page.get_by_role("group", name="Speichern")
    expect(save_bar).to_be_in_viewport()
    terms = page.get_by_role("region", name="Sprachen und Themen")
    terms.scroll_into_view_if_needed()
    expect(page.get_by_role("heading", level=1)).not_to_be_in_viewport()
    expect(save_bar).to_be_in_viewport()

    # 28 languages: typing narrows the list, Enter picks the one left, a chip shows it.
    languages = terms.get_by_role("group", name="Beratungssprachen")
    search = terms.get_by_role("searchbox", name="Liste filtern: Beratungssprachen")
    search.fill("arab")
    expect(languages.locator("li:visible")).to_have_count(1)
    search.press("Enter")  # picks, does not send the form
    expect(languages.get_by_role("checkbox", name="Arabisch")).to_be_checked()
    search.fill("ukrain")
    search.press("Enter")
    chosen = terms.get_by_role("list", name="Ausgewählt").first
    expect(chosen.get_by_role("button", name="Auswahl entfernen: Ukrainisch")).to_be_visible()
    chosen.get_by_role("button", name="Auswahl entfernen: Ukrainisch").click()
    expect(languages.get_by_role("checkbox", name="Ukrainisch")).not_to_be_checked()
    search.fill("")
    expect(languages.locator("li:visible")).to_have_count(languages.locator("li").count())
    assert not ProfileChange.objects.exists()

    save_bar.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.get_by_text(re.compile("Gespeichert. Die Migrationsagentur prüft"))).to_be_visible()
    proposal = ProfileChange.objects.get(actor=actor).revision.as_object()
    assert {language.code for language in proposal.languages.all()} == {"ar"}


def test_it_keeps_a_large_profile_under_6000_pixels_with_one_offer_open(site_db, live_server, page):
    """The demo's largest profile has four offers and three locations; more children only add
    their one-line summaries, since only the first offer is open."""
    actor = ActorFactory(
        name="Volkshochschule Burgenlandkreis",
        slug="vhs-blk",
        description="".join(f"<p>Absatz {number}: Kurse am Vormittag.</p>" for number in range(6)),
    )
    for number in range(6):
        OfferFactory(actor=actor, name=f"Integrationskurs {number}", eligibility="Alle.")
    for town in ("Naumburg", "Weißenfels", "Zeitz", "Hohenmölsen"):
        location = LocationFactory(actor=actor, street="Markt 1", town=town)
        for weekday in range(5):
            OpeningHoursFactory(location=location, weekday=weekday)
    member(actor, Membership.Role.EDITOR, "emil")
    sign_in(page, live_server.url, "emil")
    page.goto(f"{live_server.url}/my/actors/{actor.slug}/edit/")
    expect(page.get_by_role("toolbar", name="Formatierung")).to_be_visible()

    assert page.evaluate("window.innerWidth") == 1280
    expect(page.locator("details.offer-form[open]")).to_have_count(1)
    expect(page.locator("details.offer-form")).to_have_count(7)  # and one for a new offer
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 6000, height


def test_it_lets_an_editor_change_the_profile_on_a_phone_without_javascript(
    actor, live_server, browser
):
    """Without the scripts: a plain textarea whose blank lines become paragraphs, the choice
    lists as checkboxes, the hours grid's empty rows, and the same preview and submission."""
    member(actor, Membership.Role.EDITOR, "emil")
    context = browser.new_context(
        locale="de-DE",
        java_script_enabled=False,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "emil")
        page.goto(f"{live_server.url}/my/actors/{actor.slug}/edit/")
        expect(page.get_by_role("toolbar")).to_have_count(0)
        description = page.get_by_role("region", name="Profil", exact=True).get_by_role(
            "textbox", name="Beschreibung:", exact=True
        )
        description.fill("Deutsch üben bei Kaffee.\n\nNeu: freitags auch & samstags.")
        terms = page.get_by_role("region", name="Sprachen und Themen")
        terms.get_by_role("group", name="Beratungssprachen").get_by_label("Arabisch").check()
        page.get_by_text("Standort: ").first.click()
        grid = page.locator("[data-hours-grid]").first
        empty = grid.locator("[data-hours-row]").nth(1)  # the first row of the extra ones
        empty.get_by_label("Wochentag").select_option(label="Mittwoch")
        empty.get_by_label("von").fill("14:00")
        empty.get_by_label("bis").fill("16:00")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        page.get_by_role("button", name="Vorschau ansehen").click()
        preview = page.get_by_role("region", name="Vorschau: so sieht Ihr Profil öffentlich aus")
        expect(preview.get_by_text("Neu: freitags auch & samstags.")).to_be_visible()
        expect(preview.get_by_role("row", name=re.compile("Mittwoch"))).to_be_visible()
        assert not ProfileChange.objects.exists()
        page.get_by_role("button", name="Zur Prüfung einreichen").click()
        expect(page.get_by_text(re.compile("Gespeichert. Die Migrationsagentur"))).to_be_visible()
    finally:
        context.close()

    proposal = ProfileChange.objects.get(actor=actor).revision.as_object()
    assert proposal.description == (
        "<p>Deutsch üben bei Kaffee.</p>\n\n<p>Neu: freitags auch &amp; samstags.</p>"
    )
    assert {language.code for language in proposal.languages.all()} == {"ar"}
    week = proposal.locations.all()[0].opening_hours.all()
    assert sorted((slot.weekday, slot.opens) for slot in week) == [
        (0, dt.time(9)),
        (2, dt.time(14)),
    ]


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_it_has_no_serious_accessibility_violation_with_every_part_open(
    actor, live_server, browser, width
):
    """axe-core over the editor as the scripts leave it (toolbar, filters, chips, copy buttons),
    with every offer, location and booking detail open, and no sideways scrolling on a phone."""
    member(actor, Membership.Role.EDITOR, "emil")
    viewport = (
        {"width": 1280, "height": 900} if width == "desktop" else {"width": 390, "height": 844}
    )
    # axe is injected as an inline script, which the page's CSP rightly refuses.
    context = browser.new_context(locale="de-DE", bypass_csp=True, viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "emil")
        page.goto(f"{live_server.url}/my/actors/{actor.slug}/edit/")
        expect(page.get_by_role("toolbar", name="Formatierung")).to_be_visible()
        page.locator("form.profile-form details").evaluate_all(
            "parts => parts.forEach(part => { part.open = true; })"
        )
        violations = [
            violation
            for violation in run_axe(page, AXE_SCRIPT.read_text())
            if violation["impact"] in FAILING_IMPACTS
        ]
        width_used = page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()

    assert not violations, describe(violations)
    assert width_used <= viewport["width"]
