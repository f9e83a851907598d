"""Wagtail pages are found once published and public, and no longer once unpublished,
restricted or deleted."""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction

from portal.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[tuple[str, str, str]]:
    result = client.get("/search/", {"q": query, "kind": "page"}).context["result"]
    return [(item.kind_label, str(item.title), item.url) for item in result.items]


@pytest.fixture
def page(db) -> ContentPage:
    home = HomePage.objects.first()
    page = ContentPage(title="Quokkahilfe", slug="quokkahilfe", intro="Alles über Quokkas.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_it_finds_a_published_page_by_title_and_text(client, page):
    assert found(client, "Quokkahilfe") == [("Seite", "<mark>Quokkahilfe</mark>", page.url)]
    assert found(client, "Quokkas") == [("Seite", "Quokkahilfe", page.url)]


def test_it_never_finds_a_draft(client, db):
    home = HomePage.objects.first()
    home.add_child(instance=ContentPage(title="Quokkaentwurf", slug="entwurf", live=False))
    assert found(client, "Quokkaentwurf") == []


def test_it_drops_an_unpublished_page(client, page):
    page.unpublish()
    assert found(client, "Quokkahilfe") == []


def test_it_drops_a_deleted_page(client, page):
    Page.objects.get(pk=page.pk).delete()
    assert found(client, "Quokkahilfe") == []


def test_it_hides_a_page_behind_a_password(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    page.save_revision().publish()
    assert found(client, "Quokkahilfe") == []


def test_it_follows_a_moved_page_to_its_new_address(client, page):
    home = HomePage.objects.first()
    parent = ContentPage(title="Wissen", slug="wissen")
    home.add_child(instance=parent)
    parent.save_revision().publish()
    Page.objects.get(pk=page.pk).move(parent, pos="last-child")
    assert found(client, "Quokkahilfe")[0][2] == "/wissen/quokkahilfe/"
