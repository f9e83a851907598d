"""The bounded retry of write transactions (portal.transactions), inside one process: a write that
loses to other writers runs again whole, its side effects only once; when it keeps losing, the
visitor gets a 503 with Retry-After and, on a form, everything typed back."""

from __future__ import annotations

import psycopg.errors
import pytest
from django.db import IntegrityError, OperationalError, transaction

from needs.models import HelpOffer
from portal.transactions import Busy, is_contention, retrying
from referrals.models import OutboxMail, Referral
from tests.factories import NeedFactory
from tests.referrals.conftest import units  # noqa: F401 - the fixture, for the referral form
from tests.referrals.helpers import valid_form

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def few_attempts(settings):
    settings.WRITE_ATTEMPTS = 3
    settings.WRITE_RETRY_AFTER = 7


def losing(times: int, error: Exception | None = None):
    """A stand-in for a statement that loses its lock the first `times` times it runs."""
    calls = []

    def run(*args, **kwargs):
        calls.append(1)
        if len(calls) <= times:
            raise error or OperationalError("database is locked")

    run.calls = calls
    return run


def contention_from(sqlstate_error: type[Exception]) -> OperationalError:
    error = OperationalError("could not serialize access")
    error.__cause__ = sqlstate_error()
    return error


def test_it_tells_contention_from_lasting_failures():
    assert is_contention(OperationalError("database is locked"))
    assert is_contention(OperationalError("database table is locked: referrals_referral"))
    assert is_contention(contention_from(psycopg.errors.SerializationFailure))
    assert is_contention(contention_from(psycopg.errors.DeadlockDetected))
    assert is_contention(contention_from(psycopg.errors.LockNotAvailable))
    assert not is_contention(OperationalError("no such table: referrals_referral"))
    assert not is_contention(IntegrityError("UNIQUE constraint failed"))
    assert not is_contention(contention_from(psycopg.errors.UndefinedTable))
    assert not is_contention(ValueError("database is locked"))


def test_it_runs_the_whole_transaction_again_and_its_side_effects_once():
    stumble = losing(2)
    committed = []

    @retrying
    def write(name: str) -> Referral:
        OutboxMail.objects.create(recipients=["a@example.org"], subject=name, body="b")
        transaction.on_commit(lambda: committed.append(name))
        stumble()
        return name

    assert write("Versuch") == "Versuch"
    assert len(stumble.calls) == 3
    assert OutboxMail.objects.filter(subject="Versuch").count() == 1
    assert committed == ["Versuch"]


def test_it_gives_up_after_the_bounded_attempts_with_nothing_saved():
    stumble = losing(100)
    committed = []

    @retrying
    def write() -> None:
        OutboxMail.objects.create(recipients=["a@example.org"], subject="nie", body="b")
        transaction.on_commit(lambda: committed.append(1))
        stumble()

    with pytest.raises(Busy) as raised:
        write()

    assert len(stumble.calls) == 3
    assert raised.value.retry_after == 7
    assert not OutboxMail.objects.exists()
    assert committed == []


def test_it_does_not_retry_lasting_failures():
    stumble = losing(1, IntegrityError("UNIQUE constraint failed"))

    with pytest.raises(IntegrityError):
        retrying(stumble)()

    assert len(stumble.calls) == 1


def test_it_leaves_the_retry_to_the_outermost_transaction():
    stumble = losing(1)

    with pytest.raises(OperationalError), transaction.atomic():
        retrying(stumble)()

    assert len(stumble.calls) == 1


@pytest.mark.usefixtures("units")
def test_it_stores_a_referral_that_lost_its_lock_twice(client, monkeypatch):
    import referrals.services

    stumble = losing(2)
    route = referrals.services.route
    monkeypatch.setattr(
        referrals.services, "route", lambda *a, **kw: (stumble(), route(*a, **kw))[1]
    )

    response = client.post("/referral/", valid_form(person_name="Zweimal Gewartet"))

    assert response.status_code == 302
    assert Referral.objects.filter(person_name="Zweimal Gewartet").count() == 1
    assert OutboxMail.objects.filter(referral__person_name="Zweimal Gewartet").count() == 2


