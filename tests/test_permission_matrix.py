"""Who may do what to whose data: every role against every view, API and admin page of actors,
needs and replies.

The rule (from the issue): an editor of actor A can never read drafts of, or change, actor B:
not through forms, addresses, the API, the admin or uploads; agency staff review and keep every
actor; anonymous visitors are sent to sign in; signed-in people get 404 for member pages of actors
they do not belong to (nobody learns that a draft exists). Each cell is one test; refused POSTs
must leave the database (and the uploaded files) exactly as they were.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from PIL import Image

from needs.models import HelpOffer, Need
from network.models import Actor, Invitation, Membership, ProfileChange
from network.profiles import profile_status, submit_change
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    ContactPersonFactory,
    HelpOfferFactory,
    MembershipFactory,
    MunicipalityFactory,
    NeedFactory,
    TopicFactory,
    UserFactory,
)

PERSONAS = ["anonymous", "outsider", "editor_a", "coordinator_a", "owner_a", "staff", "admin"]
MEMBERS_A = {"editor_a", "coordinator_a", "owner_a"}
STAFF = {"staff", "admin"}

# Outcomes of a request.
OK = "200"
DONE = "302"  # a POST that did its work and redirected (not to the sign-in)
LOGIN = "login"  # 302 to /accounts/login/?next=...
ADMIN_DENIED = "admin-denied"  # Wagtail's "no permission": 302 to the admin's start page
FORBIDDEN = "403"
NOT_FOUND = "404"

DRAFT_TEXT = "Geheimer Entwurf von B"
DRAFT_C_TEXT = "Noch nicht freigegebener Akteur C"


# --- the data: built once per module, each test in a savepoint of its own ---------------------


@dataclass
class World:
    users: dict[str, Any]
    actor_a: Actor
    actor_b: Actor
    actor_c: Actor  # a draft of B's owner, never published
    need_a: Need
    need_b: Need
    need_c: Need  # of the draft actor
    reply_a: HelpOffer
    reply_b: HelpOffer
    change_b: ProfileChange  # B's pending proposal (DRAFT_TEXT)
    change_c: ProfileChange  # C's pending proposal
    municipality_pk: int
    topic_pk: int
    media: Path


def _member(actor: Actor, role: str, username: str):
    return MembershipFactory(actor=actor, role=role, user=UserFactory(username=username)).user


def _admin_access_group() -> Group:
    """Admin access without being agency staff: staff get it from their unit membership."""
    group, _ = Group.objects.get_or_create(name="Admin-Zugang")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def _propose(actor: Actor, user, **changes) -> ProfileChange:
    proposed = profile_status(actor).version_to_edit()
    for name, value in changes.items():
        setattr(proposed, name, value)
    return submit_change(actor=proposed, acting_user=user)


def build_world(media: Path) -> World:
    actor_a = ActorFactory(name="Lernpaten Alpha", slug="lernpaten-alpha")
    actor_b = ActorFactory(name="Sprachcafé Beta", slug="sprachcafe-beta")
    actor_c = ActorFactory(name="Nähstube Gamma", slug="naehstube-gamma", live=False)
    owner_b = _member(actor_b, Membership.Role.OWNER, "bettina")
    MembershipFactory(actor=actor_c, role=Membership.Role.OWNER, user=owner_b)

    staff = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    users = {
        "anonymous": None,
        "outsider": UserFactory(username="otto"),
        "editor_a": _member(actor_a, Membership.Role.EDITOR, "emil"),
        "coordinator_a": _member(actor_a, Membership.Role.COORDINATOR, "cora"),
        "owner_a": _member(actor_a, Membership.Role.OWNER, "olga"),
        "staff": staff,
        "admin": UserFactory(username="ada", is_superuser=True, is_staff=True),
        "owner_b": owner_b,
    }
    place = MunicipalityFactory(slug="matrix-ort", name="Matrixort")
    need_a = NeedFactory(actor=actor_a, title="Bedarf von A", municipality=place)
    need_b = NeedFactory(actor=actor_b, title="Bedarf von B", municipality=place)
    need_c = NeedFactory(actor=actor_c, title="Bedarf des Entwurfs C", municipality=place)
    return World(
        users=users,
        actor_a=actor_a,
        actor_b=actor_b,
        actor_c=actor_c,
        need_a=need_a,
        need_b=need_b,
        need_c=need_c,
        reply_a=HelpOfferFactory(need=need_a, name="Hanna Helfer"),
        reply_b=HelpOfferFactory(need=need_b, name="Bruno Beta"),
        change_b=_propose(actor_b, owner_b, short_description=DRAFT_TEXT),
        change_c=_propose(actor_c, owner_b, short_description=DRAFT_C_TEXT),
        municipality_pk=place.pk,
        topic_pk=TopicFactory(slug="matrix-thema", name="Matrixthema").pk,
        media=media,
    )


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[World]:
    """The data, built once for the module inside a transaction that is rolled back at its end.

    Each test runs in a savepoint of its own on top (pytest-django's `db`), as Django's
    TestCase.setUpTestData does it: what one cell changes, the next does not see.
    """
    media = tmp_path_factory.mktemp("matrix") / "media"
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world(media)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def world(shared_world, db) -> World:
    return shared_world


def snapshot(world: World) -> dict[str, Any]:
    """Everything a refused request could have changed."""
    files = sorted(str(path) for path in world.media.rglob("*")) if world.media.exists() else []
    return {
        "actors": list(
            Actor.objects.order_by("pk").values_list(
                "pk",
                "name",
                "short_description",
                "live",
                "last_confirmed_at",
                "latest_revision_id",
                "has_unpublished_changes",
                "logo",
            )
        ),
        "changes": list(
            ProfileChange.objects.order_by("pk").values_list("pk", "status", "comment")
        ),
        "invitations": list(Invitation.objects.order_by("pk").values_list("pk", "email")),
        "memberships": list(
            Membership.objects.order_by("pk").values_list("pk", "user_id", "actor_id", "role")
        ),
        "needs": list(Need.objects.order_by("pk").values_list("pk", "title", "status")),
        "replies": list(HelpOffer.objects.order_by("pk").values_list("pk", "status")),
        "files": files,
    }


# --- request bodies ----------------------------------------------------------------------------


def png(name: str = "logo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (11, 90, 122)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def profile_form(world: World) -> dict[str, Any]:
    """The whole profile form as a person sends it: changed text and a new logo to upload."""
    data: dict[str, Any] = {
        "name": "Übernommen",
        "kind": "association",
        "short_description": "Von fremder Hand geändert.",
        "description": "",
        "website": "",
        "email": "",
        "phone": "",
        "logo": png(),
    }
    for prefix in ("offers", "locations", "contacts", "social_links"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def need_form(world: World) -> dict[str, Any]:
    return {
        "title": "Übernommener Bedarf",
        "description": "Von fremder Hand.",
        "skills": "",
        "topics": [world.topic_pk],
        "municipality": world.municipality_pk,
        "commitment": "regular",
        "hours": "",
        "start_date": "",
        "end_date": "",
        "helpers_wanted": "1",
        "contact_person": "",
    }


# --- the matrix --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One action on one object; `expect` maps each persona to the outcome the rule demands."""

    name: str
    method: str
    url: Any  # World -> str
    expect: dict[str, str]
    data: Any = None  # World -> dict


def member_page(target: str, ok: str = OK) -> dict[str, str]:
    """A page behind an actor: its members and staff get in, everybody else learns nothing."""
    return {
        persona: (
            LOGIN
            if persona == "anonymous"
            else ok
            if persona in STAFF or (target == "a" and persona in MEMBERS_A)
            else NOT_FOUND
        )
        for persona in PERSONAS
    }


def members_page(target: str, ok: str = OK) -> dict[str, str]:
    """The member list: owners of the actor and staff; the actor's other members get 403."""
    expect = member_page(target, ok)
    if target == "a":
        expect.update({"editor_a": FORBIDDEN, "coordinator_a": FORBIDDEN})
    return expect


def review_page(ok: str = OK) -> dict[str, str]:
    return {
        persona: LOGIN if persona == "anonymous" else ok if persona in STAFF else NOT_FOUND
        for persona in PERSONAS
    }


def signed_in_page() -> dict[str, str]:
    return {persona: LOGIN if persona == "anonymous" else OK for persona in PERSONAS}


def public(found: bool) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, OK if found else NOT_FOUND)


