"""Who may change what in the Wagtail admin: staff the vocabularies, administrators the rest."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from network.models import AgencyUnit, Topic
from tests.factories import ActorFactory, MembershipFactory, UserFactory


def _with_admin_access(user):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def staff(db):
    user = _with_admin_access(UserFactory(username="ines"))
    AgencyUnit.objects.get(slug="eingangszone").staff.add(user)
    return user


@pytest.fixture
def editor(db):
    user = _with_admin_access(UserFactory(username="emil"))
    MembershipFactory(user=user, actor=ActorFactory())
    return user


def test_it_lets_agency_staff_rename_a_topic(client, staff):
    topic = Topic.objects.order_by("pk").first()
    client.force_login(staff)

    listing = client.get("/admin/snippets/network/topic/")
    response = client.post(
        f"/admin/snippets/network/topic/edit/{topic.pk}/",
        {"name": "Sprache und Deutschkurse", "slug": topic.slug},
    )

    assert listing.status_code == 200
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Sprache und Deutschkurse"


def test_it_keeps_vocabulary_deletion_with_administrators(client, staff):
    topic = Topic.objects.order_by("pk").first()
    client.force_login(staff)

    client.post(f"/admin/snippets/network/topic/delete/{topic.pk}/")

    assert Topic.objects.filter(pk=topic.pk).exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/network/actor/",
        "/admin/snippets/network/agencyunit/",
    ],
)
def test_it_keeps_actors_and_units_with_administrators(client, staff, path):
    client.force_login(staff)

    assert client.get(path).status_code in {302, 403}


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/network/topic/",
        "/admin/snippets/network/language/",
        "/admin/snippets/network/municipality/",
        "/admin/snippets/network/targetgroup/",
    ],
)
def test_it_keeps_members_out_of_the_vocabularies(client, editor, path):
    client.force_login(editor)

    assert client.get(path).status_code in {302, 403}
