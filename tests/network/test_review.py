"""Agency staff review proposed profiles: the difference, approval, sending back, stale versions."""

from __future__ import annotations

import pytest
from django.core import mail

from network.diff import diff_actors, inline_diff
from network.models import Actor, AuditEntry, Membership, Offer, ProfileChange
from network.profiles import profile_status, submit_change
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    MembershipFactory,
    OfferFactory,
    UserFactory,
)
from tests.html import links


@pytest.fixture
def actor(db):
    actor = ActorFactory(
        name="Willkommen in Zeitz e. V.",
        slug="willkommen-zeitz",
        short_description="Begleitung zu Ämtern und Ärzten.",
    )
    OfferFactory(actor=actor, name="Behördenlotsen", description="Wir begleiten Sie.")
    return actor


@pytest.fixture
def owner(actor):
    return MembershipFactory(
        actor=actor,
        role=Membership.Role.OWNER,
        user=UserFactory(username="olga", email="olga@example.org"),
    ).user


@pytest.fixture
def editor(actor):
    return MembershipFactory(
        actor=actor,
        role=Membership.Role.EDITOR,
        user=UserFactory(username="emil", email="emil@example.org"),
    ).user


@pytest.fixture
def coordinator(actor):
    return MembershipFactory(
        actor=actor, role=Membership.Role.COORDINATOR, user=UserFactory(username="cora")
    ).user


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


def propose(actor: Actor, user, **changes) -> ProfileChange:
    """A change as the edit form would submit it: the open version with some fields changed."""
    proposed = profile_status(actor).version_to_edit()
    for name, value in changes.items():
        setattr(proposed, name, value)
    return submit_change(actor=proposed, acting_user=user)


@pytest.fixture
def change(actor, editor):
    return propose(actor, editor, short_description="Begleitung zu Ämtern, Ärzten und Schulen.")


def review_url(change: ProfileChange, action: str = "") -> str:
    return f"/my/review/{change.pk}/" + (f"{action}/" if action else "")


@pytest.mark.parametrize("persona", ["owner", "editor", "coordinator", "outsider"])
def test_it_hides_the_review_from_everyone_but_staff(client, change, persona, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.get("/my/review/").status_code == 404
    assert client.get(review_url(change)).status_code == 404
    assert client.post(review_url(change, "approve")).status_code == 404
    assert client.post(review_url(change, "return"), {"comment": "Nein."}).status_code == 404
    change.refresh_from_db()
    assert change.status == ProfileChange.Status.PENDING


def test_it_lists_pending_changes_oldest_first(client, staff, editor, change):
    newer = propose(ActorFactory(name="Zweiter Akteur"), staff, name="Zweiter Akteur e. V.")
    decided = propose(ActorFactory(name="Erledigter Akteur"), staff, name="Erledigt")
    decided.status = ProfileChange.Status.APPROVED
    decided.save()
    client.force_login(staff)

    page = client.get("/my/review/").content.decode()

    opened = [href.strip("/").rpartition("/")[2] for href in links(page, 'a[href^="/my/review/"]')]
    assert [pk for pk in opened if pk.isdigit()] == [str(change.pk), str(newer.pk)]


def test_it_shows_staff_the_difference_field_by_field(client, staff, actor, editor):
    proposed = profile_status(actor).version_to_edit()
    proposed.short_description = "Begleitung zu Ämtern und Schulen."
    proposed.offers.add(Offer(name="Nähcafé <für alle>"))
    change = submit_change(actor=proposed, acting_user=editor)
    client.force_login(staff)

    page = client.get(review_url(change)).content.decode()

    assert "<del>Ärzten</del><ins>Schulen</ins>" in page
    assert "<ins>Name: Nähcafé &lt;für alle&gt;" in page
    assert "Nähcafé <für alle>" not in page
    assert "Behördenlotsen" in page  # unchanged offer among the unchanged rows


def test_it_shows_a_new_actor_as_entirely_added(db):
    proposed = Actor(name="Nähstube", kind="association", short_description="Wir nähen.")

    sections = diff_actors(None, proposed)

    rows = {row.label: row for section in sections for row in section.changed_rows}
    assert rows["Name"].inline == "<ins>Nähstube</ins>"
    assert rows["Kurzbeschreibung"].old == ""


def test_it_escapes_the_inline_difference():
    assert inline_diff("<b>alt</b>", '<b onclick="x">neu</b>') == (
        "&lt;b<ins> onclick=&quot;x&quot;</ins>&gt;<del>alt</del><ins>neu</ins>&lt;/b&gt;"
    )
    assert inline_diff("Zeile eins\nZeile zwei", "Zeile eins\nZeile drei") == (
        "Zeile eins<br>Zeile <del>zwei</del><ins>drei</ins>"
    )


def test_it_approves_publishes_and_mails_submitter_and_owners(
    client, staff, actor, owner, editor, change, django_capture_on_commit_callbacks
):
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(change, "approve"))

    assert response.status_code == 302
    assert response.url == "/my/review/"
    change.refresh_from_db()
    actor.refresh_from_db()
    assert change.status == ProfileChange.Status.APPROVED
    assert (change.decided_by, change.decided_at is not None) == (staff, True)
    assert actor.short_description == "Begleitung zu Ämtern, Ärzten und Schulen."
    assert actor.live and not actor.has_unpublished_changes
    assert actor.last_confirmed_at >= change.decided_at.replace(microsecond=0)
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["emil@example.org", "olga@example.org"]
    assert "Willkommen in Zeitz e. V." in mail.outbox[0].subject
    assert "/directory/willkommen-zeitz/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="profile.approved", user=staff, actor=actor).exists()


