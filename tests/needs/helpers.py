"""Reading the needs board's HTML the way a visitor's browser would."""

from __future__ import annotations

import re
from html import unescape

CARD_RE = re.compile(
    r'<li class="need-card">\s*<h3><a href="(?P<href>[^"]+)">(?P<title>.*?)</a>', re.S
)
COUNT_RE = re.compile(r'class="results__count"[^>]*>\s*(\d+)')
FACET_RE = re.compile(
    r'<input type="checkbox" name="(?P<name>[a-z_]+)" value="(?P<value>[^"]*)"'
    r"[^>]*?(?P<checked> checked)?>"
    r'\s*<label for="[^"]+">.*?<span class="count"[^>]*>(?P<count>\d+)</span>',
    re.S,
)


def html(response) -> str:
    return response.content.decode()


def need_titles(response) -> list[str]:
    """Titles of the needs listed on a board page, in the order shown."""
    return [unescape(match["title"]) for match in CARD_RE.finditer(html(response))]


def result_count(response) -> int:
    match = COUNT_RE.search(html(response))
    assert match, "no result count on the page"
    return int(match.group(1))


def facet_counts(response, name: str) -> dict[str, int]:
    return {
        unescape(match["value"]): int(match["count"])
        for match in FACET_RE.finditer(html(response))
        if match["name"] == name
    }


def board(client, **params) -> list[str]:
    response = client.get("/needs/", params)
    assert response.status_code == 200, html(response)[:2000]
    return need_titles(response)


def errors_beside(page: str, field_id: str) -> list[str]:
    """The error messages Django renders next to one field (ul#<id>_error)."""
    match = re.search(rf'<ul class="errorlist" id="{field_id}_error">(.*?)</ul>', page, re.S)
    return (
        [unescape(item) for item in re.findall(r"<li>(.*?)</li>", match.group(1))] if match else []
    )