def admin_page(*, staff_may: bool) -> dict[str, str]:
    """Without the admin permission the admin sends people to sign in (with it); staff have it
    through the Agentur group but may only touch what their policy allows."""
    expect = dict.fromkeys(PERSONAS, LOGIN)
    expect["staff"] = OK if staff_may else ADMIN_DENIED
    expect["admin"] = OK
    return expect


def actor_url(target: str, suffix: str = ""):
    return lambda w: f"/my/actors/{getattr(w, f'actor_{target}').slug}/{suffix}"


def needs_url(actor: str, need: str | None = None, suffix: str = ""):
    def build(w: World) -> str:
        base = f"/my/actors/{getattr(w, f'actor_{actor}').slug}/needs/"
        return base + (f"{getattr(w, f'need_{need}').pk}/{suffix}" if need else suffix)

    return build


def nobody() -> dict[str, str]:
    """An address that names nothing: 404 for everyone signed in, staff included."""
    return {p: LOGIN if p == "anonymous" else NOT_FOUND for p in PERSONAS}


def need_page(actor: str, need: str, ok: str = OK) -> dict[str, str]:
    """A need is fetched through the actor in the address: a need of B under A is 404 for all."""
    return member_page(actor, ok) if actor == need else nobody()


def reply_status(actor: str, need: str, reply: str) -> dict[str, str]:
    """A reply is fetched through its need: B's reply under A's need is 404 for all."""
    expect = need_page(actor, need, DONE) if need == reply else nobody()
    if actor == need == reply == "a":
        # A has a coordinator: she answers helpers, its owner and editor may only read.
        expect.update({"editor_a": FORBIDDEN, "owner_a": FORBIDDEN})
    return expect


