"""A message's text as HTML: escaped, links clickable, @mentions marked, then sanitised.

The same sanitiser as all member text has the last word, so a flaw in the steps before it
still cannot let markup through that the portal does not allow anywhere.
"""

from __future__ import annotations

import re
from html import escape

from portal.html import sanitize_html

LINK = re.compile(r"(?P<url>(?:https?://|www\.)[^\s<>\"']+)", re.IGNORECASE)
MENTION = re.compile(r"(?<![\w@])@(?P<username>[\w.+-]+)")
TRAILING = ".,;:!?)]}'\""


def mentioned_usernames(body: str) -> list[str]:
    """Usernames written as @name, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in MENTION.finditer(body):
        seen.setdefault(match["username"].rstrip(TRAILING), None)
    return list(seen)


def _link(url: str) -> tuple[str, str]:
    """The link's markup and what of the match belongs after it (closing punctuation)."""
    stripped = url.rstrip(TRAILING)
    rest = url[len(stripped) :]
    href = stripped if "://" in stripped else f"https://{stripped}"
    return f'<a href="{escape(href)}">{escape(stripped)}</a>', rest


def _named(names: set[str]) -> re.Pattern[str] | None:
    """@ and a mentioned person's name as the composer inserts it, in the escaped text; the
    longest first, so that a name that begins another does not cut it short."""
    names = {name for name in names if name.strip()}
    if not names:
        return None
    choices = "|".join(
        re.escape(escape(name, quote=False)) for name in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w@])@(?:{choices})(?!\w)")


def _text(part: str, mentions: set[str], named: re.Pattern[str] | None) -> str:
    def mark(match: re.Match[str]) -> str:
        name = match["username"].rstrip(TRAILING)
        if name not in mentions:
            return match.group(0)
        return f"<strong>@{name}</strong>{match['username'][len(name) :]}"

    def mark_usernames(text: str) -> str:
        return MENTION.sub(mark, text)

    text = escape(part, quote=False)
    if named is None:
        return mark_usernames(text)
    pieces: list[str] = []
    position = 0
    for match in named.finditer(text):
        pieces.append(mark_usernames(text[position : match.start()]))
        pieces.append(f"<strong>{match.group(0)}</strong>")
        position = match.end()
    pieces.append(mark_usernames(text[position:]))
    return "".join(pieces)


def render_body(
    body: str, *, mentions: set[str] | None = None, names: set[str] | None = None
) -> str:
    """HTML for a body; only the given usernames and names (of people who can read it) are
    marked: @username as typed by hand, @name as the composer inserts a chosen person."""
    mentions = mentions or set()
    named = _named(names or set())
    pieces: list[str] = []
    position = 0
    for match in LINK.finditer(body):
        pieces.append(_text(body[position : match.start()], mentions, named))
        link, rest = _link(match["url"])
        pieces.append(link + escape(rest))
        position = match.end()
    pieces.append(_text(body[position:], mentions, named))
    html = "".join(pieces).replace("\r\n", "\n").replace("\n", "<br>")
    return sanitize_html(html)
