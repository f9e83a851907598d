"""The person's side of a referral in Debian's chromium, and the staff steps that serve it.

Intake sorts a walk-in's referral from the inbox by keyboard with the one primary action; the
unit composes the person's plan of four steps in Arabic (two units in their open hours, one by
appointment, a network actor) and prints it on one A4 page (the print preview is saved as
docs/plan-print-ar.png); the person opens the online copy from the printed QR code's address;
the person checks the status with reference and code (a wrong code first) and opens the plan
with both on a phone.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.models import Locale

from network.models import AgencyUnit
from referrals.models import Referral, Status
from referrals.plan import suggest
from referrals.services import StepData, add_plan_step
from tests.factories import ActorFactory, LocationFactory, OpeningHoursFactory, UserFactory
from tests.network.agency import unit_page
from tests.referrals.factories import ReferralFactory

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


# Further places of the plan: a unit's floor and room, and its Arabic page's title, way and
# documents.
ARABIC_UNITS = {
    "jobcenter": (
        ("Erdgeschoss", "0.12"),
        ("دائرة العمل (جوب سنتر)", "الطابق الأرضي، الغرفة 0.12", "إشعار القرار"),
    ),
    "asylbewerberleistungen": (
        ("1. Obergeschoss", "1.20"),
        ("قسم إعانات طالبي اللجوء", "الطابق الأول، الغرفة 1.20", "عقد الإيجار"),
    ),
    "integrationsberatung": (
        ("2. Obergeschoss", "2.04"),
        ("استشارات الاندماج", "الطابق الثاني، يمين الدرج", "شهادة اللغة"),
    ),
}


def arabic_copy(german, title: str, directions: str, document: str) -> None:
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    page = german.copy_for_translation(arabic, copy_parents=True)
    page.title = title
    page.directions = directions
    page.what_to_bring = f"<ul><li>جواز السفر</li><li>{document}</li></ul>"
    page.save_revision().publish()


@pytest.fixture
def agency(site_db):
    """Intake and foreigners' office staff, the pages of the office and of ARABIC_UNITS in German
    and Arabic (each with the demo's week of hours), and a network actor with its opening hours."""
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
    for slug, ((floor, room), arabic) in ARABIC_UNITS.items():
        german_page = unit_page(
            AgencyUnit.objects.get(slug=slug), directions="Im Haus ausgeschildert"
        )
        german_page.floor, german_page.room = floor, room
        german_page.save_revision().publish()
        arabic_copy(german_page, *arabic)
    location = LocationFactory(
        actor=ActorFactory(name="Lernpaten Weißenfels", slug="lernpaten-weissenfels"),
        street="Marienstraße 4",
        town="Weißenfels",
        postcode="06667",
    )
    OpeningHoursFactory(location=location, weekday=2, opens=dt.time(15), closes=dt.time(18))
    return office


def add_step(page, *, unit: str = "", actor: str = "", appointment: str = "", note: str = ""):
    """Staff choose the place, take the suggested address and documents, and add the step."""
    if unit:
        page.get_by_label("Bereich der Agentur").select_option(label=unit)
    else:
        page.get_by_label("oder Akteur im Netzwerk").select_option(label=actor)
    page.get_by_role("button", name="Weiter: Angaben vorschlagen").click()
    step = page.get_by_role("region", name="Angaben zum Schritt")
    if appointment:
        step.get_by_label("Termin (freiwillig)").fill(appointment)
    if note:
        step.get_by_label("Hinweis für die Person").fill(note)
    step.get_by_role("button", name="Schritt hinzufügen").click()
    expect(page.get_by_text("Der Schritt steht auf dem Laufzettel.")).to_be_visible()


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
    # Three more steps: a unit by appointment, a unit in its open hours, a network actor.
    add_step(page, unit="Jobcenter", appointment="2031-03-04T09:30", note="Termin nicht verpassen.")
    add_step(page, unit="Integrationsberatung")
    add_step(page, actor="Lernpaten Weißenfels", note="Hilfe bei Formularen, ohne Termin.")
    expect(page.locator(".plan-edit > li")).to_have_count(4)
    for slug in ("jobcenter", "integrationsberatung"):
        (floor, room), (title, _directions, document) = ARABIC_UNITS[slug]
        expect(preview).to_contain_text(f"{floor}, {room}")
        expect(preview).to_contain_text(title)
        expect(preview).to_contain_text(document)

    # Printed with a new code for the person at the desk: one A4 page, right to left, QR code.
    page.get_by_role("button", name="Drucken mit neuem Statuscode").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".plan-print__qr svg")).to_be_visible()
    expect(page.locator(".plan-step")).to_have_count(4)
    expect(page.locator(".plan-step").nth(1)).to_contain_text("2031")
    expect(page.locator(".plan-step").nth(3)).to_contain_text("Lernpaten Weißenfels")
    code = page.locator("#status-code").inner_text().strip()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # four steps fit one A4 page
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
    expect(phone.locator(".plan-step")).to_have_count(4)
    for secret in ("Amina", "Aufenthaltserlaubnis", "amina@example.org"):
        assert secret not in phone.content()
    person.close()