def _cases() -> list[Case]:
    cases = [
        Case("dashboard", "get", lambda w: "/my/", signed_in_page()),
        Case("propose new actor", "get", lambda w: "/my/actors/new/", signed_in_page()),
        Case("review queue", "get", lambda w: "/my/review/", review_page()),
    ]
    for target in ("a", "b", "c"):
        cases += [
            Case(f"actor page {target}", "get", actor_url(target), member_page(target)),
            Case(f"edit form {target}", "get", actor_url(target, "edit/"), member_page(target)),
            Case(
                f"edit+upload {target}",
                "post",
                actor_url(target, "edit/"),
                member_page(target, DONE),
                profile_form,
            ),
            Case(f"members {target}", "get", actor_url(target, "members/"), members_page(target)),
            Case(
                f"invite {target}",
                "post",
                actor_url(target, "members/"),
                members_page(target, DONE),
                lambda w: {"action": "invite", "email": "neu@example.org", "role": "owner"},
            ),
            Case(
                f"confirm {target}",
                "post",
                actor_url(target, "confirm/"),
                member_page(target, DONE),
            ),
            Case(f"needs list {target}", "get", needs_url(target), member_page(target)),
            Case(
                f"need form {target}", "get", needs_url(target, suffix="new/"), member_page(target)
            ),
            Case(
                f"need create {target}",
                "post",
                needs_url(target, suffix="new/"),
                member_page(target, DONE),
                need_form,
            ),
            Case(
                f"profile {target}",
                "get",
                lambda w, t=target: getattr(w, f"actor_{t}").get_absolute_url(),
                public(found=target != "c"),
            ),
            Case(
                f"api actor {target}",
                "get",
                lambda w, t=target: f"/api/v1/actors/{getattr(w, f'actor_{t}').slug}/",
                public(found=target != "c"),
            ),
            Case(
                f"need detail {target}",
                "get",
                lambda w, t=target: f"/needs/{getattr(w, f'need_{t}').pk}/",
                public(found=target != "c"),
            ),
            Case(
                f"api need {target}",
                "get",
                lambda w, t=target: f"/api/v1/needs/{getattr(w, f'need_{t}').pk}/",
                public(found=target != "c"),
            ),
            Case(
                f"admin actor edit {target}",
                "get",
                lambda w, t=target: (
                    f"/admin/snippets/network/actor/edit/{getattr(w, f'actor_{t}').pk}/"
                ),
                admin_page(staff_may=False),
            ),
            Case(
                f"admin actor save {target}",
                "post",
                lambda w, t=target: (
                    f"/admin/snippets/network/actor/edit/{getattr(w, f'actor_{t}').pk}/"
                ),
                admin_page(staff_may=False),
                lambda w: {"name": "Übernommen", "slug": "uebernommen"},
            ),
        ]
    for change in ("b", "c"):
        review = lambda w, c=change: f"/my/review/{getattr(w, f'change_{c}').pk}/"  # noqa: E731
        cases += [
            Case(f"review {change}", "get", review, review_page()),
            Case(
                f"approve {change}",
                "post",
                lambda w, r=review: r(w) + "approve/",
                review_page(DONE),
            ),
            Case(
                f"return {change}",
                "post",
                lambda w, r=review: r(w) + "return/",
                review_page(DONE),
                lambda w: {"comment": "Bitte überarbeiten."},
            ),
        ]
    for actor, need in (("a", "a"), ("b", "b"), ("a", "b")):
        where = f"{need}" if actor == need else f"{need} under {actor}"
        cases += [
            Case(
                f"need edit form {where}",
                "get",
                needs_url(actor, need, "edit/"),
                need_page(actor, need),
            ),
            Case(
                f"need save {where}",
                "post",
                needs_url(actor, need, "edit/"),
                need_page(actor, need, DONE),
                need_form,
            ),
            Case(
                f"need filled {where}",
                "post",
                needs_url(actor, need, "filled/"),
                need_page(actor, need, DONE),
            ),
            Case(
                f"replies {where}",
                "get",
                needs_url(actor, need, "replies/"),
                need_page(actor, need),
            ),
        ]
    for actor, need, reply in (("a", "a", "a"), ("b", "b", "b"), ("a", "a", "b"), ("a", "b", "b")):
        cases.append(
            Case(
                f"reply status {reply} via {actor}/{need}",
                "post",
                lambda w, a=actor, n=need, r=reply: (
                    needs_url(a, n, "replies/")(w) + f"{getattr(w, f'reply_{r}').pk}/status/"
                ),
                reply_status(actor, need, reply),
                lambda w: {"status": "contacted"},
            )
        )
    for need in ("a", "b"):
        cases += [
            Case(
                f"admin need edit {need}",
                "get",
                lambda w, n=need: f"/admin/snippets/needs/need/edit/{getattr(w, f'need_{n}').pk}/",
                admin_page(staff_may=True),
            ),
        ]
    return cases


