"""Reading the needs board's HTML the way a visitor's browser would."""

from __future__ import annotations

from tests.html import errors_beside, facet_counts, result_count, texts

__all__ = ["board", "errors_beside", "facet_counts", "html", "need_titles", "result_count"]


def html(response) -> str:
    return response.content.decode()


def need_titles(response) -> list[str]:
    """Titles of the needs listed on a board page, in the order shown."""
    return texts(response, "li.need-card > h3 > a")


def board(client, **params) -> list[str]:
    response = client.get("/needs/", params)
    assert response.status_code == 200, html(response)[:2000]
    return need_titles(response)
