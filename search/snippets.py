"""Passages and titles with the matched words marked, safe to put into a page.

Backends mark matches with MARK_START/MARK_END (private-use characters, never markup); `render`
escapes everything else and only then turns those into <mark>, so indexed text cannot inject
HTML whatever it contains.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import WORD_RE, fold, stem
from search.backends.base import MARK_END, MARK_START

PASSAGE_LENGTH = 220


def _matches(word: str, terms: Sequence[Sequence[str]]) -> bool:
    forms = (stem(word), fold(word))
    return any(form.startswith(prefix) for term in terms for prefix in term for form in forms)


def mark(text: str, terms: Sequence[Sequence[str]]) -> str:
    """The whole text with every word matching a query term marked."""
    parts: list[str] = []
    position = 0
    for match in WORD_RE.finditer(text):
        if _matches(match.group(), terms):
            parts += [text[position : match.start()], MARK_START, match.group(), MARK_END]
            position = match.end()
    parts.append(text[position:])
    return "".join(parts)


def passage(text: str, terms: Sequence[Sequence[str]], length: int = PASSAGE_LENGTH) -> str:
    """The stretch of the text around its first matched word, marked, cut at word boundaries."""
    text = " ".join(text.split())
    first = next((m.start() for m in WORD_RE.finditer(text) if _matches(m.group(), terms)), 0)
    start = max(0, first - length // 4)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    excerpt = text[start:end]
    return ("… " if start else "") + mark(excerpt, terms) + (" …" if end < len(text) else "")


def render(marked: str) -> SafeString:
    """Escaped text with the marked words in <mark>."""
    html = escape(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # Everything is escaped first; only our own markers become tags afterwards.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703
