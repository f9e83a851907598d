"""The durable outbox: mail is written with the referral, delivered by the worker, retried.

The "outbox" task backend is django_tasks_db, so an enqueued task is a row in the same database
and transaction as the referral.
"""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from network.models import Actor
from referrals.forms import ReferralForm
from referrals.models import OutboxMail, Referral
from referrals.outbox import deliver_mail, retry_delay
from referrals.services import submit_referral
from tests.referrals.helpers import run_outbox_worker, valid_form

FAILING = "tests.referrals.mail_backends.FailingEmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
# The worker runs its tasks in transactions of its own and closes connections left inside one,
# as a separate process would: so these tests commit for real.
WORKER_DB = pytest.mark.django_db(transaction=True)


def submit(client, **changes):
    return client.post("/referral/", valid_form(**changes), REMOTE_ADDR="192.0.2.30")


def ready_tasks():
    return DBTaskResult.objects.ready().filter(backend_name="outbox")


def test_it_queues_the_confirmation_and_the_unit_notification_without_sending(
    client, units, staff_a
):
    submit(client)

    referral = Referral.objects.get()
    mails = {tuple(m.recipients): m for m in OutboxMail.objects.filter(referral=referral)}
    assert set(mails) == {
        ("amina@example.org",),
        ("anna@example.org", "auslaenderbehoerde@mia-blk.example"),
    }
    assert ready_tasks().count() == 2
    assert mail.outbox == []


@WORKER_DB
def test_it_keeps_personal_data_out_of_the_unit_notification(client, units, staff_a):
    submit(client, file_number="AZ 123/45", description="Geheimes Detail zur Familie.")
    run_outbox_worker()

    referral = Referral.objects.get()
    (notification,) = [m for m in mail.outbox if "anna@example.org" in m.to]
    text = notification.subject + notification.body
    assert referral.reference in text
    assert "/agency/referrals/" in notification.body
    for personal in ("Amina", "Haddad", "0157", "amina@example.org", "AZ 123", "Geheimes"):
        assert personal not in text
    (confirmation,) = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    assert referral.reference in confirmation.body


def test_it_sends_no_confirmation_without_an_email_address(client, units):
    submit(client, email="")

    assert not OutboxMail.objects.filter(recipients=["amina@example.org"]).exists()
    assert OutboxMail.objects.count() == 1


@WORKER_DB
def test_it_commits_the_task_with_the_referral_so_a_killed_process_loses_nothing(client, units):
    """After the commit, before any worker ran, the tasks are rows; a worker started later
    (after the web process died) delivers them."""
    response = submit(client)

    assert response.status_code == 302
    assert not transaction.get_connection().in_atomic_block
    referral = Referral.objects.get()
    tasks = list(ready_tasks())
    assert len(tasks) == 2
    assert {task.args_kwargs["args"][0] for task in tasks} == set(
        OutboxMail.objects.filter(referral=referral).values_list("pk", flat=True)
    )
    assert mail.outbox == []

    run_outbox_worker()

    assert len(mail.outbox) == 2
    assert not OutboxMail.objects.filter(sent_at__isnull=True).exists()
    assert not ready_tasks().exists()


def test_it_writes_no_mail_and_no_task_when_the_referral_is_rolled_back(units, other):
    form = ReferralForm(valid_form(categories=["sonstiges"]), actors=Actor.objects.none())
    assert form.is_valid(), form.errors
    with pytest.raises(RuntimeError), transaction.atomic():
        submit_referral(person=form.person(), referring_actor=None, acting_user=None)
        raise RuntimeError("crash before commit")

    assert not Referral.objects.exists()
    assert not OutboxMail.objects.exists()
    assert not ready_tasks().exists()


@WORKER_DB
def test_it_keeps_the_referral_and_retries_when_the_mail_server_fails(client, settings, units):
    settings.EMAIL_BACKEND = FAILING

    response = submit(client)
    run_outbox_worker("--max-tasks", "2")

    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    assert Referral.objects.count() == 1
    pending = list(OutboxMail.objects.all())
    assert [m.attempts for m in pending] == [1, 1]
    assert all(m.sent_at is None and "unreachable" in m.last_error for m in pending)
    assert not ready_tasks().exists()  # the retries wait for their time
    waiting = DBTaskResult.objects.filter(status="READY", backend_name="outbox")
    assert waiting.count() == 2
    assert all(task.run_after > timezone.now() for task in waiting)

    # The mail server is back; time passes until the retries are due.
    settings.EMAIL_BACKEND = LOCMEM
    waiting.update(run_after=timezone.now())
    run_outbox_worker()

    assert len(mail.outbox) == 2
    assert [m.attempts for m in OutboxMail.objects.all()] == [2, 2]
    assert all(m.sent_at is not None for m in OutboxMail.objects.all())


@WORKER_DB
def test_it_keeps_retrying_with_growing_waits_until_delivered(client, settings, units):
    settings.EMAIL_BACKEND = FAILING
    submit(client, email="")
    for _attempt in range(3):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_outbox_worker("--max-tasks", "1")

    notification = OutboxMail.objects.get()
    assert notification.attempts == 3
    assert notification.sent_at is None
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    settings.EMAIL_BACKEND = LOCMEM
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_outbox_worker()

    assert OutboxMail.objects.get().sent_at is not None
    assert len(mail.outbox) == 1


def test_it_doubles_the_wait_up_to_the_maximum(settings):
    settings.REFERRAL_MAIL_RETRY_SECONDS = 60
    settings.REFERRAL_MAIL_RETRY_MAX_SECONDS = 300

    waits = [retry_delay(attempt) for attempt in range(1, 6)]

    assert waits == [datetime.timedelta(seconds=s) for s in (60, 120, 240, 300, 300)]


@WORKER_DB
def test_it_never_sends_a_mail_twice(client, units):
    submit(client, email="")
    (task,) = ready_tasks()
    run_outbox_worker()

    assert deliver_mail.call(task.args_kwargs["args"][0]) == "already sent"
    assert len(mail.outbox) == 1


@WORKER_DB
def test_it_queues_mail_again_whose_worker_was_killed_while_sending(client, units):
    submit(client)
    # A worker picked the tasks up and was killed: django-tasks leaves them "running" for ever.
    ready_tasks().update(status="RUNNING")
    OutboxMail.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=20))

    call_command("requeue_outbox", stdout=StringIO())
    run_outbox_worker()

    assert OutboxMail.objects.filter(sent_at__isnull=True).count() == 0
    assert len(mail.outbox) == 2
    out = StringIO()
    call_command("requeue_outbox", stdout=out)
    assert out.getvalue().startswith("0 outbox mail(s)")


@WORKER_DB
def test_it_leaves_mail_alone_that_still_has_a_task_waiting(client, settings, units):
    settings.EMAIL_BACKEND = FAILING
    submit(client)
    run_outbox_worker()  # fails; the retries wait in the queue
    waiting = set(ready_tasks().values_list("pk", flat=True))
    OutboxMail.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(hours=1))

    call_command("requeue_outbox", stdout=StringIO())

    assert set(ready_tasks().values_list("pk", flat=True)) == waiting