def test_it_returns_a_change_with_a_comment_and_mails_the_submitter(
    client, staff, actor, owner, editor, change, django_capture_on_commit_callbacks
):
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(change, "return"), {"comment": "Bitte die Schulen genauer nennen."}
        )

    assert response.status_code == 302
    change.refresh_from_db()
    actor.refresh_from_db()
    assert change.status == ProfileChange.Status.RETURNED
    assert change.comment == "Bitte die Schulen genauer nennen."
    assert actor.short_description == "Begleitung zu Ämtern und Ärzten."
    assert [message.to for message in mail.outbox] == [["emil@example.org"]]
    assert "Bitte die Schulen genauer nennen." in mail.outbox[0].body
    assert "/my/actors/willkommen-zeitz/edit/" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action="profile.returned", actor=actor)
    assert (entry.user, entry.data["comment"]) == (staff, "Bitte die Schulen genauer nennen.")


def test_it_requires_a_comment_to_send_a_change_back(client, staff, change):
    client.force_login(staff)

    response = client.post(review_url(change, "return"), {"comment": "  "})

    assert response.status_code == 200
    assert 'id="id_comment_error"' in response.content.decode()
    change.refresh_from_db()
    assert change.status == ProfileChange.Status.PENDING
    assert not mail.outbox


def test_it_shows_the_returned_comment_to_the_editor(client, staff, editor, actor, change):
    client.force_login(staff)
    client.post(review_url(change, "return"), {"comment": "Bitte die Öffnungszeiten ergänzen."})
    client.force_login(editor)

    dashboard = client.get(f"/my/actors/{actor.slug}/").content.decode()
    form = client.get(f"/my/actors/{actor.slug}/edit/").content.decode()

    assert "Bitte die Öffnungszeiten ergänzen." in dashboard
    assert "zurückgegeben mit Kommentar" in dashboard
    assert "Bitte die Öffnungszeiten ergänzen." in form
    assert "Begleitung zu Ämtern, Ärzten und Schulen." in form  # the returned version to rework


def test_it_refuses_to_approve_a_superseded_change(client, staff, actor, editor, change):
    latest = propose(actor, editor, name="Willkommen in Zeitz")
    client.force_login(staff)

    response = client.post(review_url(change, "approve"), follow=True)

    change.refresh_from_db()
    actor.refresh_from_db()
    assert change.status == ProfileChange.Status.SUPERSEDED
    assert actor.short_description == "Begleitung zu Ämtern und Ärzten."
    assert "nicht mehr aktuell" in response.content.decode()
    assert not AuditEntry.objects.filter(action="profile.approved").exists()

    client.post(review_url(latest, "approve"))

    actor.refresh_from_db()
    assert (actor.name, actor.short_description) == (
        "Willkommen in Zeitz",
        "Begleitung zu Ämtern, Ärzten und Schulen.",
    )


def test_it_refuses_to_decide_a_change_twice(client, staff, change):
    client.force_login(staff)
    client.post(review_url(change, "approve"))

    response = client.post(review_url(change, "return"), {"comment": "Doch nicht."}, follow=True)

    change.refresh_from_db()
    assert change.status == ProfileChange.Status.APPROVED
    assert "nicht mehr aktuell" in response.content.decode()


def test_it_keeps_the_trusted_flag_that_staff_set_after_the_proposal(client, staff, actor, change):
    actor.is_trusted = True
    actor.save(update_fields=["is_trusted"])
    client.force_login(staff)

    client.post(review_url(change, "approve"))

    actor.refresh_from_db()
    assert actor.short_description == "Begleitung zu Ämtern, Ärzten und Schulen."
    assert actor.is_trusted