CASES = _cases()
CELLS = [
    pytest.param(persona, case, id=f"{persona}-{case.method.upper()} {case.name}")
    for case in CASES
    for persona in PERSONAS
]


def outcome(response) -> str:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith("/accounts/login/"):
            return LOGIN
        if location == "/admin/":
            return ADMIN_DENIED
        return DONE
    return str(response.status_code)


@pytest.mark.parametrize(("persona", "case"), CELLS)
def test_the_matrix(client, world, persona, case):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)
    url = case.url(world)
    data = case.data(world) if case.data else {}
    expected = case.expect[persona]
    before = snapshot(world)

    response = getattr(client, case.method)(url, data)

    assert outcome(response) == expected, (url, response.status_code, response.get("Location"))
    if case.method == "post" and expected in {LOGIN, ADMIN_DENIED, FORBIDDEN, NOT_FOUND}:
        assert snapshot(world) == before, f"a refused POST to {url} changed data"
    elif case.method == "post" and expected == DONE:
        assert snapshot(world) != before, f"an accepted POST to {url} changed nothing"


# --- what the matrix cannot see: drafts inside pages that are open to everybody ---------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_reads_a_pending_draft_on_public_pages_or_the_api(client, world, persona):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)

    pages = [
        client.get("/directory/"),
        client.get("/directory/", {"q": "Beta"}),
        client.get(world.actor_b.get_absolute_url()),
        client.get("/api/v1/actors/"),
        client.get(f"/api/v1/actors/{world.actor_b.slug}/"),
        client.get("/needs/"),
        client.get("/api/v1/needs/"),
    ]

    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert DRAFT_TEXT not in body
        assert DRAFT_C_TEXT not in body
        assert world.actor_c.name not in body
        assert world.need_c.title not in body


