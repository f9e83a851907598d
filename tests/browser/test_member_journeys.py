"""Members' journeys in Debian's chromium: joining by invitation, editing through review, needs.

The live server answers from its own thread, so the data is committed (site_db) and mail queued
with transaction.on_commit goes out for real, into Django's locmem outbox.
"""

from __future__ import annotations

import re

import pytest
from django.core import mail

from needs.models import HelpOffer, Need
from network.models import Membership, ProfileChange
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    MembershipFactory,
    MunicipalityFactory,
    TopicFactory,
    UserFactory,
)

try:
    from playwright.sync_api import expect
except ImportError:  # then the browser fixture skips, or fails when REQUIRE_BROWSER=1
    expect = None

# The browser first: without chromium the tests skip before the test database is built.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser")]

PASSWORD = "demo1234!"  # the factories' password
NEW_PASSWORD = "Wiesen-Weg-2024!"
OLD_TEXT = "Deutsch üben bei Kaffee und Kuchen."
NEW_TEXT = "Deutsch üben bei Kaffee, Kuchen und Brettspielen."
INVITATION_LINK = re.compile(r"https?://[^/\s]+(/accounts/invitation/[\w-]+/)")


def sign_in(page, base_url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Benutzername oder E-Mail-Adresse").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("main").get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1, name="Mein Bereich")).to_be_visible()


def sign_out(page) -> None:
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "button", name="Abmelden"
    ).click()
    expect(
        page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Anmelden")
    ).to_be_visible()


