"""Invitations and the member list: who may invite, how a link becomes a membership."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from network.invitations import change_role, invite, remove_member
from network.models import AuditEntry, Invitation, Membership
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory
from tests.html import one

STRONG = "Wiesen-Weg-2024!"


@pytest.fixture
def actor(db):
    return ActorFactory(name="Willkommen in Zeitz e. V.", slug="willkommen-zeitz")


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


def members_url(actor) -> str:
    return f"/my/actors/{actor.slug}/members/"


def token_from(message) -> str:
    return re.search(r"/accounts/invitation/([\w-]+)/", message.body).group(1)


def send_invitation(callbacks, acting_user, actor, email="Neu.Person@Example.org", role="editor"):
    """Invite through the service and return the token from the mail, as the invitee gets it."""
    with callbacks(execute=True):
        invite(acting_user=acting_user, actor=actor, email=email, role=role)
    assert mail.outbox[-1].to == [email.lower()]
    return token_from(mail.outbox[-1])


@pytest.fixture
def invited(owner, actor, django_capture_on_commit_callbacks):
    return send_invitation(django_capture_on_commit_callbacks, owner, actor)


def invite_on_page(client, actor, email="neu@example.org", role="editor", callbacks=None):
    with callbacks(execute=True):
        return client.post(members_url(actor), {"action": "invite", "email": email, "role": role})


@pytest.mark.parametrize("persona", ["staff", "owner"])
def test_it_lets_staff_and_owners_invite_on_the_members_page(
    client, actor, persona, request, django_capture_on_commit_callbacks
):
    client.force_login(request.getfixturevalue(persona))

    response = invite_on_page(
        client, actor, email="Neu@Example.org", callbacks=django_capture_on_commit_callbacks
    )

    assert response.status_code == 302
    assert response.url == members_url(actor)
    invitation = Invitation.objects.get(actor=actor)
    assert (invitation.email, invitation.role) == ("neu@example.org", "editor")
    assert mail.outbox[-1].to == ["neu@example.org"]
    assert "Willkommen in Zeitz e. V." in mail.outbox[-1].subject
    assert re.search(
        r"http://127\.0\.0\.1:8000/accounts/invitation/[\w-]{43}/", mail.outbox[-1].body
    )
    page = client.get(response.url).content.decode()
    assert "Die Einladung an neu@example.org ist verschickt." in page
    assert "neu@example.org" in page


@pytest.mark.parametrize("persona", ["editor", "coordinator"])
def test_it_refuses_the_members_page_to_editors_and_coordinators(client, actor, persona, request):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(members_url(actor)).status_code == 403
    invited = client.post(members_url(actor), {"action": "invite", "email": "x@example.org"})
    assert invited.status_code == 403
    assert not Invitation.objects.exists()


def test_it_hides_the_members_page_from_outsiders(client, actor, outsider):
    client.force_login(outsider)

    assert client.get(members_url(actor)).status_code == 404
    assert client.post(members_url(actor), {"action": "invite"}).status_code == 404


def test_it_sends_visitors_to_sign_in_before_the_members_page(client, actor):
    response = client.get(members_url(actor))

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={members_url(actor)}"


@pytest.mark.parametrize("persona", ["editor", "outsider"])
def test_it_refuses_invitations_from_people_who_do_not_manage_the_actor(actor, persona, request):
    with pytest.raises(PermissionDenied):
        invite(
            acting_user=request.getfixturevalue(persona), actor=actor, email="a@b.de", role="editor"
        )


def test_it_stores_only_the_hash_of_the_token(invited):
    invitation = Invitation.objects.get()

    assert invitation.token_hash == hashlib.sha256(invited.encode()).hexdigest()
    stored = " ".join(str(value) for value in Invitation.objects.values().get().values())
    assert invited not in stored
    assert invited not in str(list(AuditEntry.objects.values_list("data", flat=True)))


def test_it_shows_the_actor_and_role_on_the_invitation(client, invited):
    page = client.get(f"/accounts/invitation/{invited}/").content.decode()

    assert "Willkommen in Zeitz e. V." in page
    assert "Redaktion" in page
    assert 'autocomplete="new-password"' in page


def test_it_sets_a_password_through_the_link_and_lands_on_the_actor(client, actor, invited):
    response = client.post(
        f"/accounts/invitation/{invited}/",
        {"first_name": "Nora", "last_name": "Neu", "password1": STRONG, "password2": STRONG},
    )

    assert response.status_code == 302
    assert response.url == f"/my/actors/{actor.slug}/"
    user = get_user_model().objects.get(username="neu.person@example.org")
    assert (user.email, user.first_name, user.check_password(STRONG)) == (
        "neu.person@example.org",
        "Nora",
        True,
    )
    assert Membership.objects.get(user=user, actor=actor).role == Membership.Role.EDITOR
    assert int(client.session[SESSION_KEY]) == user.pk
    invitation = Invitation.objects.get()
    assert invitation.accepted_by == user
    assert invitation.accepted_at is not None


def test_it_rejects_weak_passwords_beside_the_field(client, invited):
    response = client.post(
        f"/accounts/invitation/{invited}/",
        {"first_name": "", "last_name": "", "password1": "neu.person", "password2": "neu.person"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_password2_error"' in page
    assert 'aria-invalid="true"' in page
    assert not get_user_model().objects.filter(username="neu.person@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


def test_it_answers_410_for_a_used_invitation(client, invited):
    data = {"password1": STRONG, "password2": STRONG}
    client.post(f"/accounts/invitation/{invited}/", data)
    client.logout()

    again = client.get(f"/accounts/invitation/{invited}/")
    posted_again = client.post(f"/accounts/invitation/{invited}/", data)

    assert again.status_code == 410
    assert "Bitten Sie die Person, die Sie eingeladen hat, um eine neue Einladung." in (
        again.content.decode()
    )
    assert posted_again.status_code == 410
    assert Membership.objects.filter(user__username="neu.person@example.org").count() == 1


def test_it_answers_410_for_an_expired_invitation(client, invited):
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.post(
        f"/accounts/invitation/{invited}/", {"password1": STRONG, "password2": STRONG}
    )

    assert response.status_code == 410
    assert not get_user_model().objects.filter(username="neu.person@example.org").exists()


def test_it_lets_invitations_expire_after_the_configured_days(invited, settings):
    invitation = Invitation.objects.get()

    valid_for = invitation.expires_at - invitation.created_at
    assert abs(valid_for - datetime.timedelta(days=settings.INVITATION_VALID_DAYS)) < (
        datetime.timedelta(seconds=5)
    )


def test_it_answers_404_for_an_unknown_token(client, db):
    assert client.get("/accounts/invitation/nicht-echt/").status_code == 404


def test_it_replaces_an_open_invitation_when_inviting_again(
    client, owner, actor, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    first = send_invitation(callbacks, owner, actor, email="neu@example.org", role="editor")
    second = send_invitation(callbacks, owner, actor, email="NEU@example.org", role="coordinator")

    invitation = Invitation.objects.get()
    assert invitation.role == Membership.Role.COORDINATOR
    assert client.get(f"/accounts/invitation/{first}/").status_code == 404
    assert client.get(f"/accounts/invitation/{second}/").status_code == 200


def test_it_asks_an_existing_account_to_sign_in_first(client, actor, invited):
    existing = UserFactory(username="nora", email="neu.person@example.org")

    page = client.get(f"/accounts/invitation/{invited}/").content.decode()
    client.post(f"/accounts/invitation/{invited}/", {"password1": STRONG, "password2": STRONG})

    assert "gibt es schon ein Konto" in page
    assert f"/accounts/login/?next=/accounts/invitation/{invited}/" in page
    assert not Membership.objects.filter(user=existing).exists()
    existing.refresh_from_db()
    assert not existing.check_password(STRONG)


def test_it_lets_a_signed_in_invitee_join_without_a_new_password(client, actor, invited):
    existing = UserFactory(username="nora", email="Neu.Person@example.org")
    client.force_login(existing)

    response = client.post(f"/accounts/invitation/{invited}/")

    assert response.url == f"/my/actors/{actor.slug}/"
    assert Membership.objects.get(user=existing, actor=actor).role == Membership.Role.EDITOR


def test_it_refuses_an_invitation_meant_for_someone_else(client, actor, invited, outsider):
    client.force_login(outsider)

    response = client.post(f"/accounts/invitation/{invited}/")

    assert response.status_code == 403
    assert "anderen Konto angemeldet" in response.content.decode()
    assert not Membership.objects.filter(user=outsider).exists()


def test_it_refuses_to_invite_an_existing_member_beside_the_field(client, owner, editor, actor):
    client.force_login(owner)

    response = client.post(
        members_url(actor), {"action": "invite", "email": editor.email.upper(), "role": "owner"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_error"' in page
    assert "gehört bereits dazu" in page
    assert not Invitation.objects.exists()


def test_it_shows_an_invalid_address_beside_the_field(client, owner, actor):
    client.force_login(owner)

    response = client.post(members_url(actor), {"action": "invite", "email": "kein@", "role": "x"})

    page = response.content.decode()
    assert response.status_code == 200
    assert one(page, 'input[aria-describedby~="id_email_error"]')["aria-invalid"] == "true"
    assert 'id="id_role_error"' in page


def test_it_lists_members_and_open_invitations(client, owner, editor, actor, invited):
    page = client.get(members_url(actor), follow=True)
    client.force_login(owner)

    page = client.get(members_url(actor)).content.decode()

    assert "2 Mitglieder" in page
    assert editor.email in page
    assert "neu.person@example.org" in page


def test_it_revokes_an_invitation(client, owner, actor, invited):
    client.force_login(owner)
    invitation = Invitation.objects.get()

    response = client.post(members_url(actor), {"action": "revoke", "invitation": invitation.pk})

    assert response.status_code == 302
    assert not Invitation.objects.exists()
    assert client.get(f"/accounts/invitation/{invited}/").status_code == 404


def test_it_lets_an_owner_change_roles_and_remove_members(client, owner, editor, actor):
    client.force_login(owner)
    membership = Membership.objects.get(user=editor)

    client.post(
        members_url(actor), {"action": "role", "membership": membership.pk, "role": "coordinator"}
    )
    membership.refresh_from_db()
    assert membership.role == Membership.Role.COORDINATOR
    response = client.post(members_url(actor), {"action": "remove", "membership": membership.pk})

    assert response.url == members_url(actor)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_it_keeps_the_last_owner(client, owner, editor, actor):
    client.force_login(owner)
    membership = Membership.objects.get(user=owner)

    removed = client.post(
        members_url(actor), {"action": "remove", "membership": membership.pk}, follow=True
    )
    client.post(
        members_url(actor), {"action": "role", "membership": membership.pk, "role": "editor"}
    )

    assert "einzige verantwortliche Person" in removed.content.decode()
    membership.refresh_from_db()
    assert membership.role == Membership.Role.OWNER
    with pytest.raises(ValidationError):
        remove_member(acting_user=owner, membership=membership)


def test_it_lets_an_owner_leave_once_another_owner_exists(client, owner, editor, actor):
    client.force_login(owner)
    change_role(acting_user=owner, membership=Membership.objects.get(user=editor), role="owner")

    response = client.post(
        members_url(actor),
        {"action": "remove", "membership": Membership.objects.get(user=owner).pk},
    )

    assert response.status_code == 302
    assert response.url != members_url(actor)
    assert not Membership.objects.filter(user=owner).exists()


def test_it_lets_staff_remove_a_departed_last_owner(staff, owner, actor):
    remove_member(acting_user=staff, membership=Membership.objects.get(user=owner))

    assert not actor.memberships.exists()


def test_it_writes_audit_entries(client, owner, actor, invited):
    client.post(f"/accounts/invitation/{invited}/", {"password1": STRONG, "password2": STRONG})
    newcomer = Membership.objects.get(user__username="neu.person@example.org")
    change_role(acting_user=owner, membership=newcomer, role="coordinator")
    remove_member(acting_user=owner, membership=newcomer)

    entries = list(AuditEntry.objects.order_by("pk").values_list("action", "user", "actor"))
    actions = [action for action, _user, _actor in entries]
    assert actions == [
        "invitation.created",
        "account.created",
        "membership.created",
        "invitation.accepted",
        "membership.role_changed",
        "membership.removed",
    ]
    assert all(entry_actor == actor.pk for _action, _user, entry_actor in entries)
    assert entries[0][1] == owner.pk
    created = AuditEntry.objects.get(action="invitation.created")
    assert created.data["role"] == "editor"
    assert created.data["email"] == "neu.person@example.org"
