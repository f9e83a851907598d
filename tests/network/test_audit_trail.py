"""One audit trail: what our services record and what Wagtail records of pages stand in the same
history, the admin's site history, under labels staff can read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from chat.models import ChannelMembership
from network.audit import record
from network.models import AuditEntry
from network.profiles import profile_status, submit_change
from portal.models import ContentPage, HomePage
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="sabine", is_superuser=True, is_staff=True)


def history_rows(client) -> list[str]:
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(row.get_text(" ").split()) for row in soup.select("tbody tr")]


def test_it_shows_a_page_publish_and_a_profile_approval_in_the_one_history(
    client, staff, superuser
):
    page = ContentPage(title="Quokkahilfe", slug="quokkahilfe")
    HomePage.objects.first().add_child(instance=page)
    page.save_revision(user=superuser).publish(user=superuser)
    actor = ActorFactory(name="Willkommen in Zeitz e. V.", short_description="Ämter.")
    editor = MembershipFactory(actor=actor).user
    proposed = profile_status(actor).version_to_edit()
    proposed.short_description = "Ämter und Ärzte."
    change = submit_change(actor=proposed, acting_user=editor)
    client.force_login(staff)
    assert client.post(f"/my/review/{change.pk}/approve/").status_code == 302

    client.force_login(superuser)
    rows = history_rows(client)

    assert any("Quokkahilfe" in row and "sabine" in row for row in rows)
    assert any(
        "Willkommen in Zeitz e. V." in row and "Profiländerung freigegeben" in row for row in rows
    )


def test_it_lets_agency_staff_read_the_history_of_the_network(client, staff):
    actor = ActorFactory(name="Tafel Zeitz")
    record("profile.confirmed", user=staff, actor=actor, obj=actor)
    outsider = UserFactory(username="otto")

    client.force_login(staff)
    assert any(
        "Tafel Zeitz" in row and "Profil als aktuell bestätigt" in row
        for row in history_rows(client)
    )
    client.force_login(outsider)
    assert client.get("/admin/reports/site-history/").status_code in (302, 403)


def test_it_writes_each_entry_into_wagtails_log_with_the_actor_it_concerns(staff):
    actor = ActorFactory(name="Tafel Zeitz")
    entry = record("profile.confirmed", user=staff, actor=actor, obj=actor)

    assert ModelLogEntry.objects.get(pk=entry.pk).action == "profile.confirmed"
    assert list(log_registry.get_logs_for_instance(actor)) == [entry.modellogentry_ptr]
    assert AuditEntry.objects.get(actor=actor).user == staff


def test_it_logs_what_concerns_no_object_on_the_actors_as_a_whole():
    entry = record("actors.imported", user=None, created=3)

    assert (entry.content_type.model, entry.user, entry.data) == (
        "contenttype",
        None,
        {"created": 3},
    )


def _actions_in_the_code() -> set[str]:
    """Every action a service records, as written in the code (with the variants of the few
    written as f-strings)."""
    actions: set[str] = set()
    for path in ROOT.glob("*/**/*.py"):
        if path.parts[len(ROOT.parts)] in {".venv", "tests", "node_modules", "demo"}:
            continue
        text = path.read_text()
        actions.update(re.findall(r'(?:record|audit)\(\s*"([a-z_]+\.[a-z_]+)"', text))
        if path.parts[-2:] == ("referrals", "services.py"):
            actions.update(
                f"referral.{name}" for name in re.findall(r'_record\(\s*"([a-z_]+)"', text)
            )
    actions.update(f"chat.member_{status}" for status in ChannelMembership.Status.values)
    actions.update({"crisis.activate", "crisis.deactivate"})
    return actions


def test_it_names_every_action_the_services_record():
    actions = _actions_in_the_code()

    assert len(actions) > 40
    assert sorted(action for action in actions if not log_registry.action_exists(action)) == []
