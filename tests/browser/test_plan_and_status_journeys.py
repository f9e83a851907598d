"""The person's side of a referral in Debian's chromium, and the staff steps that serve it.

Intake sorts a walk-in's referral from the inbox by keyboard with the one primary action; the
unit composes the person's plan in Arabic and prints it (the print preview is saved as
docs/plan-print-ar.png); the person checks the status with reference and code (a wrong code
first) and opens the plan's online copy from the printed QR code's address.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale

from network.models import AgencyUnit
from referrals.models import Referral, Status
from tests.factories import UserFactory
from tests.network.agency import unit_page

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password
# docs/plan-print-ar.png is renewed on purpose (UPDATE_SCREENSHOTS=1); a plain run leaves docs/
# alone and keeps its print preview with the other test artefacts.
SCREENSHOT = (
    Path(settings.BASE_DIR) / "docs"
    if os.environ.get("UPDATE_SCREENSHOTS")
    else Path(os.environ.get("TEST_ARTIFACTS_DIR") or Path(settings.BASE_DIR) / "test-artifacts")
) / "plan-print-ar.png"


@pytest.fixture
def agency(site_db):
    """Intake and foreigners' office staff, and the office's page in German and Arabic."""
    for slug, username, first in (
        ("eingangszone", "ines", "Ines"),
        ("auslaenderbehoerde", "anna", "Anna"),
    ):
        user = UserFactory(username=username, first_name=first, last_name="Muster")
        # The through row itself: staff.add() also tells chat, whose broadcast cannot run in
        # the thread that drives the browser.
        AgencyUnit.staff.through.objects.create(
            agencyunit=AgencyUnit.objects.get(slug=slug), user=user
        )
    office = AgencyUnit.objects.get(slug="auslaenderbehoerde")
    german = unit_page(office, title="Ausländerbehörde", directions="Treppe hoch, dann links")
    german.what_to_bring = "<ul><li>Pass</li><li>Meldebescheinigung</li></ul>"
    german.save_revision().publish()
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    page = german.copy_for_translation(arabic, copy_parents=True)
    page.title = "دائرة الأجانب"
    page.directions = "اصعد الدرج ثم إلى اليسار"
    page.what_to_bring = "<ul><li>جواز السفر</li><li>شهادة تسجيل السكن</li></ul>"
    page.save_revision().publish()
    return office


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()


def send_referral(page, base: str) -> tuple[str, str]:
    """The person (or the intake desk for a walk-in) sends the form; reference and code."""
    page.goto(base + "/referral/")
    page.locator("#id_person_name").fill("Amina Haddad")
    page.locator("#id_email").fill("amina@example.org")
    page.locator('input[name="categories"][value="aufenthalt"]').check()
    page.locator('input[name="categories"][value="arbeit"]').check()
    page.locator("#id_description").fill("Die Aufenthaltserlaubnis läuft ab.")
    page.locator("#id_consent").check()
    page.locator("form.referral__form button[type=submit]").click()
    reference = page.locator("#reference").inner_text().strip()
    code = page.locator("#status-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", code), code
    return reference, code


def test_intake_sorts_with_the_primary_action_and_the_unit_composes_and_prints_an_arabic_plan(
    live_server, page, agency
):
    base = live_server.url
    reference, _code = send_referral(page, base)
    page.context.clear_cookies()

    # Intake: j moves to the referral, Enter opens it, the one primary action sorts it.
    sign_in(page, base, "ines")
    page.goto(base + "/agency/referrals/")
    expect(page.locator("#shortcuts")).to_contain_text("j")
    page.keyboard.press("j")
    expect(page.get_by_role("link", name=reference)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    expect(page.locator(".referral-action--primary")).to_have_count(1)
    expect(page.get_by_role("region", name="Intern weiterleiten")).to_be_hidden()
    primary = page.locator(".referral-action--primary")
    primary.get_by_label("Bereich").select_option(label="Ausländerbehörde")
    primary.get_by_role("button", name="Zuweisen").click()
    expect(page.get_by_text(f"{reference} ist Ausländerbehörde zugewiesen.")).to_be_visible()
    page.context.clear_cookies()

    # The office: its next step is to begin, then to close.
    sign_in(page, base, "anna")
    page.goto(f"{base}/agency/referrals/{reference}/")
    page.locator(".referral-action--primary").get_by_role(
        "button", name="Bearbeitung beginnen"
    ).click()
    expect(page.locator(".referral-action--primary")).to_contain_text("Abschließen")
    assert Referral.objects.get(reference=reference).status == Status.IN_PROGRESS

    # The plan, in Arabic: one step at the office, prefilled from its page.
    page.get_by_role("link", name="Laufzettel für die Person").click()
    page.get_by_label("Sprache des Laufzettels").select_option("ar")
    page.get_by_role("button", name="Sprache übernehmen").click()
    page.get_by_label("Bereich der Agentur").select_option(label="Ausländerbehörde")
    page.get_by_role("button", name="Weiter: Angaben vorschlagen").click()
    step = page.get_by_role("region", name="Angaben zum Schritt")
    expect(step.get_by_label("Adresse")).to_have_value("Promenade 31, 06667 Weißenfels")
    expect(step.get_by_label("Bitte mitbringen")).to_have_value("Pass\nMeldebescheinigung")
    step.get_by_label("Hinweis für die Person").fill("Bitte pünktlich kommen.")
    step.get_by_role("button", name="Schritt hinzufügen").click()
    expect(page.get_by_text("Der Schritt steht auf dem Laufzettel.")).to_be_visible()
    preview = page.locator(".plan-preview")
    expect(preview).to_have_attribute("dir", "rtl")
    expect(preview).to_contain_text("دائرة الأجانب")
    expect(preview).to_contain_text("جواز السفر")

    # Printed with a new code for the person at the desk: one A4 page, right to left, QR code.
    page.get_by_role("button", name="Drucken mit neuem Statuscode").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".plan-print__qr svg")).to_be_visible()
    code = page.locator("#status-code").inner_text().strip()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # the plan fits one A4 page
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    online = page.locator(".plan-print__foot").inner_text().strip()
    assert f"code={code}" in online
    assert "Amina" not in page.content()

    # The person scans the QR code: the plan in Arabic, and nothing else.
    person = page.context.browser.new_context(locale="ar")
    phone = person.new_page()
    phone.goto(online)
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(phone.locator(".plan-steps")).to_contain_text("دائرة الأجانب")
    expect(phone.locator(".plan-steps")).to_contain_text("Bitte pünktlich kommen.")
    for secret in ("Amina", "Aufenthaltserlaubnis", "amina@example.org"):
        assert secret not in phone.content()
    person.close()


def test_the_person_checks_the_status_with_reference_and_code(live_server, page, agency):
    base = live_server.url
    reference, code = send_referral(page, base)

    page.goto(base + "/referral/status/")
    page.get_by_label("Vorgangsnummer").fill(reference)
    page.get_by_label("Statuscode").fill("AAAA-BBBB")
    page.get_by_role("button", name="Stand anzeigen").click()
    expect(page.get_by_role("alert")).to_contain_text("können wir nichts anzeigen")
    expect(page.locator("#status-answer")).to_have_count(0)

    page.get_by_label("Statuscode").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Stand anzeigen").click()
    expect(page.locator("#status-answer")).to_contain_text("Die Eingangszone bringt es")
    expect(page.get_by_text("Amina")).to_have_count(0)

    # In Arabic, the same look-up, right to left.
    page.goto(base + "/ar/referral/status/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator("#id_reference").fill(reference)
    page.locator("#id_code").fill(code)
    page.locator("form.status-form button[type=submit]").click()
    expect(page.locator("#status-answer")).to_contain_text("مكتب الاستقبال")
