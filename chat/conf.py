"""Limits of the chat, each overridable in the settings so that tests and deployments tune them."""

from __future__ import annotations

from django.conf import settings

MAX_BODY_LENGTH = 4000
CLIENT_ID_MAX_LENGTH = 64


def rate_limit() -> int:
    """Messages a member may post within one window before posts are refused."""
    return getattr(settings, "CHAT_RATE_LIMIT", 20)


def rate_window() -> int:
    """Length of the rate-limit window in seconds."""
    return getattr(settings, "CHAT_RATE_WINDOW", 10)


def history_on_connect() -> int:
    """How many of the latest messages a socket gets when it connects."""
    return getattr(settings, "CHAT_HISTORY_ON_CONNECT", 50)


def page_size() -> int:
    """Messages per page of the history API and the server-rendered fallback."""
    return getattr(settings, "CHAT_PAGE_SIZE", 50)


def presence_timeout() -> int:
    """Seconds a presence entry survives a server that died without saying goodbye."""
    return getattr(settings, "CHAT_PRESENCE_TIMEOUT", 6 * 60 * 60)
