"""The mail server is down and the portal process is killed the instant a referral commits: the
referral is stored exactly once and its mail waits in the outbox, which delivers it later."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
import requests

from tests.faults.services import free_port, manage, portal_environment, wait_for
from tests.faults.visitor import Visitor

pytestmark = pytest.mark.faults

NAME = "Getötete Übermittlung"


def worker(env: dict[str, str], *extra: str) -> None:
    manage(
        "db_worker",
        "--backend",
        "outbox",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        *extra,
        env=env,
    )


def test_it_loses_no_referral_and_no_mail_when_killed_after_the_commit_with_mail_down(
    postgres, database, portal
):
    closed_smtp = f"smtp://127.0.0.1:{free_port()}"
    server = portal(database, FAULT_HOOK="kill-after-referral-commit", EMAIL_URL=closed_smtp)
    visitor = Visitor(server.base)
    token = visitor.csrf_token("/referral/")
    with pytest.raises(requests.ConnectionError):
        visitor.post_referral(NAME, token=token)
    wait_for(lambda: server.process.poll() is not None, timeout=10, what="the portal's death")
    assert server.process.returncode == -9

    db = database.rsplit("/", 1)[1]
    referrals = postgres.sql(
        "SELECT id, reference FROM referrals_referral WHERE person_name = %s", (NAME,), database=db
    )
    assert len(referrals) == 1
    referral_id, reference = referrals[0]
    mail_query = (
        "SELECT id, sent_at, attempts FROM referrals_outboxmail WHERE referral_id = %s ORDER BY id"
    )
    waiting = postgres.sql(mail_query, (referral_id,), database=db)
    assert len(waiting) == 2  # the person's confirmation and the unit's notification
    assert all(sent_at is None for _, sent_at, _ in waiting)

    # The worker tries while the mail server is still down: each mail keeps its place.
    down = portal_environment(database, EMAIL_URL=closed_smtp, REFERRAL_MAIL_RETRY_SECONDS="1")
    worker(down, "--max-tasks", str(len(waiting)))
    tried = postgres.sql(mail_query, (referral_id,), database=db)
    assert [(sent_at, attempts) for _, sent_at, attempts in tried] == [(None, 1), (None, 1)]

    # The mail server is back (a file backend stands for it): the outbox delivers, once each.
    time.sleep(1.2)
    outbox = Path(tempfile.mkdtemp(prefix="faults-mail-"))
    up = portal_environment(database, FAULT_EMAIL_FILE_PATH=str(outbox))
    manage("requeue_outbox", env=up)
    worker(up)
    delivered = postgres.sql(mail_query, (referral_id,), database=db)
    assert all(sent_at is not None for _, sent_at, _ in delivered)
    sent = "".join(path.read_text() for path in outbox.iterdir())
    assert sent.count("Subject: ") == 2
    assert reference in sent
    worker(up)
    assert "".join(path.read_text() for path in outbox.iterdir()) == sent
    assert (
        postgres.sql(
            "SELECT count(*) FROM referrals_referral WHERE person_name = %s", (NAME,), database=db
        )[0][0]
        == 1
    )
    shutil.rmtree(outbox, ignore_errors=True)
