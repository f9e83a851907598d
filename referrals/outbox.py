"""The durable outbox: mail written into the database with the change that causes it.

`queue_mail` stores an OutboxMail row and enqueues a django-tasks task on the "outbox" backend
(django_tasks_db) inside the caller's transaction: both rows commit with the referral or not at
all, so a crash after the commit loses nothing, and a rolled-back referral sends nothing.

`manage.py db_worker --backend outbox` runs `deliver_mail`. django-tasks does not retry by itself,
so a failed attempt is counted on the row and the next attempt is enqueued with `run_after`,
waiting twice as long each time (conf.mail_retry_base_seconds up to mail_retry_max_seconds), until
the mail is delivered. The attempt and its successor task are written in one transaction.

A worker killed in the middle of a task leaves that task "running" for ever, and a task that fails
outside the mail transport has no successor; `requeue_stalled` (`manage.py requeue_outbox`, run at
start and every few minutes) gives such mail a new task. Duplicate tasks are harmless: delivery
locks the row and skips mail already sent.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from portal.schedule import waiting_arguments
from referrals import conf
from referrals.models import OutboxMail, Referral

logger = logging.getLogger(__name__)
OUTBOX_BACKEND = "outbox"
# Unsent mail whose attempt was due this long ago, with no task waiting for it, has lost its task.
STALLED_AFTER = datetime.timedelta(minutes=15)


def queue_mail(
    *,
    to: Iterable[str],
    subject: str,
    template: str,
    context: dict[str, object],
    referral: Referral | None = None,
) -> OutboxMail | None:
    """Write the mail and its delivery task in the current transaction; None without recipients."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return None
    mail = OutboxMail.objects.create(
        referral=referral,
        recipients=recipients,
        subject=" ".join(subject.split())[:200],
        body=render_to_string(template, context),
    )
    deliver_mail.enqueue(mail.pk)
    return mail


def retry_delay(attempts: int) -> datetime.timedelta:
    seconds = conf.mail_retry_base_seconds() * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, conf.mail_retry_max_seconds()))


@task(backend=OUTBOX_BACKEND)
def deliver_mail(mail_id: int) -> str:
    """Send one outbox mail; on failure count the attempt and enqueue the next one."""
    with transaction.atomic():
        mail = OutboxMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None:
            return "gone"
        if mail.sent_at is not None:
            return "already sent"
        mail.attempts += 1
        try:
            send_mail(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, mail.recipients)
        except Exception as error:  # any transport error: keep the mail and try again later
            logger.warning("outbox mail %s failed (attempt %s): %s", mail.pk, mail.attempts, error)
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            mail.next_attempt_at = timezone.now() + retry_delay(mail.attempts)
            mail.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            deliver_mail.using(run_after=mail.next_attempt_at).enqueue(mail.pk)
            return "retry scheduled"
        mail.sent_at = timezone.now()
        mail.next_attempt_at = None
        mail.save(update_fields=["attempts", "sent_at", "next_attempt_at"])
    return "sent"


def _waiting_mail_ids() -> set[int]:
    """Mail that still has a task waiting to run (now or at its retry time)."""
    return {int(pk) for pk in waiting_arguments(deliver_mail, OUTBOX_BACKEND)}


def requeue_stalled(*, now: datetime.datetime | None = None) -> int:
    """Give each unsent mail that lost its delivery task a new one; returns how many."""
    now = now or timezone.now()
    cutoff = now - STALLED_AFTER
    overdue = OutboxMail.objects.filter(sent_at__isnull=True).filter(
        Q(next_attempt_at__lt=cutoff) | Q(next_attempt_at__isnull=True, created_at__lt=cutoff)
    )
    count = 0
    with transaction.atomic():
        waiting = _waiting_mail_ids()
        for mail in overdue.exclude(pk__in=waiting).select_for_update(skip_locked=True):
            logger.warning("outbox mail %s lost its delivery task; queued again", mail.pk)
            mail.next_attempt_at = now
            mail.save(update_fields=["next_attempt_at"])
            deliver_mail.enqueue(mail.pk)
            count += 1
    return count
