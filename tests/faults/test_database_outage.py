"""The database goes away for a moment: a friendly 503 page in the visitor's language, nothing
half-saved, and the portal serves again by itself once the database is back."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.faults.services import PYTHON, ROOT, portal_environment, wait_for
from tests.faults.visitor import Visitor

pytestmark = pytest.mark.faults

LEAKS = ("Traceback", "OperationalError", "psycopg", "postgres://", "SECRET_KEY", "DATABASES")


def count(postgres, database_url: str, sql: str, *params: str) -> int:
    return postgres.sql(sql, params, database=database_url.rsplit("/", 1)[1])[0][0]


def referral_rows(postgres, database_url: str, name: str) -> dict[str, int]:
    """Everything a referral writes: the referral, its timeline entry, its outbox mail and tasks."""
    return {
        "referral": count(
            postgres,
            database_url,
            "SELECT count(*) FROM referrals_referral WHERE person_name = %s",
            name,
        ),
        "events": count(postgres, database_url, "SELECT count(*) FROM referrals_referralevent"),
        "outbox": count(postgres, database_url, "SELECT count(*) FROM referrals_outboxmail"),
        "tasks": count(
            postgres, database_url, "SELECT count(*) FROM django_tasks_database_dbtaskresult"
        ),
    }


def assert_friendly(response, language: str) -> None:
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert f'lang="{language}"' in response.text
    for leak in LEAKS:
        assert leak not in response.text


def test_it_answers_503_in_the_visitors_language_while_the_database_is_gone(
    postgres, database, portal
):
    server = portal(database)
    visitor = Visitor(server.base)
    token = visitor.csrf_token("/referral/")
    postgres.stop("fast")
    try:
        assert_friendly(visitor.get("/"), "de")
        assert_friendly(visitor.get("/en/directory/"), "en")
        arabic = visitor.get("/ar/events/")
        assert_friendly(arabic, "ar")
        assert 'dir="rtl"' in arabic.text
        assert_friendly(visitor.post_referral("Während des Ausfalls", token=token), "de")
        api = visitor.get("/api/v1/actors/")
        assert api.status_code == 503
        assert api.headers["Content-Type"] == "application/json"
        assert set(api.json()) == {"detail"}
    finally:
        postgres.start()
    took = wait_for(
        lambda: visitor.get("/directory/").status_code == 200, timeout=30, what="recovery"
    )
    print(f"\nrecovered {took:.2f} s after PostgreSQL answered again")
    assert took < 5
    assert visitor.post_referral("Nach dem Ausfall").status_code == 302
    assert referral_rows(postgres, database, "Nach dem Ausfall")["referral"] == 1


def test_it_keeps_nothing_of_a_referral_whose_transaction_the_outage_cut(
    postgres, database, portal
):
    before = referral_rows(postgres, database, "Halb gespeichert")
    stop = json.dumps(postgres.stop_command("immediate"))
    server = portal(database, FAULT_HOOK="stop-db-in-referral", FAULT_STOP_DB_COMMAND=stop)
    visitor = Visitor(server.base)
    token = visitor.csrf_token("/referral/")
    try:
        assert_friendly(visitor.post_referral("Halb gespeichert", token=token), "de")
    finally:
        postgres.start_if_stopped()
    assert referral_rows(postgres, database, "Halb gespeichert") == before

    server.stop()
    again = Visitor(portal(database).base)
    assert again.post_referral("Halb gespeichert").status_code == 302
    after = referral_rows(postgres, database, "Halb gespeichert")
    assert after["referral"] == 1
    assert after["events"] == before["events"] + 1
    assert after["outbox"] > before["outbox"]
    assert after["tasks"] == before["tasks"] + after["outbox"] - before["outbox"]


PROPOSE_NEW_ACTOR = """
from django.contrib.auth import get_user_model
from network.models import Actor, ActorKind
from network.profiles import submit_change
user = get_user_model().objects.get(username="editor")
actor = Actor(name="Verein im Ausfall", kind=ActorKind.ASSOCIATION,
              short_description="Ein Verein, der während eines Ausfalls angelegt wird.")
submit_change(actor=actor, acting_user=user)
"""


def profile_rows(postgres, database_url: str) -> dict[str, int]:
    name = "Verein im Ausfall"
    return {
        "actor": count(
            postgres, database_url, "SELECT count(*) FROM network_actor WHERE name = %s", name
        ),
        "membership": count(
            postgres,
            database_url,
            "SELECT count(*) FROM network_membership m JOIN network_actor a ON a.id = m.actor_id"
            " WHERE a.name = %s",
            name,
        ),
        "change": count(
            postgres,
            database_url,
            "SELECT count(*) FROM network_profilechange c JOIN network_actor a ON a.id = c.actor_id"
            " WHERE a.name = %s",
            name,
        ),
        "revision": count(
            postgres,
            database_url,
            "SELECT count(*) FROM wagtailcore_revision WHERE object_str = 'Verein im Ausfall'",
        ),
        "audit": count(postgres, database_url, "SELECT count(*) FROM network_auditentry"),
    }


def test_it_keeps_nothing_of_a_profile_proposal_whose_transaction_the_outage_cut(
    postgres, database
):
    before = profile_rows(postgres, database)
    stop = json.dumps(postgres.stop_command("immediate"))
    env = portal_environment(database, FAULT_HOOK="stop-db-in-profile", FAULT_STOP_DB_COMMAND=stop)
    try:
        cut = subprocess.run(  # noqa: S603 - our own manage.py
            [PYTHON, "manage.py", "shell", "-c", PROPOSE_NEW_ACTOR],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        postgres.start_if_stopped()
    assert cut.returncode != 0
    assert "OperationalError" in cut.stderr or "InterfaceError" in cut.stderr
    assert profile_rows(postgres, database) == before

    env = portal_environment(database)
    subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", "shell", "-c", PROPOSE_NEW_ACTOR],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    after = profile_rows(postgres, database)
    assert after["actor"] == after["membership"] == after["change"] == after["revision"] == 1
    assert after["audit"] > before["audit"]
