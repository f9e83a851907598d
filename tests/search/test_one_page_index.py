"""One index of pages: the public's search and the admin's page search read the same index,
and nothing of pages is written into Wagtail's own."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from portal.models import ContentPage, HomePage
from search.models import IndexEntry as OurIndexEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(username="sabine", is_superuser=True, is_staff=True)


def add_page(title: str, *, publish: bool = True, **fields) -> ContentPage:
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), live=publish, **fields)
    HomePage.objects.first().add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def public_titles(client, query: str) -> list[str]:
    result = client.get("/search/", {"q": query, "kind": "page"}).context["result"]
    return [BeautifulSoup(str(item.title), "html.parser").get_text() for item in result.items]


def admin_titles(client, query: str) -> list[str]:
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    return [str(page.title) for page in response.context["pages"]]


def test_it_finds_a_page_in_public_and_admin_search_from_the_one_index(client, superuser):
    page = add_page("Quokkahilfe", intro="Beratung für Quokkahalter.")

    client.force_login(superuser)
    # Words of the text, stems and folded umlauts work alike in both: it is the same index.
    assert public_titles(client, "quokkahalter") == ["Quokkahilfe"]
    assert admin_titles(client, "quokkahalter") == ["Quokkahilfe"]
    assert OurIndexEntry.objects.filter(kind="page", object_id=str(page.pk)).exists()


def test_it_finds_a_draft_only_in_the_admin(client, superuser):
    add_page("Quokkaentwurf", publish=False)

    client.force_login(superuser)
    assert public_titles(client, "Quokkaentwurf") == []
    assert admin_titles(client, "Quokkaentwurf") == ["Quokkaentwurf"]


def test_it_writes_nothing_of_pages_into_wagtails_index(superuser):
    page = add_page("Quokkahilfe", intro="Beratung.")
    page.title = "Quokkahilfe neu"
    page.save_revision(user=superuser).publish()

    page_types = set(Page.objects.values_list("content_type_id", flat=True))
    page_types.add(ContentType.objects.get_for_model(Page).pk)
    assert not IndexEntry.objects.filter(content_type_id__in=page_types).exists()
    assert OurIndexEntry.objects.get(kind="page", object_id=str(page.pk)).title == "Quokkahilfe neu"


def test_it_keeps_the_admins_order_and_serves_the_page_chooser(client, superuser):
    add_page("Quokka Bern", intro="Quokkaberatung.")
    add_page("Quokka Aachen", intro="Quokkaberatung.")
    add_page("Wombat", intro="Nichts davon.")

    client.force_login(superuser)
    ordered = client.get("/admin/pages/search/", {"q": "quokkaberatung", "ordering": "title"})
    chooser = client.get("/admin/choose-page/search/", {"q": "quokkaberatung"})

    assert [str(page.title) for page in ordered.context["pages"]] == [
        "Quokka Aachen",
        "Quokka Bern",
    ]
    assert chooser.status_code == 200
    assert "Quokka Aachen" in chooser.content.decode() and "Wombat" not in chooser.content.decode()
