"""The one place where HTML from people is made safe (nh3, the maintained successor of bleach)."""

from __future__ import annotations

import html
import re

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "a", "em", "strong", "b", "i", "h2", "h3", "h4", "blockquote"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Halves of a UTF-16 pair on their own: JSON's "\ud800" escapes decode to them, and UTF-8
# (nh3, the database, every response) cannot carry them.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(value: str) -> str:
    return LONE_SURROGATE.sub("\ufffd", value)


def sanitize_html(value: str) -> str:
    """Keep the allow-listed structure of rich text and drop everything else, never executing it.

    Links get rel="nofollow noopener" so that member content passes no ranking and cannot reach
    back into the portal's window.
    """
    if not value:
        return ""
    return nh3.clean(
        _encodable(value),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="nofollow noopener",
        strip_comments=True,
    )


def html_to_text(value: str) -> str:
    """Plain text of sanitised HTML, for search documents and meta descriptions."""
    return " ".join(html.unescape(nh3.clean(_encodable(value or ""), tags=set())).split())
