"""The staff workspace's navigation leads each member of staff only where they may go: every link
in it answers, so the intake zone sees the crisis switch and unit staff do not meet a 403."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.factories import AgencyUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def navigation(client) -> dict[str, str]:
    soup = BeautifulSoup(client.get("/agency/referrals/").content, "html.parser")
    return {link.get_text(strip=True): link["href"] for link in soup.select("nav.staff-nav a")}


@pytest.mark.parametrize("intake", [True, False], ids=["intake zone", "unit staff"])
def test_it_leads_staff_only_to_pages_that_answer(client, intake):
    user = UserFactory()
    slug = "eingangszone" if intake else "wohnen-test"
    AgencyUnitFactory(name=slug, slug=slug, is_intake=intake).staff.add(user)
    client.force_login(user)

    links = navigation(client)

    assert {"Eingang", "Prüfliste", "Statistik", "Übersetzungen", "Import"} <= set(links)
    assert ("Krisenmodus" in links) is intake
    for label, href in links.items():
        assert client.get(href).status_code == 200, label
