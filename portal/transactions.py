"""Write transactions that survive contention: run again when they lose a lock, 503 when not.

Every write path of the portal is a service function that does its work in one transaction
(docs/transactions.md). Two people writing at the same moment can make that transaction lose:
SQLite answers "database is locked" once its busy timeout has passed, PostgreSQL aborts one of
two transactions with a serialisation failure or a deadlock, or refuses a lock that a NOWAIT
asked for. None of that is the visitor's fault and none of it is lasting, so `@retrying` runs
the whole transaction again a bounded number of times (settings.WRITE_ATTEMPTS), with a short,
growing and jittered pause. Everything of the lost attempt has rolled back, including its
on_commit callbacks, so mail and broadcasts go out once, for the attempt that committed.

Only the outermost transaction can be run again: inside an atomic block of a caller, the error
goes up to that caller's `@retrying`. When all attempts lose, `Busy` is raised; views that show
a form answer it with `busy_form` (the form again with everything typed, 503, Retry-After),
`BusyMiddleware` answers the rest (a page or JSON, 503, Retry-After).

This module is part of the portal's kernel and imports no app.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django import forms
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, OperationalError, connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# PostgreSQL's SQLSTATEs of a transaction that lost to another one and may simply run again:
# serialization_failure, deadlock_detected, lock_not_available.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# SQLite's words for a lock held by another connection (busy timeout passed) or, in shared
# cache, by another connection of the same process.
SQLITE_LOCKED = ("database is locked", "database table is locked", "database is busy")
FIRST_PAUSE_SECONDS = 0.05
LONGEST_PAUSE_SECONDS = 1.0


class Busy(OperationalError):
    """A write lost to other writers on every attempt; the visitor should try again shortly.

    An OperationalError, so that whatever does not know it still answers 503 (portal.errors).
    """

    def __init__(self, attempts: int) -> None:
        super().__init__(f"write transaction lost to concurrent writers {attempts} times")
        self.attempts = attempts
        self.retry_after = retry_after_seconds()


def attempts() -> int:
    return max(1, int(getattr(settings, "WRITE_ATTEMPTS", 5)))


def retry_after_seconds() -> int:
    return max(1, int(getattr(settings, "WRITE_RETRY_AFTER", 5)))


def is_contention(error: BaseException) -> bool:
    """True for a lost lock or serialisation conflict, false for every lasting failure."""
    if isinstance(error, Busy) or not isinstance(error, DatabaseError):
        return False
    cause = error.__cause__ or error
    sqlstate = getattr(cause, "sqlstate", None) or getattr(
        getattr(cause, "diag", None), "sqlstate", None
    )
    if sqlstate in RETRYABLE_SQLSTATES:
        return True
    message = str(error).lower()
    return isinstance(error, OperationalError) and any(words in message for words in SQLITE_LOCKED)


def pause(attempt: int) -> float:
    """Seconds to wait before the attempt after `attempt`: doubling, jittered, bounded."""
    ceiling = min(LONGEST_PAUSE_SECONDS, FIRST_PAUSE_SECONDS * 2**attempt)
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not a secret


def retrying(function: Callable[P, R]) -> Callable[P, R]:
    """Run the function in a transaction of its own, again when it loses to other writers.

    Within a caller's transaction the function runs once: only the caller can start over.
    """

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return function(*args, **kwargs)
        limit = attempts()
        for attempt in range(1, limit + 1):
            try:
                with transaction.atomic():
                    return function(*args, **kwargs)
            except DatabaseError as error:
                if not is_contention(error):
                    raise
                logger.warning(
                    "%s lost to concurrent writers (attempt %s of %s): %s",
                    function.__qualname__,
                    attempt,
                    limit,
                    error,
                )
                if attempt < limit:
                    time.sleep(pause(attempt))
        raise Busy(limit)

    return run


def busy_message() -> str:
    return " ".join(
        (
            gettext("Gerade speichern sehr viele Menschen gleichzeitig."),
            gettext("Ihre Angaben sind noch da: Bitte senden Sie das Formular gleich noch einmal."),
        )
    )


def _busy_headers(response: HttpResponse, busy: Busy) -> HttpResponse:
    response.status_code = 503
    response["Retry-After"] = str(busy.retry_after)
    response["Cache-Control"] = "no-store"
    return response


def busy_form(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    form: forms.Form,
    busy: Busy,
) -> HttpResponse:
    """The form again with everything typed and why it was not saved: nothing is lost."""
    form.add_error(None, forms.ValidationError(busy_message(), code="busy"))
    return _busy_headers(render(request, template, context), busy)


def busy_response(request: HttpRequest, busy: Busy) -> HttpResponse:
    """503 for a write that could not commit: JSON with a reason for the API, else a page."""
    accept = request.headers.get("Accept", "")
    if request.path.startswith("/api/") or ("json" in accept and "html" not in accept):
        response: HttpResponse = JsonResponse(
            {"code": "busy", "detail": busy_message(), "retry_after": busy.retry_after}
        )
    else:
        response = HttpResponse(render_to_string("busy.html"))
    return _busy_headers(response, busy)


class BusyMiddleware:
    """Answers a write that lost to other writers, wherever it was not answered already.

    Also catches contention that escaped a path without `@retrying`, so that no contention ever
    becomes a 500 page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Busy):
            return busy_response(request, exception)
        if is_contention(exception):
            logger.warning("contention outside a retrying write on %s: %s", request.path, exception)
            return busy_response(request, Busy(1))
        return None
