"""Helpers' names, e-mails and phones: the need's actor, intake zone and admins only (#24)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from tests.factories import AgencyUnitFactory, HelpOfferFactory, NeedFactory, UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets/needs/helpoffer/"


def _admin_access(user):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def unit_staff(db):
    user = UserFactory(username="jobcenter-ute")
    AgencyUnitFactory(name="Jobcenter", slug="jobcenter").staff.add(user)
    return _admin_access(user)


@pytest.fixture
def offer(actor_a):
    return HelpOfferFactory(
        need=NeedFactory(actor=actor_a), name="Hanna Helfer", email="hanna@helfer.example"
    )


def _replies_url(offer) -> str:
    return f"/my/actors/{offer.need.actor.slug}/needs/{offer.need.pk}/replies/"


def test_it_hides_helpers_from_the_staff_of_other_units_in_the_admin(client, unit_staff, offer):
    client.force_login(unit_staff)

    listing = client.get(ADMIN)
    assert "Hanna Helfer" not in listing.content.decode()
    for view in ("inspect", "history", "usage"):
        answer = client.get(f"{ADMIN}{view}/{offer.pk}/")
        assert answer.status_code == 404, view
        assert "hanna@helfer.example" not in answer.content.decode()


def test_it_shows_helpers_to_the_intake_zone_in_the_admin(client, staff, offer):
    client.force_login(_admin_access(staff))

    assert "Hanna Helfer" in client.get(ADMIN).content.decode()
    inspect = client.get(f"{ADMIN}inspect/{offer.pk}/")
    assert inspect.status_code == 200
    assert "hanna@helfer.example" in inspect.content.decode()


def test_it_shows_helpers_to_administrators_in_the_admin(client, offer):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))

    assert "Hanna Helfer" in client.get(ADMIN).content.decode()
    assert client.get(f"{ADMIN}inspect/{offer.pk}/").status_code == 200


def test_it_keeps_other_units_from_the_replies_on_the_member_pages(client, unit_staff, offer):
    client.force_login(unit_staff)

    answer = client.get(_replies_url(offer))
    assert answer.status_code == 404
    refused = client.post(f"{_replies_url(offer)}{offer.pk}/status/", {"status": "declined"})
    assert refused.status_code == 404
    offer.refresh_from_db()
    assert offer.status == "new"


@pytest.mark.parametrize("persona", ["editor", "coordinator", "staff"])
def test_it_shows_the_replies_to_the_actors_members_and_the_intake_zone(
    client, request, persona, offer
):
    client.force_login(request.getfixturevalue(persona))

    answer = client.get(_replies_url(offer))
    assert answer.status_code == 200
    assert "hanna@helfer.example" in answer.content.decode()
