"""Agency staff are the members of an agency unit, and nothing else (issue 19).

These tests run on the test database as the migrations leave it: no `load_demo`, no groups.
The units themselves come from a data migration, as on every fresh install. Staff must be able
to do there what README.md and docs/agency.md say they do; people outside the units must not.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from network.models import AgencyUnit
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# What the docs give agency staff: the Wagtail admin, the actor import, synonyms and
# translations in the admin; the review queue, the referral inbox, the wayfinder statistics and
# the crisis switch outside it.
STAFF_PAGES = [
    "/admin/",
    "/admin/directory/import/",
    "/admin/snippets/search/synonym/",
    "/admin/translations/",
    "/my/review/",
    "/agency/referrals/",
    "/agency/wayfinder/",
    "/crisis/",
]


@pytest.fixture
def intake_staff():
    user = UserFactory(username="ines")
    AgencyUnit.objects.get(slug="eingangszone").staff.add(user)
    return user


def test_it_starts_from_a_database_without_demo_data(intake_staff):
    assert not Group.objects.filter(name="Agentur").exists()
    assert not intake_staff.groups.exists()
    assert not intake_staff.is_staff
    assert AgencyUnit.objects.filter(slug="eingangszone", is_intake=True).exists()


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_it_lets_unit_staff_do_what_the_docs_say(client, intake_staff, url):
    client.force_login(intake_staff)

    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_it_keeps_a_signed_in_outsider_out(client, url):
    client.force_login(UserFactory(username="otto"))

    assert client.get(url).status_code in {302, 403, 404}


def test_it_gives_staff_of_any_unit_the_admin(client):
    user = UserFactory(username="jonas")
    AgencyUnit.objects.get(slug="jobcenter").staff.add(user)
    client.force_login(user)

    assert user.has_perm("wagtailadmin.access_admin")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/directory/import/").status_code == 200


def test_it_takes_the_admin_away_with_the_unit_membership(client, intake_staff):
    AgencyUnit.objects.get(slug="eingangszone").staff.remove(intake_staff)
    client.force_login(intake_staff)

    assert not intake_staff.has_perm("wagtailadmin.access_admin")
    assert client.get("/admin/").status_code == 302
    assert client.get("/admin/directory/import/").status_code in {302, 403}


def test_it_gives_a_deactivated_staff_member_nothing(intake_staff):
    intake_staff.is_active = False
    intake_staff.save()

    assert not intake_staff.has_perm("wagtailadmin.access_admin")


def test_it_grants_staff_no_model_permissions_beyond_the_admin_door(intake_staff):
    assert intake_staff.get_all_permissions() == {"wagtailadmin.access_admin"}
    assert not intake_staff.has_perm("network.delete_actor")
    assert not intake_staff.has_perm("wagtailadmin.access_admin", obj=intake_staff)