@pytest.mark.usefixtures("units")
def test_it_gives_the_referral_form_back_with_everything_typed_when_it_cannot_commit(
    client, monkeypatch
):
    monkeypatch.setattr("referrals.services.route", losing(100))

    response = client.post(
        "/en/referral/",
        valid_form(person_name="Nadia Nochmal", description="Bitte um Rückruf wegen Wohnung."),
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    page = response.content.decode()
    assert 'lang="en"' in page
    assert 'value="Nadia Nochmal"' in page
    assert "Bitte um Rückruf wegen Wohnung." in page
    assert "please send the form again in a moment" in page
    assert not Referral.objects.exists()
    assert not OutboxMail.objects.exists()


def test_it_gives_the_help_form_back_with_everything_typed_when_it_cannot_commit(
    client, monkeypatch
):
    need = NeedFactory()
    monkeypatch.setattr("needs.services.audit.record", losing(100))

    response = client.post(
        f"/needs/{need.pk}/",
        {
            "name": "Hanna Helfer",
            "email": "hanna@example.org",
            "phone": "",
            "message": "Ich habe dienstags Zeit.",
            "consent": "on",
            "website": "",
        },
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    page = response.content.decode()
    assert 'value="Hanna Helfer"' in page and "Ich habe dienstags Zeit." in page
    assert "Bitte senden Sie das Formular gleich noch einmal" in page
    assert not HelpOffer.objects.exists()


def test_it_answers_the_api_with_a_json_503_and_a_reason(client, monkeypatch):
    from tests.factories import UserFactory

    member = UserFactory()
    from chat.models import Channel, ChannelMembership

    channel = Channel.objects.create(slug="testkanal", name="Testkanal")
    ChannelMembership.objects.create(channel=channel, user=member)
    client.force_login(member)
    monkeypatch.setattr("chat.services.render_body", losing(100))

    response = client.post(
        "/api/v1/chat/testkanal/messages/",
        {"body": "Hallo", "client_id": "c1"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies.get("csrftoken", "x"),
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    assert response.json()["code"] == "busy"
    assert response.json()["detail"]
    assert not channel.messages.exists()


def test_it_answers_a_write_path_without_a_form_with_a_503_page():
    from django.test import RequestFactory

    from portal.transactions import BusyMiddleware

    request = RequestFactory().post("/agency/referrals/X/start/")
    middleware = BusyMiddleware(lambda request: None)

    response = middleware.process_exception(request, Busy(3))
    escaped = middleware.process_exception(request, OperationalError("database is locked"))

    assert response.status_code == escaped.status_code == 503
    assert response["Retry-After"] == "7"
    assert "nichts halb gespeichert" in response.content.decode()
    assert middleware.process_exception(request, OperationalError("no such table")) is None


def test_it_gives_a_members_need_form_back_with_everything_typed_when_it_cannot_commit(
    client, monkeypatch, terms
):
    from network.models import Membership
    from tests.factories import ActorFactory, MembershipFactory, UserFactory
    from tests.needs.test_member_pages import form_data

    coordinator = UserFactory()
    actor = ActorFactory()
    MembershipFactory(user=coordinator, actor=actor, role=Membership.Role.COORDINATOR)
    client.force_login(coordinator)
    monkeypatch.setattr("needs.services.audit.record", losing(100))

    response = client.post(
        f"/my/actors/{actor.slug}/needs/new/", form_data(terms, title="Lesepatenschaft Zeitz")
    )

    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    page = response.content.decode()
    assert 'value="Lesepatenschaft Zeitz"' in page
    assert "Bitte senden Sie das Formular gleich noch einmal" in page
    assert not actor.needs.exists()
