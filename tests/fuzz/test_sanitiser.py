"""portal.html.sanitize_html, the one gate for people's rich text, under arbitrary input."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from portal.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html
from tests.fuzz.strategies import PROFILE, hostile_text, vectors

URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")
# nh3 keeps lang and title on every tag by default, and adds rel to links.
GENERIC = {"lang", "title", "rel"}


class Elements(HTMLParser):
    """The tags and attributes a browser would build from the output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def assert_inert(cleaned: str) -> None:
    assert "<script" not in cleaned.lower()
    for tag, attrs in elements(cleaned):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | GENERIC, (tag, name)
            if name == "href":
                url = URL_NOISE.sub("", value or "").lower()
                # Relative addresses have no scheme; every absolute one is on the allow-list.
                scheme = re.match(r"^[a-z][a-z0-9+.-]*:", url)
                assert scheme is None or url.startswith(SAFE_SCHEMES), value


@PROFILE
@given(st.text())
def test_it_leaves_nothing_executable_in_any_text(text):
    assert_inert(sanitize_html(text))


@PROFILE
@given(hostile_text)
def test_it_leaves_nothing_executable_in_mixed_hostile_fragments(text):
    assert_inert(sanitize_html(text))


@PROFILE
@given(st.lists(vectors, min_size=1, max_size=4).map("".join))
def test_it_leaves_nothing_executable_in_stacked_vectors(text):
    assert_inert(sanitize_html(text))


@PROFILE
@given(st.one_of(st.text(), hostile_text))
def test_it_is_idempotent(text):
    """Saving a sanitised text again (every profile edit does) changes nothing."""
    once = sanitize_html(text)
    assert sanitize_html(once) == once
