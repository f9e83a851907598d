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


def max_frame_bytes() -> int:
    """Largest text frame a socket accepts, in bytes of UTF-8.

    A 4,000-character body JSON-escaped at worst (six bytes per control character) and a
    client_id fit below it; anything larger is not a message of this protocol.
    """
    return getattr(settings, "CHAT_MAX_FRAME_BYTES", 32 * 1024)


def resume_page() -> int:
    """Most messages one `resume` answers with; the client asks again for the rest."""
    return getattr(settings, "CHAT_RESUME_PAGE", 500)


def presence_interval() -> float:
    """Shortest time between two presence frames of one channel (per server process): the
    arrivals and departures in between travel together in the next one."""
    return getattr(settings, "CHAT_PRESENCE_INTERVAL", 1.0)


def typing_interval() -> int:
    """Seconds in which one member's typing notices reach the channel at most once."""
    return getattr(settings, "CHAT_TYPING_INTERVAL", 3)


def layer_timeout() -> float:
    """Seconds a channel-layer call may take before the layer counts as down."""
    return getattr(settings, "CHAT_LAYER_TIMEOUT", 3)


def relaxed_commit() -> bool:
    """Whether a message's commit on PostgreSQL returns before its WAL reaches the disk
    (synchronous_commit off for that one statement; docs/chat-protocol.md, "Durability"):
    about 0.2 ms instead of a flush of 3 to 15 ms on this machine, at the price of the last few
    hundred milliseconds of chat should the database server itself crash. CHAT_SYNCHRONOUS_COMMIT
    = True keeps every message's flush."""
    return not getattr(settings, "CHAT_SYNCHRONOUS_COMMIT", False)