def test_a_plan_of_four_steps_in_open_hours_prints_on_one_a4_page(live_server, page, agency):
    """The fullest plan staff compose: four units, each with its week of hours, the documents of
    its Arabic page and a note of two lines, still on one A4 page."""
    referral = ReferralFactory(unit=agency, plan_language="ar")
    anna = agency.staff.get(username="anna")
    for slug in ("auslaenderbehoerde", *ARABIC_UNITS):
        unit = AgencyUnit.objects.get(slug=slug)
        suggestion = suggest(unit)
        add_plan_step(
            referral=referral,
            data=StepData(
                unit=unit,
                actor=None,
                address=suggestion.address,
                room=suggestion.room,
                appointment_at=None,
                what_to_bring=suggestion.what_to_bring,
                note="Bitte kommen Sie früh am Vormittag, dann ist die Wartezeit kurz. "
                "Bringen Sie diesen Laufzettel mit und zeigen Sie ihn am Empfang.",
            ),
            acting_user=anna,
        )
    sign_in(page, live_server.url, "anna")
    page.goto(f"{live_server.url}/agency/referrals/{referral.reference}/plan/print/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".plan-step")).to_have_count(4)
    expect(page.locator(".plan-step table.hours")).to_have_count(4)
    for _floor_room, (title, _directions, document) in ARABIC_UNITS.values():
        expect(page.locator(".plan-steps")).to_contain_text(title)
        expect(page.locator(".plan-steps")).to_contain_text(document)
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_the_person_checks_the_status_with_reference_and_code(
    live_server, page, phone_page, agency
):
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

    # The office writes a plan; the person opens it on a phone with reference and code.
    referral = Referral.objects.get(reference=reference)
    add_plan_step(
        referral=referral,
        data=StepData(
            unit=agency,
            actor=None,
            address="Promenade 31, 06667 Weißenfels",
            room="1. Obergeschoss, 1.10",
            appointment_at=None,
            what_to_bring="Pass\nMeldebescheinigung",
            note="Bitte pünktlich kommen.",
        ),
        acting_user=agency.staff.get(username="anna"),
    )
    Referral.objects.filter(pk=referral.pk).update(plan_language="ar")
    person = phone_page
    person.goto(base + "/ar/referral/plan/")
    person.locator("#id_reference").fill(reference)
    person.locator("#id_code").fill("AAAA-BBBB")
    person.locator("form.status-form button[type=submit]").click()
    expect(person.get_by_role("alert")).to_be_visible()
    expect(person.locator(".plan-steps")).to_have_count(0)
    person.locator("#id_code").fill(code)
    person.locator("form.status-form button[type=submit]").click()
    expect(person.locator(".plan-steps")).to_contain_text("دائرة الأجانب")
    expect(person.locator(".plan-steps")).to_contain_text("Bitte pünktlich kommen.")
    # The documents as the office's page suggested them: its Arabic text.
    expect(person.locator(".plan-steps")).to_contain_text("شهادة تسجيل السكن")
    for secret in ("Amina", "Aufenthaltserlaubnis", "amina@example.org"):
        assert secret not in person.content()
    # Nothing wider than the phone: the plan is read without scrolling sideways.
    assert person.evaluate("document.documentElement.scrollWidth") <= 390
