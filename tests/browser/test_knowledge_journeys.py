"""The knowledge base in Debian's chromium: intake writes an article, a colleague finds it from a
referral's page; a member reads a shared article and meets a 404 on a staff-only one."""

from __future__ import annotations

import pytest

from knowledge.models import Audience
from knowledge.services import ArticleInput, write_article
from network.models import AgencyUnit, Membership
from referrals.models import ConcernCategory
from tests.factories import ActorFactory, UserFactory
from tests.referrals.factories import ReferralFactory

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()


def sign_out(page, base_url: str) -> None:
    page.context.clear_cookies()
    page.goto(base_url + "/")


@pytest.fixture
def intake_people(site_db):
    intake = AgencyUnit.objects.get(slug="eingangszone")
    people = [
        UserFactory(username=username, first_name=first, last_name="Eingang")
        for username, first in (("ines", "Ines"), ("ida", "Ida"))
    ]
    # Rows of the membership table directly: adding through the relation announces the change
    # to the chat's sockets, which cannot be done from the thread Playwright's loop runs in.
    AgencyUnit.staff.through.objects.bulk_create(
        AgencyUnit.staff.through(agencyunit=intake, user=person) for person in people
    )
    return intake


def test_it_lets_intake_write_an_article_a_colleague_finds_from_a_referral(
    live_server, page, intake_people
):
    base = live_server.url
    referral = ReferralFactory(
        unit=intake_people, categories=[ConcernCategory.objects.get(slug="aufenthalt")]
    )

    sign_in(page, base, "ines")
    page.goto(base + "/agency/")
    page.get_by_role("navigation", name="Arbeitsbereich").get_by_role(
        "link", name="Wissensdatenbank"
    ).click()
    page.get_by_role("link", name="Neuer Artikel").click()
    page.locator("#id_title").fill("Fiktionsbescheinigung erklären")
    page.locator("#id_summary").fill("Was die Bescheinigung bedeutet, wenn der Titel abläuft.")
    page.locator("#id_body").fill(
        "Der Aufenthalt gilt als erlaubt, solange über den Antrag entschieden wird.\n\n"
        "Arbeit darf weiter ausgeübt werden."
    )
    page.locator("#id_kind").select_option(label="Verfahren")
    page.locator("#id_unit").select_option(label="Eingangszone")
    page.get_by_label("Aufenthalt", exact=True).check()
    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_text("Der Artikel ist veröffentlicht.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiktionsbescheinigung erklären")
    sign_out(page, base)

    sign_in(page, base, "ida")
    page.goto(base + f"/agency/referrals/{referral.reference}/")
    related = page.get_by_role("region", name="So gehen wir damit um")
    related.get_by_role("link", name="Fiktionsbescheinigung erklären").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiktionsbescheinigung erklären")
    expect(page.get_by_text("Arbeit darf weiter ausgeübt werden.")).to_be_visible()
    # The article's search finds it too.
    page.goto(base + "/agency/knowledge/")
    search = page.get_by_role("combobox", name="In der Wissensdatenbank suchen")
    search.fill("Fiktionsbescheinigung")
    page.get_by_role("button", name="Suchen").click()
    expect(page.get_by_role("link", name="Fiktionsbescheinigung erklären")).to_be_visible()


def test_it_shows_a_member_the_shared_article_and_a_404_for_a_staff_only_one(
    live_server, phone_page, intake_people
):
    """On a phone, as a member of the network most often reads it."""
    page = phone_page
    base = live_server.url
    writer = intake_people.staff.get(username="ines")
    member = UserFactory(username="paula", first_name="Paula", last_name="Partner")
    # Created in bulk, as the unit's staff are: a membership saved one by one is announced to
    # the chat's sockets, which cannot be done from the thread Playwright's loop runs in.
    Membership.objects.bulk_create(
        [Membership(user=member, actor=ActorFactory(slug="lernpaten"), role="coordinator")]
    )

    def article(title: str, audience: str):
        return write_article(
            data=ArticleInput(
                title=title,
                summary="",
                body=f"<p>{title}: so geht es.</p>",
                kind="procedure",
                audience=audience,
                unit=intake_people,
            ),
            acting_user=writer,
        )

    article("Eine Person an die Agentur verweisen", Audience.MEMBERS)
    secret = article("Interne Vertretungsregel der Eingangszone", Audience.STAFF)

    sign_in(page, base, "paula")
    page.goto(base + "/my/knowledge/")
    expect(
        page.get_by_role("link", name="Interne Vertretungsregel der Eingangszone")
    ).to_have_count(0)
    page.get_by_role("link", name="Eine Person an die Agentur verweisen").click()
    expect(page.get_by_text("Eine Person an die Agentur verweisen: so geht es.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    response = page.goto(base + f"/my/knowledge/{secret.slug}/")
    assert response.status == 404
    response = page.goto(base + f"/agency/knowledge/{secret.slug}/")
    assert response.status == 404
