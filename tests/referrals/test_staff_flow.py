"""The referral page for staff: the one next step first, the rest behind "Weitere Aktionen";
the inbox in the staff workspace with its keyboard shortcuts documented."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from referrals.models import Referral, Status
from referrals.services import start_referral
from tests.referrals.factories import ReferralFactory


def page_of(client, user, referral) -> BeautifulSoup:
    client.force_login(user)
    response = client.get(f"/agency/referrals/{referral.reference}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def primary_of(soup: BeautifulSoup) -> str | None:
    section = soup.select_one(".referral-action--primary")
    return section.form["action"].rstrip("/").rsplit("/", 1)[-1] if section else None


def more_of(soup: BeautifulSoup) -> list[str]:
    more = soup.select_one("details.more-actions")
    return [form["action"].rstrip("/").rsplit("/", 1)[-1] for form in more.select("form")]


@pytest.mark.parametrize(
    ("where", "status", "primary", "more"),
    [
        ("intake", Status.RECEIVED, "assign", ["start", "forward", "close", "note"]),
        ("a", Status.RECEIVED, "start", ["assign", "forward", "close", "note"]),
        ("a", Status.ASSIGNED, "start", ["assign", "forward", "close", "note"]),
        ("a", Status.IN_PROGRESS, "close", ["assign", "forward", "note"]),
    ],
)
def test_it_offers_the_next_step_first_and_the_others_behind_more(
    client, units, staff_a, intake, where, status, primary, more
):
    referral = ReferralFactory(unit=getattr(units, where), status=status)
    user = intake if where == "intake" else staff_a
    soup = page_of(client, user, referral)
    assert primary_of(soup) == primary
    assert more_of(soup) == more
    assert len(soup.select(".referral-action--primary")) == 1
    assert "open" not in soup.select_one("details.more-actions").attrs


def test_a_closed_referral_offers_only_a_note(client, units, staff_a):
    referral = ReferralFactory(unit=units.a)
    Referral.objects.filter(pk=referral.pk).update(
        status=Status.CLOSED, outcome="helped", closed_at=referral.created_at
    )
    soup = page_of(client, staff_a, referral)
    assert primary_of(soup) is None
    assert more_of(soup) == ["note"]


def test_a_step_sent_back_with_errors_opens_the_disclosure(client, units, staff_a):
    referral = ReferralFactory(unit=units.a)
    start_referral(referral=referral, note="", acting_user=staff_a)
    client.force_login(staff_a)
    response = client.post(
        f"/agency/referrals/{referral.reference}/forward/", {"forward-unit": "", "forward-note": ""}
    )
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 400
    assert "open" in soup.select_one("details.more-actions").attrs


def test_the_primary_step_works_without_javascript(client, units, intake):
    referral = ReferralFactory(unit=units.intake)
    soup = page_of(client, intake, referral)
    form = soup.select_one(".referral-action--primary form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    data["assign-unit"] = units.a.pk
    response = client.post(form["action"], data)
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.unit, referral.status) == (units.a, Status.ASSIGNED)


def test_the_inbox_is_in_the_staff_workspace_and_documents_its_shortcuts(client, units, staff_a):
    ReferralFactory(unit=units.a)
    client.force_login(staff_a)
    soup = BeautifulSoup(client.get("/agency/referrals/").content, "html.parser")
    assert soup.select_one("nav.staff-nav")
    assert soup.select_one("script[src$='referrals/inbox-keys.js']")
    shortcuts = soup.select_one("#shortcuts").get_text()
    assert "j" in shortcuts and "k" in shortcuts and "Enter" in shortcuts
    assert soup.select(".referral-row th a")