def test_it_lets_an_invited_editor_change_the_profile_after_staff_approval(
    site_db, live_server, page
):
    actor = ActorFactory(
        name="Sprachcafé Zeitz", slug="sprachcafe-zeitz", short_description=OLD_TEXT
    )
    staff = UserFactory(username="stefan", first_name="Stefan", last_name="Steuer")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    base = live_server.url
    profile_url = base + actor.get_absolute_url()

    # Staff invite the new editor on the actor's member page.
    sign_in(page, base, "stefan")
    page.goto(f"{base}/my/actors/{actor.slug}/members/")
    invite = page.get_by_role("region", name="Person einladen")
    invite.get_by_label("E-Mail-Adresse").fill("nora.neu@example.org")
    invite.get_by_label("Rolle").select_option(label="Redaktion")
    invite.get_by_role("button", name="Einladung verschicken").click()
    expect(
        page.get_by_text("Die Einladung an nora.neu@example.org ist verschickt.")
    ).to_be_visible()
    sign_out(page)

    assert [message.to for message in mail.outbox] == [["nora.neu@example.org"]]
    link = INVITATION_LINK.search(mail.outbox[0].body)
    assert link, mail.outbox[0].body

    # The invitee follows the link, sets a password and lands on the actor's page.
    page.goto(base + link.group(1))
    expect(page.get_by_role("heading", level=1)).to_have_text("Einladung zu Sprachcafé Zeitz")
    page.get_by_label("Vorname").fill("Nora")
    page.get_by_label("Nachname").fill("Neu")
    page.get_by_label("Passwort", exact=False).first.fill(NEW_PASSWORD)
    page.get_by_label("Passwort wiederholen").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Einladung annehmen").click()

    expect(page).to_have_url(f"{base}/my/actors/{actor.slug}/")
    expect(page.get_by_text("Willkommen! Sie gehören jetzt zu Sprachcafé Zeitz.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sprachcafé Zeitz")
    membership = Membership.objects.get(actor=actor, user__email="nora.neu@example.org")
    assert membership.role == Membership.Role.EDITOR

    # She changes the short description and sends it for review.
    page.get_by_role("link", name="Angaben bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sprachcafé Zeitz bearbeiten")
    short = page.get_by_label("Kurzbeschreibung")
    expect(short).to_have_value(OLD_TEXT)
    short.fill(NEW_TEXT)
    page.get_by_role("button", name="Zur Prüfung einreichen").click()

    expect(page).to_have_url(f"{base}/my/actors/{actor.slug}/")
    expect(page.get_by_text(re.compile("Gespeichert. Die Migrationsagentur prüft"))).to_be_visible()
    expect(page.get_by_role("heading", name="Änderung wartet auf Prüfung")).to_be_visible()

    # The public still sees the approved text.
    page.goto(profile_url)
    expect(page.locator(".profile .lead")).to_have_text(OLD_TEXT)
    expect(page.get_by_text(NEW_TEXT)).to_have_count(0)
    sign_out(page)

    # Staff open the review queue, look at the difference and approve.
    sign_in(page, base, "stefan")
    page.get_by_role("link", name="Zur Prüfliste").click()
    expect(page).to_have_url(f"{base}/my/review/")
    page.get_by_role("link", name="Sprachcafé Zeitz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Änderung an Sprachcafé Zeitz prüfen")
    changed = page.locator("dl.diff > dt")
    expect(changed).to_have_text(["Kurzbeschreibung"])  # the one field she changed
    inline = page.locator("dl.diff > dd .diff__inline")
    expect(inline.locator("del")).to_have_text(["Kuchen"])
    expect(inline.locator("ins")).to_have_text([", Kuchen", "Brettspielen"])
    expect(page.get_by_text("Nora Neu")).to_be_visible()  # who submitted it
    page.get_by_role("button", name="Freigeben und veröffentlichen").click()

    expect(page).to_have_url(f"{base}/my/review/")
    expect(
        page.get_by_text("„Sprachcafé Zeitz“ ist freigegeben und veröffentlicht.")
    ).to_be_visible()
    expect(page.get_by_text("Keine Änderungen warten auf Prüfung.")).to_be_visible()

    # Now everybody sees the new text.
    page.goto(profile_url)
    expect(page.locator(".profile .lead")).to_have_text(NEW_TEXT)
    change = ProfileChange.objects.get(actor=actor)
    assert (change.status, change.submitted_by.email, change.decided_by) == (
        ProfileChange.Status.APPROVED,
        "nora.neu@example.org",
        staff,
    )
    # The invitation and the approval (to the submitter) were mailed.
    assert [message.to for message in mail.outbox][-1] == ["nora.neu@example.org"]


def test_it_brings_a_helper_offer_to_the_coordinator(site_db, live_server, page, phone_page):
    actor = ActorFactory(name="Lernpaten Hohenmölsen", slug="lernpaten-hohenmoelsen")
    coordinator = MembershipFactory(
        actor=actor,
        role=Membership.Role.COORDINATOR,
        user=UserFactory(username="cora", first_name="Cora", last_name="Koordinatorin"),
    ).user
    TopicFactory(slug="bildung", name="Bildung")
    MunicipalityFactory(slug="hohenmoelsen", name="Hohenmölsen")
    base = live_server.url
    title = "Lesepaten für die Grundschule"

    # The coordinator posts a need through the member form.
    sign_in(page, base, "cora")
    page.goto(f"{base}/my/actors/{actor.slug}/needs/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Neuer Bedarf")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Beschreibung").fill(
        "Einmal pro Woche mit Kindern lesen.\n\nBücher sind vorhanden."
    )
    page.get_by_label("Was Helfende mitbringen sollten").fill("Geduld und Freude am Vorlesen")
    page.get_by_role("group", name="Themen").get_by_label("Bildung", exact=True).check()
    page.get_by_label("Gemeinde").select_option(label="Hohenmölsen")
    page.get_by_role("group", name="Art des Einsatzes").get_by_label("regelmäßig").check()
    page.get_by_label("Zeitaufwand").fill("1 Stunde pro Woche")
    page.get_by_label("Anzahl gesuchter Helfender").fill("2")
    page.get_by_role("button", name="Bedarf veröffentlichen").click()

    expect(page).to_have_url(f"{base}/my/actors/{actor.slug}/needs/")
    expect(page.get_by_text(f"Der Bedarf „{title}“ ist angelegt.")).to_be_visible()
    need = Need.objects.get(actor=actor)
    assert (need.title, need.created_by, need.helpers_wanted) == (title, coordinator, 2)

    # A visitor on a phone, not signed in, finds the need on the board and offers help.
    visitor = phone_page
    visitor.goto(base + "/needs/")
    card = visitor.get_by_role("link", name=title)
    expect(card).to_be_visible()
    card.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(title)
    expect(visitor.get_by_text("gesucht von Lernpaten Hohenmölsen")).to_be_visible()
    form = visitor.get_by_role("region", name="Ich kann helfen")
    form.get_by_label("Ihr Name").fill("Hanna Helfer")
    form.get_by_label("E-Mail").fill("hanna@example.org")
    form.get_by_label("Nachricht").fill("Ich habe dienstags ab 14 Uhr Zeit.")
    form.get_by_label(re.compile("Ich bin einverstanden")).check()
    form.get_by_role("button", name="Hilfe anbieten").click()

    expect(visitor.get_by_role("heading", level=1)).to_have_text("Danke für Ihr Angebot!")
    reply = HelpOffer.objects.get(need=need)
    assert (reply.name, reply.email, reply.status) == (
        "Hanna Helfer",
        "hanna@example.org",
        HelpOffer.Status.NEW,
    )

    # The coordinator sees the reply and notes that she got in touch.
    page.reload()
    page.get_by_role("link", name=re.compile(r"1 Rückmeldung")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Rückmeldungen zu „{title}“")
    article = page.get_by_role("article", name="Hanna Helfer")
    expect(article.get_by_role("link", name="hanna@example.org")).to_have_attribute(
        "href", "mailto:hanna@example.org"
    )
    expect(article.get_by_text("Ich habe dienstags ab 14 Uhr Zeit.")).to_be_visible()
    article.get_by_label("kontaktiert").check()
    article.get_by_role("button", name=re.compile("Stand speichern")).click()

    expect(
        page.get_by_text("Die Rückmeldung von Hanna Helfer ist jetzt „kontaktiert“.")
    ).to_be_visible()
    expect(
        page.get_by_role("article", name="Hanna Helfer").get_by_label("kontaktiert")
    ).to_be_checked()
    reply.refresh_from_db()
    assert reply.status == HelpOffer.Status.CONTACTED
