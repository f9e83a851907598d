"""Wagtail's userbar edits the page on screen: it belongs on Wagtail's pages, not on the staff's
and members' own views, where it covered content (and, for unit staff, added a script)."""

from __future__ import annotations

import pytest

from tests.factories import AgencyUnitFactory, UserFactory

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def test_it_offers_the_userbar_to_an_administrator_on_a_wagtail_page(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    assert USERBAR in client.get("/").content.decode()


def test_it_keeps_the_userbar_out_of_the_staff_workspace(client):
    staff = UserFactory()
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(staff)
    client.force_login(staff)

    for path in ("/agency/referrals/", "/my/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert USERBAR not in response.content.decode(), path
