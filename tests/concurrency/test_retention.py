"""Retention without cron: the worker `make run` starts runs the purges, the outbox requeue, the
needs' expiry and the profile reminders itself; helpers' replies go a set time after their need
closed."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from needs.models import HelpOffer, Need
from needs.services import mark_need_filled, purge_replies
from portal.schedule import ensure_scheduled, run_job
from referrals.models import Outcome, Status
from tests.factories import HelpOfferFactory, NeedFactory, UserFactory
from tests.referrals.factories import ReferralFactory

DAY = 24 * 60 * 60


@pytest.fixture
def schedule(settings):
    settings.REFERRAL_RETENTION_DAYS = 30
    settings.NEED_REPLY_RETENTION_DAYS = 60
    settings.SCHEDULED_JOBS = {
        "purge_referrals": DAY,
        "expire_needs": DAY,
        "purge_need_replies": DAY,
    }


def run_worker() -> str:
    """`manage.py worker` as `make run` starts it, until no task is due."""
    out = io.StringIO()
    call_command(
        "worker", "--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0", stdout=out
    )
    return out.getvalue()


def waiting_runs() -> dict[str, datetime.datetime]:
    tasks = DBTaskResult.objects.filter(
        task_path=run_job.module_path, status=TaskResultStatus.READY
    )
    return {task.args_kwargs["args"][0]: task.run_after for task in tasks}


# The worker closes connections it finds inside a transaction, as between its tasks in production:
# these tests commit, so the test's own connection is not one of them (PostgreSQL).
def test_it_runs_the_scheduled_jobs_in_the_worker_without_cron(transactional_db, schedule):
    forgotten = ReferralFactory(created_at=timezone.now() - datetime.timedelta(days=90))
    forgotten.events.update(at=timezone.now() - datetime.timedelta(days=90))
    ended = NeedFactory(end_date=timezone.localdate() - datetime.timedelta(days=2))

    output = run_worker()

    assert "purge_referrals" in output
    forgotten.refresh_from_db()
    assert (forgotten.status, forgotten.outcome) == (Status.CLOSED, Outcome.EXPIRED)
    assert forgotten.anonymised_at is not None
    ended.refresh_from_db()
    assert ended.status == Need.Status.EXPIRED
    runs = waiting_runs()
    assert set(runs) == {"purge_referrals", "expire_needs", "purge_need_replies"}
    for run_after in runs.values():
        assert run_after > timezone.now() + datetime.timedelta(hours=23)


def test_it_queues_each_job_once_however_often_the_worker_starts(transactional_db, schedule):
    assert ensure_scheduled() == ["expire_needs", "purge_need_replies", "purge_referrals"]
    assert ensure_scheduled() == []

    run_worker()
    run_worker()

    assert (
        DBTaskResult.objects.filter(
            task_path=run_job.module_path, status=TaskResultStatus.READY
        ).count()
        == 3
    )


def test_it_deletes_helpers_replies_a_set_time_after_their_need_closed(db, schedule):
    coordinator = UserFactory()
    long_filled = NeedFactory()
    recently_filled = NeedFactory()
    still_open = NeedFactory()
    for need in (long_filled, recently_filled, still_open):
        HelpOfferFactory(need=need, name="Hanna Helfer", phone="0157 1234567")
    for need in (long_filled, recently_filled):
        mark_need_filled(need=need, acting_user=coordinator)
    Need.objects.filter(pk=long_filled.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=61)
    )
    Need.objects.filter(pk=recently_filled.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=59)
    )
    Need.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )

    assert purge_replies() == 1
    assert purge_replies() == 0

    assert not HelpOffer.objects.filter(need=long_filled).exists()
    assert HelpOffer.objects.filter(need=recently_filled).count() == 1
    assert HelpOffer.objects.filter(need=still_open).count() == 1


def test_it_notes_when_a_need_closed_and_forgets_it_when_reopened(db):
    need = NeedFactory()
    assert need.closed_at is None

    mark_need_filled(need=need, acting_user=UserFactory())
    need.refresh_from_db()
    closed_at = need.closed_at
    assert closed_at is not None

    need.status = Need.Status.OPEN
    need.save(update_fields=["status", "updated_at"])
    need.refresh_from_db()
    assert need.closed_at is None
