"""Faults injected into a portal process at the worst moment, chosen by FAULT_HOOK.

Only tests.faults.server_settings installs this app, so no production process carries it.

- kill-after-referral-commit: the process dies (SIGKILL, no clean-up) the instant a new referral
  has committed, before anything after the commit can run.
- stop-db-in-referral: while a referral's transaction is open, after its outbox mail is written,
  the database server is shut down (FAULT_STOP_DB_COMMAND); the transaction cannot commit.
- stop-db-in-profile: the same in the middle of a profile proposal (after its ProfileChange).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess

from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_save


def _kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _stop_database() -> None:
    command = json.loads(os.environ["FAULT_STOP_DB_COMMAND"])
    subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603


class FaultHooksConfig(AppConfig):
    name = "tests.faults"
    label = "fault_hooks"

    def ready(self) -> None:
        hook = os.environ.get("FAULT_HOOK", "")
        if hook == "kill-after-referral-commit":
            post_save.connect(
                self._kill_after_commit, sender="referrals.Referral", dispatch_uid="fault"
            )
        elif hook == "stop-db-in-referral":
            post_save.connect(
                self._stop_in_transaction, sender="referrals.OutboxMail", dispatch_uid="fault"
            )
        elif hook == "stop-db-in-profile":
            post_save.connect(
                self._stop_in_transaction, sender="network.ProfileChange", dispatch_uid="fault"
            )

    @staticmethod
    def _kill_after_commit(sender, instance, created: bool, **kwargs) -> None:
        if created:
            transaction.on_commit(_kill_self)

    @staticmethod
    def _stop_in_transaction(sender, instance, created: bool, **kwargs) -> None:
        if created and transaction.get_connection().in_atomic_block:
            _stop_database()
