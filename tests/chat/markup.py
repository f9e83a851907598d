"""Reading body_html the way a browser would, to see what markup it really contains."""

from __future__ import annotations

from html.parser import HTMLParser


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


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
