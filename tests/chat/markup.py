"""Reading body_html the way a browser would, to see what markup it really contains."""

from __future__ import annotations

from tests.html import elements

__all__ = ["elements", "is_inert"]


def is_inert(html: str) -> bool:
    """Only the chat's own markup: links to the web, line breaks, marked mentions."""
    for tag, attrs in elements(html):
        if tag not in {"a", "br", "strong"}:
            return False
        if any(name.startswith("on") for name in attrs):
            return False
        if tag == "a" and not (attrs.get("href") or "").startswith(("http://", "https://")):
            return False
        if tag == "a" and attrs.get("rel") != "nofollow noopener":
            return False
    return True
