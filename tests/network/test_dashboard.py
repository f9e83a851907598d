"""/my/: each member sees their own actors and their review state; staff see the queue."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from network.models import Actor, AuditEntry, Membership, ProfileChange
from network.profiles import profile_status, submit_change
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory


@pytest.fixture
def actor(db):
    return ActorFactory(name="Sprachcafé Zeitz", slug="sprachcafe-zeitz")


@pytest.fixture
def other_actor(db):
    return ActorFactory(name="Frauentreff Naumburg", slug="frauentreff-naumburg")


@pytest.fixture
def owner(actor):
    return MembershipFactory(
        actor=actor, role=Membership.Role.OWNER, user=UserFactory(username="olga")
    ).user


@pytest.fixture
def editor(actor):
    return MembershipFactory(
        actor=actor, role=Membership.Role.EDITOR, user=UserFactory(username="emil")
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


def propose(actor, user, **changes) -> ProfileChange:
    proposed = profile_status(actor).version_to_edit()
    for name, value in changes.items():
        setattr(proposed, name, value)
    return submit_change(actor=proposed, acting_user=user)


def test_it_sends_visitors_to_sign_in(client):
    response = client.get("/my/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_it_shows_only_the_members_own_actors(client, editor, actor, other_actor):
    propose(other_actor, UserFactory(username="fremd", is_superuser=True), name="Geheimer Entwurf")
    client.force_login(editor)

    page = client.get("/my/").content.decode()

    assert "Sprachcafé Zeitz" in page
    assert f'href="/my/actors/{actor.slug}/edit/"' in page
    assert "Frauentreff Naumburg" not in page
    assert "Geheimer Entwurf" not in page
    assert "/my/review/" not in page


def test_it_shows_the_state_of_each_actor(client, editor, actor):
    waiting = ActorFactory(name="Willkommen in Zeitz")
    MembershipFactory(actor=waiting, user=editor)
    propose(waiting, editor, short_description="Neu beschrieben.")
    client.force_login(editor)

    page = client.get("/my/").content.decode()

    assert '<span class="state state--published">veröffentlicht</span>' in page
    assert '<span class="state state--pending">Änderung wartet auf Prüfung</span>' in page


def test_it_shows_a_proposed_new_actor_as_not_public(client, outsider):
    proposed = Actor(name="Nähstube Teuchern", kind="association", short_description="Nähen.")
    submit_change(actor=proposed, acting_user=outsider)
    client.force_login(outsider)

    page = client.get("/my/").content.decode()

    assert "Nähstube Teuchern" in page
    assert "noch nicht öffentlich" in page


def test_it_leads_staff_to_the_review_queue_with_the_count(client, staff, editor, actor):
    propose(actor, editor, name="Sprachcafé Zeitz e. V.")
    propose(ActorFactory(), staff, name="Noch einer")
    client.force_login(staff)

    page = client.get("/my/").content.decode()

    assert 'href="/my/review/"' in page
    assert "2 Änderungen warten auf Prüfung." in page


@pytest.mark.parametrize("persona", ["owner", "editor", "coordinator", "staff"])
def test_it_opens_the_actors_own_page_to_its_members_and_staff(client, actor, persona, request):
    client.force_login(request.getfixturevalue(persona))

    page = client.get(f"/my/actors/{actor.slug}/").content.decode()

    assert "<h1>Sprachcafé Zeitz</h1>" in page
    assert f'href="/my/actors/{actor.slug}/edit/"' in page
    assert 'href="/directory/sprachcafe-zeitz/"' in page
    assert "Angaben sind aktuell" in page
    members_link = f'href="/my/actors/{actor.slug}/members/"' in page
    assert members_link == (persona in {"owner", "staff"})


def test_it_hides_other_actors_pages_and_drafts(client, editor, other_actor):
    draft = ActorFactory(name="Entwurf", slug="entwurf", live=False)
    client.force_login(editor)

    assert client.get(f"/my/actors/{other_actor.slug}/").status_code == 404
    assert client.get(f"/my/actors/{draft.slug}/").status_code == 404
    assert client.post(f"/my/actors/{other_actor.slug}/confirm/").status_code == 404


def test_it_shows_the_pending_change_on_the_actors_page(client, editor, actor):
    propose(actor, editor, name="Sprachcafé Zeitz e. V.")
    client.force_login(editor)

    page = client.get(f"/my/actors/{actor.slug}/").content.decode()

    assert "Änderung wartet auf Prüfung" in page
    assert "sieht die Öffentlichkeit die zuletzt freigegebene Fassung" in page


def test_it_confirms_the_details_are_current(client, editor, actor):
    actor.last_confirmed_at = timezone.now() - datetime.timedelta(days=400)
    actor.save()
    client.force_login(editor)
    assert client.get(f"/my/actors/{actor.slug}/confirm/").status_code == 405

    response = client.post(f"/my/actors/{actor.slug}/confirm/", follow=True)

    actor.refresh_from_db()
    assert not actor.is_out_of_date
    assert actor.last_confirmed_at > timezone.now() - datetime.timedelta(minutes=1)
    assert "gelten als bestätigt" in response.content.decode()
    assert AuditEntry.objects.filter(action="profile.confirmed", actor=actor, user=editor).exists()
