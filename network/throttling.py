"""Guessing a password is slowed down where it is tried, and nobody else is shut out.

The sign-in once refused an account for everyone after five wrong passwords, so anybody who knew
a username (they are shown to members in the chat) could lock its owner out. Now failures count
per client address (many names tried from one place) and per username at that address; past a
few free ones each further failure doubles the wait before that address may try again (from
LOGIN_BACKOFF_FIRST_SECONDS up to LOGIN_FAILURE_WINDOW). An address that has not failed always
has its password checked. Changing one's password asks the old one: its wrong guesses count
exactly like wrong sign-ins of that username.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from portal import ratelimit


def _sign_in_backoff(name: str, free: int) -> ratelimit.Backoff:
    return ratelimit.Backoff(
        name,
        free=free,
        first=settings.LOGIN_BACKOFF_FIRST_SECONDS,
        longest=settings.LOGIN_FAILURE_WINDOW,
        forget=settings.LOGIN_FAILURE_WINDOW,
    )


def _by_address() -> ratelimit.Backoff:
    return _sign_in_backoff("sign-in-address", settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS)


def _by_name_at_address() -> ratelimit.Backoff:
    return _sign_in_backoff("sign-in-name", settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT)


def _address(request: HttpRequest) -> str:
    return ratelimit.address_identity(ratelimit.client_address(request))


def _name_at_address(request: HttpRequest, username: str) -> str:
    return f"{username.lower()}\n{_address(request)}"


def password_wait(request: HttpRequest, username: str) -> int:
    """Seconds before this address may try a password for this name again (0: now)."""
    return max(
        _by_address().wait(_address(request)),
        _by_name_at_address().wait(_name_at_address(request, username)),
    )


def password_failed(request: HttpRequest, username: str) -> None:
    _by_address().fail(_address(request))
    _by_name_at_address().fail(_name_at_address(request, username))


def password_succeeded(request: HttpRequest, username: str) -> None:
    """Clears the name's failures at this address; the address's own count stays, or one
    account of its own would let an address go on guessing others."""
    _by_name_at_address().succeed(_name_at_address(request, username))
