"""Reading the directory's public HTML the way a visitor's browser would."""

from __future__ import annotations

import json
import re
from html import unescape

from django.test.client import Client

CARD_RE = re.compile(
    r'<li class="actor-card">\s*<h3><a href="(?P<href>[^"]+)">(?P<name>.*?)</a>', re.S
)
FACET_RE = re.compile(
    r'<input type="checkbox" name="(?P<name>[a-z_]+)" value="(?P<value>[^"]*)"'
    r"[^>]*?(?P<checked> checked)?>"
    r'\s*<label for="[^"]+">.*?<span class="count"[^>]*>(?P<count>\d+)</span>',
    re.S,
)
COUNT_RE = re.compile(r'class="results__count"[^>]*>\s*(\d+)')
JSONLD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def html(response) -> str:
    return response.content.decode()


def actor_names(response) -> list[str]:
    """Names of the actors listed on a directory page, in the order shown."""
    return [unescape(match["name"]) for match in CARD_RE.finditer(html(response))]


def actor_links(response) -> list[str]:
    return [unescape(match["href"]) for match in CARD_RE.finditer(html(response))]


def result_count(response) -> int:
    match = COUNT_RE.search(html(response))
    assert match, "no result count on the page"
    return int(match.group(1))


def facet_counts(response, name: str) -> dict[str, int]:
    """The count shown beside each value of one filter; values without actors are not shown."""
    return {
        unescape(match["value"]): int(match["count"])
        for match in FACET_RE.finditer(html(response))
        if match["name"] == name
    }


def checked_values(response, name: str) -> set[str]:
    return {
        unescape(match["value"])
        for match in FACET_RE.finditer(html(response))
        if match["name"] == name and match["checked"]
    }


def jsonld(response) -> list[dict]:
    return [json.loads(block) for block in JSONLD_RE.findall(html(response))]


def page_names(client: Client, url: str = "/directory/", **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200, html(response)[:2000]
    return actor_names(response)