def test_an_editor_of_a_with_admin_access_still_cannot_touch_b_in_the_admin(client, world):
    editor = world.users["editor_a"]
    editor.groups.add(_admin_access_group())  # by mistake, say: admin access without being staff
    client.force_login(editor)
    before = snapshot(world)

    responses = [
        client.get(f"/admin/snippets/network/actor/edit/{world.actor_b.pk}/"),
        client.get(f"/admin/snippets/network/actor/edit/{world.actor_c.pk}/"),
        client.post(
            f"/admin/snippets/network/actor/edit/{world.actor_b.pk}/", {"name": "Übernommen"}
        ),
        client.get(f"/admin/snippets/needs/need/edit/{world.need_b.pk}/"),
        client.post(f"/admin/snippets/needs/need/edit/{world.need_b.pk}/", {"title": "X"}),
        client.get(f"/admin/snippets/needs/helpoffer/inspect/{world.reply_b.pk}/"),
        client.get("/admin/snippets/network/actor/"),
        client.get("/admin/snippets/needs/need/"),
    ]

    assert [outcome(response) for response in responses] == [ADMIN_DENIED] * len(responses)
    assert snapshot(world) == before


def test_an_editor_of_a_cannot_put_bs_contact_person_on_as_need(client, world):
    """Foreign ids inside a form are refused too, not only foreign addresses."""
    foreign = ContactPersonFactory(actor=world.actor_b, name="Berta Beta")
    client.force_login(world.users["editor_a"])
    before = snapshot(world)

    response = client.post(
        f"/my/actors/{world.actor_a.slug}/needs/{world.need_a.pk}/edit/",
        {**need_form(world), "contact_person": foreign.pk},
    )

    assert response.status_code == 200
    assert 'id="id_contact_person_error"' in response.content.decode()
    assert snapshot(world) == before


def test_an_owner_of_a_cannot_remove_or_re_role_bs_members_through_as_page(client, world):
    """Membership ids of B posted to A's member page are not found in A's list."""
    owner_b_membership = Membership.objects.get(user=world.users["owner_b"], actor=world.actor_b)
    client.force_login(world.users["owner_a"])
    before = snapshot(world)

    removed = client.post(
        f"/my/actors/{world.actor_a.slug}/members/",
        {"action": "remove", "membership": owner_b_membership.pk},
    )
    re_roled = client.post(
        f"/my/actors/{world.actor_a.slug}/members/",
        {"action": "role", "membership": owner_b_membership.pk, "role": "editor"},
    )

    assert removed.status_code == re_roled.status_code == 302
    assert snapshot(world) == before
