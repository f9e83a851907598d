"""Visitors report outdated profiles: the editors get mail, the intake zone a note."""

from __future__ import annotations

import pytest
from django.core import mail

from network.models import AuditEntry, Membership, OutdatedReport
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory

ADDRESS = "192.0.2.77"


@pytest.fixture
def actor(db):
    return ActorFactory(name="Willkommen in Zeitz e. V.", slug="willkommen-zeitz")


@pytest.fixture
def editors(actor):
    owner = MembershipFactory(
        actor=actor, role=Membership.Role.OWNER, user=UserFactory(email="olga@example.org")
    ).user
    editor = MembershipFactory(
        actor=actor, role=Membership.Role.EDITOR, user=UserFactory(email="emil@example.org")
    ).user
    MembershipFactory(
        actor=actor, role=Membership.Role.COORDINATOR, user=UserFactory(email="cora@example.org")
    )
    return owner, editor


@pytest.fixture
def intake_staff(db):
    user = UserFactory(username="ina")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


@pytest.fixture
def unit_staff(db):
    user = UserFactory(username="udo")
    AgencyUnitFactory(name="Wohnen", slug="wohnen-test").staff.add(user)
    return user


def report(client, actor, *, address=ADDRESS, **changes):
    data = {"message": "Die Telefonnummer ist neu: 03443 999999.", "website": "", **changes}
    return client.post(f"/directory/{actor.slug}/outdated/", data, REMOTE_ADDR=address)


def test_it_links_every_public_profile_to_the_report_form(client, actor):
    page = client.get(f"/directory/{actor.slug}/").content.decode()

    assert f'href="/directory/{actor.slug}/outdated/"' in page
    assert "Veraltete Angaben melden" in page
    assert client.get(f"/directory/{actor.slug}/outdated/").status_code == 200


def test_it_mails_the_editors_on_commit_without_an_account(
    client, actor, editors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = report(client, actor)

    assert response.status_code == 302
    assert response["Location"] == f"/directory/{actor.slug}/outdated/sent/"
    note = OutdatedReport.objects.get()
    assert note.actor == actor
    assert note.status == OutdatedReport.Status.OPEN
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sorted(sent.to) == ["emil@example.org", "olga@example.org"]
    assert "Die Telefonnummer ist neu: 03443 999999." in sent.body
    assert f"/my/actors/{actor.slug}/edit/" in sent.body
    assert AuditEntry.objects.filter(action="profile.reported_outdated", actor=actor).exists()


def test_it_writes_the_editors_in_german_whatever_the_visitors_language(
    client, actor, editors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/directory/{actor.slug}/outdated/",
            {"message": "Closed on Fridays now.", "website": ""},
            REMOTE_ADDR=ADDRESS,
        )

    assert mail.outbox[0].subject.startswith("Hinweis auf veraltete Angaben")


def test_it_refuses_an_empty_note_with_a_reason(client, actor, editors):
    response = report(client, actor, message="   ")

    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()
    assert not OutdatedReport.objects.exists()


def test_it_drops_what_a_bot_puts_in_the_trap(
    client, actor, editors, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = report(client, actor, website="https://spam.example")

    assert response.status_code == 302  # the bot is told nothing
    assert not OutdatedReport.objects.exists()
    assert mail.outbox == []


def test_it_limits_notes_per_address_and_keeps_the_text(client, actor, editors):
    for _ in range(5):
        assert report(client, actor).status_code == 302

    refused = report(client, actor, message="Das Angebot gibt es nicht mehr.")

    assert refused.status_code == 429
    assert refused.has_header("Retry-After")
    assert "Das Angebot gibt es nicht mehr." in refused.content.decode()
    assert OutdatedReport.objects.count() == 5
    assert report(client, actor, address="192.0.2.78").status_code == 302


def test_it_has_no_form_for_an_unpublished_actor(client, db):
    draft = ActorFactory(slug="entwurf", live=False)

    assert client.get("/directory/entwurf/outdated/").status_code == 404
    assert report(client, draft).status_code == 404


def test_it_puts_the_note_into_the_intake_zones_review_list(client, actor, intake_staff):
    report(client, actor)
    note = OutdatedReport.objects.get()
    client.force_login(intake_staff)

    page = client.get("/my/review/").content.decode()

    assert "Hinweise auf veraltete Angaben" in page
    assert "Die Telefonnummer ist neu: 03443 999999." in page
    assert f"/my/review/outdated/{note.pk}/done/" in page


def test_it_lets_the_intake_zone_mark_the_note_done(client, actor, intake_staff):
    report(client, actor)
    note = OutdatedReport.objects.get()
    client.force_login(intake_staff)

    response = client.post(f"/my/review/outdated/{note.pk}/done/")

    assert response.status_code == 302
    note.refresh_from_db()
    assert note.status == OutdatedReport.Status.RESOLVED
    assert note.resolved_by == intake_staff
    assert "Die Telefonnummer ist neu" not in client.get("/my/review/").content.decode()
    assert AuditEntry.objects.filter(action="profile.report_resolved").exists()


@pytest.mark.parametrize("persona", ["unit_staff", "editor", "anonymous"])
def test_it_keeps_the_notes_from_everybody_else(client, actor, editors, persona, request):
    report(client, actor)
    note = OutdatedReport.objects.get()
    if persona == "unit_staff":
        client.force_login(request.getfixturevalue("unit_staff"))
    elif persona == "editor":
        client.force_login(editors[1])

    response = client.post(f"/my/review/outdated/{note.pk}/done/")

    assert response.status_code in {302, 404}
    if persona == "anonymous":
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404
    if persona == "unit_staff":
        page = client.get("/my/review/").content.decode()
        assert "Die Telefonnummer ist neu" not in page
    note.refresh_from_db()
    assert note.status == OutdatedReport.Status.OPEN


def test_it_counts_the_open_notes_on_the_intake_zones_dashboard(client, actor, intake_staff):
    report(client, actor)
    report(client, actor, message="Das Angebot gibt es nicht mehr.")
    client.force_login(intake_staff)

    page = client.get("/my/").content.decode()

    assert "Hinweise auf veraltete Angaben: 2" in page
