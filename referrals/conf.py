"""The referral settings, each with a default, so that a bare installation works.

portal/settings.py defines REFERRAL_RETENTION_DAYS; the others may be set there from the
environment and are read here with getattr defaults.
"""

from __future__ import annotations

from django.conf import settings


def retention_days() -> int:
    """Days after closing until a referral's personal data is deleted."""
    return int(getattr(settings, "REFERRAL_RETENTION_DAYS", 180))


def overdue_days() -> int:
    """Days an open referral may wait before the inbox marks it overdue."""
    return int(getattr(settings, "REFERRAL_OVERDUE_DAYS", 5))


def urgent_overdue_days() -> int:
    """The same for urgent referrals: someone should have called back by then."""
    return int(getattr(settings, "REFERRAL_URGENT_OVERDUE_DAYS", 1))


def mail_retry_base_seconds() -> int:
    """First wait before a failed mail is tried again; it doubles with every attempt."""
    return int(getattr(settings, "REFERRAL_MAIL_RETRY_SECONDS", 60))


def mail_retry_max_seconds() -> int:
    """The longest wait between two attempts, so a mail server back up is used soon."""
    return int(getattr(settings, "REFERRAL_MAIL_RETRY_MAX_SECONDS", 6 * 60 * 60))
