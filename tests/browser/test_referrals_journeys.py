"""A referral's journey in Debian's chromium: sent in English by a partner, sorted by intake,
forwarded between units, closed, and its outcome seen by the partner; and the form on a phone
without JavaScript.

The English catalogue lacks the new strings for now, so the English pages are driven by field ids
and checked by structure and the reference number, not by English wording.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.utils import translation

from network.models import AgencyUnit, Membership
from referrals.models import Outcome, Referral, Status
from tests.factories import ActorFactory, MembershipFactory, UserFactory
from tests.referrals.factories import ReferralFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password
REFERENCE = re.compile(r"^MIA-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def people(site_db):
    actor = ActorFactory(name="Lernpaten Hohenmölsen", slug="lernpaten-hohenmoelsen")
    partner = UserFactory(username="paula", first_name="Paula", last_name="Partner")
    MembershipFactory(user=partner, actor=actor, role=Membership.Role.COORDINATOR)
    staff = {}
    for slug, username, first in (
        ("eingangszone", "ines", "Ines"),
        ("auslaenderbehoerde", "anna", "Anna"),
        ("jobcenter", "bruno", "Bruno"),
        ("unterbringung", "ulla", "Ulla"),
    ):
        staff[slug] = UserFactory(username=username, first_name=first, last_name="Muster")
        AgencyUnit.objects.get(slug=slug).staff.add(staff[slug])
    return actor


@pytest.fixture
def phone_without_javascript(browser) -> Iterator[object]:
    context = browser.new_context(locale="de-DE", java_script_enabled=False, **PHONE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()


def sign_out(page, base_url: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/")


def open_referral(page, base_url: str, reference: str) -> None:
    page.goto(base_url + "/agency/referrals/")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)


def test_it_takes_a_partners_english_referral_through_the_agency_to_its_outcome(
    live_server, page, people
):
    base = live_server.url

    # The partner sends the concern on the English form.
    sign_in(page, base, "paula")
    page.goto(base + "/en/referral/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#id_referring_actor")).to_have_value(str(people.pk))
    page.locator("#id_person_name").fill("Amina Haddad")
    page.locator("#id_phone").fill("0157 1234567")
    page.locator('input[name="categories"][value="aufenthalt"]').check()
    page.locator('input[name="categories"][value="arbeit"]').check()
    page.locator("#id_description").fill("Residence permit ends soon; a job offer is waiting.")
    page.locator("#id_consent").check()
    page.locator("form.referral__form button[type=submit]").click()

    expect(page).to_have_url(base + "/en/referral/thanks/")
    reference = page.locator("#reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    assert "Amina" not in page.url
    referral = Referral.objects.get(reference=reference)
    assert (referral.unit.slug, referral.referring_actor) == ("eingangszone", people)
    sign_out(page, base)

    # Intake sees it (two units' concerns) and routes it to the foreigners' office.
    sign_in(page, base, "ines")
    open_referral(page, base, reference)
    expect(page.get_by_text("Amina Haddad")).to_be_visible()
    assign = page.get_by_role("region", name="Zuweisen")
    assign.get_by_label("Bereich").select_option(label="Ausländerbehörde")
    assign.get_by_role("button", name="Zuweisen").click()
    expect(page.get_by_text(f"{reference} ist Ausländerbehörde zugewiesen.")).to_be_visible()
    sign_out(page, base)

    # The foreigners' office forwards it to the job centre with a note.
    sign_in(page, base, "anna")
    open_referral(page, base, reference)
    page.get_by_text("Weitere Aktionen").click()  # starting it is the next step; not this one
    forward = page.get_by_role("region", name="Intern weiterleiten")
    forward.get_by_label("an den Bereich").select_option(label="Jobcenter")
    forward.get_by_label("Notiz für den Bereich").fill("Arbeitsangebot zuerst klären.")
    forward.get_by_role("button", name="Weiterleiten").click()
    expect(page.get_by_text(f"{reference} ist an Jobcenter weitergeleitet.")).to_be_visible()
    sign_out(page, base)

    # The job centre closes it: helped.
    sign_in(page, base, "bruno")
    open_referral(page, base, reference)
    expect(page.get_by_text("Arbeitsangebot zuerst klären.")).to_be_visible()
    page.get_by_text("Weitere Aktionen").click()
    close = page.get_by_role("region", name="Abschließen")
    close.get_by_label("geholfen").check()
    close.get_by_role("button", name="Abschließen").click()
    expect(page.get_by_text(f"{reference} ist abgeschlossen: geholfen.")).to_be_visible()
    sign_out(page, base)

    referral.refresh_from_db()
    assert (referral.unit.slug, referral.status, referral.outcome) == (
        "jobcenter",
        Status.CLOSED,
        Outcome.HELPED,
    )

    # The partner sees the outcome, and nothing of the agency's notes.
    sign_in(page, base, "paula")
    page.goto(base + "/en/my/referrals/")
    row = page.locator(f"#referral-{reference}")
    with translation.override("en"):
        expect(row).to_contain_text(str(Outcome.HELPED.label))
        expect(row).to_contain_text(str(Status.CLOSED.label))
    expect(row).to_contain_text("Jobcenter")
    expect(page.get_by_text("Arbeitsangebot zuerst klären.")).to_have_count(0)
    expect(page.get_by_text("Amina")).to_have_count(0)


def test_it_takes_a_referral_on_a_phone_without_javascript(
    live_server, phone_without_javascript, people
):
    page = phone_without_javascript
    page.goto(live_server.url + "/referral/?category=wohnen")

    expect(page.get_by_label("Wohnen")).to_be_checked()
    page.get_by_label("Name der Person").fill("Olena Bondar")
    page.get_by_role("button", name="Anliegen absenden").click()

    # Refused: the messages stand beside the fields, what was typed is kept.
    expect(page.locator("#id_phone_error")).to_contain_text("eins genügt")
    expect(page.get_by_label("Name der Person")).to_have_value("Olena Bondar")
    page.get_by_label("E-Mail").fill("olena@example.org")
    page.get_by_label("Beschreiben Sie das Anliegen kurz").fill("Wir suchen eine Wohnung.")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Anliegen absenden").click()

    reference = page.locator("#reference").inner_text().strip()
    assert REFERENCE.match(reference), reference
    assert Referral.objects.get(reference=reference).unit.slug == "unterbringung"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390


def test_it_lets_a_unit_take_a_referral_to_its_end_with_the_primary_actions_on_a_phone(
    live_server, phone_page, people
):
    """Each step's one primary action is enough: begin, then close; the other actions stay
    folded away behind "Weitere Aktionen", and the staff page fits a phone's width."""
    page = phone_page
    base = live_server.url
    referral = ReferralFactory(unit=AgencyUnit.objects.get(slug="jobcenter"))
    sign_in(page, base, "bruno")
    open_referral(page, base, referral.reference)

    primary = page.locator(".referral-action--primary")
    expect(primary).to_have_count(1)
    expect(page.get_by_text("Weitere Aktionen")).to_be_visible()
    expect(page.get_by_role("region", name="Intern weiterleiten")).to_be_hidden()
    primary.get_by_role("button", name="Bearbeitung beginnen").click()
    expect(primary).to_contain_text("Abschließen")
    expect(page.get_by_role("region", name="Intern weiterleiten")).to_be_hidden()
    primary.get_by_label("geholfen").check()
    primary.get_by_role("button", name="Abschließen").click()

    expect(page.get_by_text(f"{referral.reference} ist abgeschlossen: geholfen.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (Status.CLOSED, Outcome.HELPED)
