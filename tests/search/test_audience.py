"""Who finds what: the public finds what is published; an actor's members also find its drafts
(the unpublished actor, its offers, its events awaiting review) and agency staff find every
draft; filled needs nobody finds. One query, one expected list per role."""

from __future__ import annotations

import pytest

from needs.models import Need
from network.models import Membership
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    MembershipFactory,
    NeedFactory,
    OfferFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = ["Quokka Verein"]
DRAFT_ACTOR = ["Quokka Neugründung", "Quokka Sprechstunde"]  # the actor and its offer
PENDING_EVENT = ["Quokka Sommerfest"]


def member_of(actor, username: str):
    user = UserFactory(username=username)
    MembershipFactory(actor=actor, user=user, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def people(db) -> dict:
    published = ActorFactory(name="Quokka Verein")
    draft = ActorFactory(name="Quokka Neugründung", live=False)
    OfferFactory(actor=draft, name="Quokka Sprechstunde")
    EventFactory(actor=published, title="Quokka Sommerfest", live=False)
    NeedFactory(actor=published, title="Quokka Fahrdienst", status=Need.Status.FILLED)
    staff = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone").staff.add(staff)
    return {
        "public": None,
        "outsider member": member_of(ActorFactory(name="Anderer Verein"), "olaf"),
        "member of the published actor": member_of(published, "pia"),
        "member of the draft": member_of(draft, "dora"),
        "staff": staff,
    }


EXPECTED = {
    "public": PUBLIC,
    "outsider member": PUBLIC,
    "member of the published actor": PUBLIC + PENDING_EVENT,
    "member of the draft": PUBLIC + DRAFT_ACTOR,
    "staff": PUBLIC + DRAFT_ACTOR + PENDING_EVENT,
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_it_finds_exactly_what_each_role_may_see(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    items = client.get("/search/", {"q": "Quokka"}).context["result"].items
    found = sorted(item.title.replace("<mark>", "").replace("</mark>", "") for item in items)
    assert found == sorted(EXPECTED[role])
    suggestions = client.get("/search/suggest/", {"q": "Quokka"}).json()["suggestions"]
    titles = {suggestion["label"] for suggestion in suggestions if suggestion["kind"] != "term"}
    assert titles == set(EXPECTED[role])


def test_it_keeps_the_directory_list_public_for_staff(client, people):
    client.force_login(people["staff"])
    response = client.get("/directory/", {"q": "Quokka"})
    html = response.content.decode()
    assert "Quokka Verein" in html
    assert "Quokka Neugründung" not in html


def test_it_stops_showing_a_draft_to_its_members_once_they_leave(client, people):
    member = people["member of the draft"]
    client.force_login(member)
    Membership.objects.filter(user=member).delete()
    items = client.get("/search/", {"q": "Quokka"}).context["result"].items
    assert len(items) == len(PUBLIC)
