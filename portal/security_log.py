"""The security log ("mia.security"): sign-ins, denials and looks at personal data.

Every record is one line of key=value pairs. Nothing in it names a person: accounts, users and
addresses appear as keyed hashes (the same value gives the same hash, so lines can be correlated
by whoever holds the log, but the log alone reveals no name, email address or IP address), and
objects by their database id. Free text from requests never goes in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

from portal.ratelimit import client_address

logger = logging.getLogger("mia.security")

# Pages that are not found because they do not exist, rather than because they are kept from
# the user, are not denials.
NOT_A_DENIAL = frozenset({"wagtail_serve"})
_LOGGED = "_security_log_denial_logged"


def pseudonym(value: str) -> str:
    """A stable keyed hash, so that log lines can be correlated without naming anyone."""
    return salted_hmac("network.accounts.log", value.lower()).hexdigest()[:16]


def user_ref(user: object) -> str:
    """The signed-in user as a keyed hash of their id, or "anonymous"."""
    if user is None or not getattr(user, "is_authenticated", False):
        return "anonymous"
    return pseudonym(f"user:{user.pk}")


def _value(value: object) -> str:
    # Values are ids, hashes and fixed words; spaces and line breaks would break the format.
    return "".join("_" if char.isspace() or char == "=" else char for char in str(value)) or "-"


def log_event(event: str, *, level: int = logging.INFO, **fields: object) -> None:
    """One line: event=<name> key=value ...; the fields must not carry personal data."""
    pairs = " ".join(f"{key}={_value(value)}" for key, value in fields.items())
    logger.log(level, "event=%s%s", event, f" {pairs}" if pairs else "")


class SecurityLogMiddleware:
    """Logs every 403, and every 404 an access helper raised, with the route, never the path.

    Paths can hold secrets (invitation and password-reset tokens), so the route pattern and the
    view's name stand in for them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 403 and not getattr(request, _LOGGED, False):
            self._log_denial(request, 403)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> None:
        if isinstance(exception, PermissionDenied):
            self._log_denial(request, 403)
        elif isinstance(exception, Http404):
            match = getattr(request, "resolver_match", None)
            if match is not None and match.view_name not in NOT_A_DENIAL:
                self._log_denial(request, 404)

    @staticmethod
    def _log_denial(request: HttpRequest, status: int) -> None:
        setattr(request, _LOGGED, True)
        match = getattr(request, "resolver_match", None)
        log_event(
            "access.denied",
            level=logging.WARNING if status == 403 else logging.INFO,
            status=status,
            method=request.method,
            view=(match.view_name if match else None) or "-",
            route=(match.route if match else None) or "-",
            user=user_ref(getattr(request, "user", None)),
        )


def sign_in_refs(request: HttpRequest, username: str) -> dict[str, str]:
    """The account and the client address of a sign-in, both as keyed hashes."""
    return {"account": pseudonym(username), "address": pseudonym(client_address(request))}
