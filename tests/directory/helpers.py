"""Reading the directory's public HTML the way a visitor's browser would."""

from __future__ import annotations

from django.test.client import Client

from tests.html import checked_values, facet_counts, jsonld, links, result_count, texts

__all__ = [
    "actor_links",
    "actor_names",
    "checked_values",
    "facet_counts",
    "html",
    "jsonld",
    "page_names",
    "result_count",
]

CARD_LINK = "li.actor-card > h3 > a"


def html(response) -> str:
    return response.content.decode()


def actor_names(response) -> list[str]:
    """Names of the actors listed on a directory page, in the order shown."""
    return texts(response, CARD_LINK)


def actor_links(response) -> list[str]:
    return links(response, CARD_LINK)


def page_names(client: Client, url: str = "/directory/", **params) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200, html(response)[:2000]
    return actor_names(response)
