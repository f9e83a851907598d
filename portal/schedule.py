"""Scheduled jobs without cron: the outbox worker runs them, each a task queueing its next run.

settings.SCHEDULED_JOBS names management commands and the seconds between two runs. When the
worker starts (`manage.py worker`, which `make run` and compose.yaml's worker run), every job
without a waiting task gets one, due at once. A job's task first queues its next run, then runs
the command: a failing command keeps its schedule, a worker killed in the middle loses that one
run, which its next start queues again. All scheduled commands are safe to run again, so a
duplicate run (two workers starting at the same moment) changes nothing.

This module is part of the portal's kernel: it knows the jobs by their command names only.
"""

from __future__ import annotations

import datetime
import io
import logging

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)
BACKEND = "outbox"


def jobs() -> dict[str, int]:
    """Command name → seconds between runs."""
    return dict(getattr(settings, "SCHEDULED_JOBS", {}))


@task(backend=BACKEND)
def run_job(command: str) -> str:
    """Queue the job's next run, then run it; returns the end of what the command printed."""
    interval = jobs().get(command)
    if interval is None:
        return "no longer scheduled"
    next_run = timezone.now() + datetime.timedelta(seconds=interval)
    with transaction.atomic():
        run_job.using(run_after=next_run).enqueue(command)
    output = io.StringIO()
    call_command(command, stdout=output)
    logger.info("scheduled job %s: %s", command, output.getvalue().strip())
    return output.getvalue().strip()[-1000:]


def waiting_arguments(waiting_task: Task, backend: str) -> list[object]:
    """The first argument of each task of this kind still waiting to run (now or at its time):
    what already has its next run queued, so that nothing is queued twice."""
    tasks = DBTaskResult.objects.filter(
        backend_name=backend,
        status=TaskResultStatus.READY,
        task_path=waiting_task.module_path,
    ).values_list("args_kwargs", flat=True)
    return [args_kwargs["args"][0] for args_kwargs in tasks]


def waiting() -> set[str]:
    """The jobs that have a task waiting to run (now or at its time)."""
    return {str(command) for command in waiting_arguments(run_job, BACKEND)}


def ensure_scheduled() -> list[str]:
    """Give every scheduled job without a waiting task one, due now; returns their names."""
    with transaction.atomic():
        missing = sorted(set(jobs()) - waiting())
        for command in missing:
            run_job.enqueue(command)
    return missing
