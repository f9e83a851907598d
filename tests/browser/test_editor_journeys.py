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
