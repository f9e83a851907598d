"""Profiles nobody confirmed for a year: a public notice, and a reminder at most once a month."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.models import Actor, AuditEntry, Membership
from tests.factories import ActorFactory, MembershipFactory, UserFactory

NOTICE = "Diese Angaben könnten veraltet sein"


def days_ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def stale(db):
    return ActorFactory(
        name="Sprachcafé Zeitz",
        slug="sprachcafe-zeitz",
        email="info@sprachcafe.example",
        last_confirmed_at=days_ago(400),
    )


@pytest.fixture
def owner(stale):
    return MembershipFactory(
        actor=stale,
        role=Membership.Role.OWNER,
        user=UserFactory(username="olga", email="olga@example.org"),
    ).user


def remind(*args: str, capture) -> str:
    out = StringIO()
    with capture(execute=True):
        call_command("remind_stale_profiles", *args, stdout=out)
    return out.getvalue()


def test_it_flags_an_unconfirmed_profile_publicly(client, stale):
    fresh = ActorFactory(name="Frauentreff", slug="frauentreff")

    assert NOTICE in client.get(stale.get_absolute_url()).content.decode()
    assert NOTICE not in client.get(fresh.get_absolute_url()).content.decode()


def test_it_reminds_the_owners_once_and_not_again_within_30_days(
    stale, owner, django_capture_on_commit_callbacks
):
    MembershipFactory(actor=stale, role=Membership.Role.EDITOR)

    output = remind(capture=django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["olga@example.org"]
    assert "Sprachcafé Zeitz" in mail.outbox[0].subject
    assert "/my/actors/sprachcafe-zeitz/" in mail.outbox[0].body
    stale.refresh_from_db()
    assert stale.last_reminded_at is not None
    assert "1 actor(s) reminded" in output
    assert AuditEntry.objects.filter(action="profile.reminded", actor=stale).count() == 1

    output = remind(capture=django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert "0 actor(s) reminded" in output
    Actor.objects.filter(pk=stale.pk).update(last_reminded_at=days_ago(31))

    remind(capture=django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2


def test_it_falls_back_to_editors_then_the_actors_address(
    stale, django_capture_on_commit_callbacks
):
    remind(capture=django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["info@sprachcafe.example"]

    editor = MembershipFactory(
        actor=stale, role=Membership.Role.EDITOR, user=UserFactory(email="emil@example.org")
    ).user
    Actor.objects.filter(pk=stale.pk).update(last_reminded_at=days_ago(31))
    remind(capture=django_capture_on_commit_callbacks)

    assert mail.outbox[-1].to == [editor.email]


def test_it_reports_actors_nobody_can_be_reminded_of(stale, django_capture_on_commit_callbacks):
    Actor.objects.filter(pk=stale.pk).update(email="")

    output = remind(capture=django_capture_on_commit_callbacks)

    assert "no address: sprachcafe-zeitz" in output
    assert not mail.outbox


def test_it_leaves_confirmed_and_unpublished_actors_alone(db, django_capture_on_commit_callbacks):
    ActorFactory(email="a@example.org", last_confirmed_at=days_ago(300))
    ActorFactory(email="b@example.org", last_confirmed_at=days_ago(400), live=False)

    output = remind(capture=django_capture_on_commit_callbacks)

    assert not mail.outbox
    assert "0 actor(s) reminded" in output


def test_it_only_lists_on_a_dry_run(stale, owner, django_capture_on_commit_callbacks):
    output = remind("--dry-run", capture=django_capture_on_commit_callbacks)

    assert "would remind: sprachcafe-zeitz → olga@example.org" in output
    assert not mail.outbox
    stale.refresh_from_db()
    assert stale.last_reminded_at is None
    assert not AuditEntry.objects.filter(action="profile.reminded").exists()


def test_it_lifts_the_notice_once_confirmed(client, stale, owner):
    client.force_login(owner)

    client.post(f"/my/actors/{stale.slug}/confirm/")

    assert NOTICE not in client.get(stale.get_absolute_url()).content.decode()
