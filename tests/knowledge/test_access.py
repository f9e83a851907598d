"""Who reads which article, finds it in search and suggestions, and downloads its documents.

The matrix: anonymous visitors are sent to sign in, signed-in people without a membership find
nothing, members read the shared article only (404 for the staff-only one), staff of every unit
read both.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Collection

from knowledge.models import KnowledgeDocument
from knowledge.permissions import KNOWLEDGE_COLLECTION

SIGN_IN = "/accounts/login/"
READERS = ("staff_a", "staff_b", "intake", "admin")


def _client(client, personas, persona):
    if personas[persona] is not None:
        client.force_login(personas[persona])
    return client


def _urls(articles) -> dict[str, str]:
    return {
        "staff page of the staff-only article": reverse(
            "knowledge:article", kwargs={"slug": articles.staff_only.slug}
        ),
        "member page of the staff-only article": reverse(
            "my_knowledge:article", kwargs={"slug": articles.staff_only.slug}
        ),
        "staff document": articles.staff_document.url,
    }


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "partner", *READERS])
def test_it_lets_only_staff_read_a_staff_only_article(client, personas, articles, persona):
    client = _client(client, personas, persona)
    for name, url in _urls(articles).items():
        response = client.get(url)
        if persona in READERS:
            assert response.status_code == 200, name
        elif persona == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith(SIGN_IN), name
        else:
            assert response.status_code == 404, name


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "partner", *READERS])
def test_it_shares_an_article_with_members_and_no_one_else(client, personas, articles, persona):
    client = _client(client, personas, persona)
    page = client.get(reverse("my_knowledge:article", kwargs={"slug": articles.shared.slug}))
    document = client.get(articles.shared_document.url)
    if persona == "anonymous":
        assert page.status_code == document.status_code == 302
        assert page["Location"].startswith(SIGN_IN)
    elif persona == "outsider":
        assert page.status_code == document.status_code == 404
    else:
        assert page.status_code == document.status_code == 200
        assert "Einwilligung der Person" in page.content.decode()
        assert b"".join(document.streaming_content) == b"Checkliste\n"


def test_it_sends_a_member_from_the_staff_address_to_the_shared_article(client, partner, articles):
    client.force_login(partner)
    response = client.get(reverse("knowledge:article", kwargs={"slug": articles.shared.slug}))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "my_knowledge:article", kwargs={"slug": articles.shared.slug}
    )
    assert client.get(reverse("knowledge:index")).status_code == 302


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "partner", *READERS])
def test_it_finds_articles_by_audience_in_search_and_suggestions(
    client, personas, articles, persona
):
    client = _client(client, personas, persona)
    area = "knowledge" if persona in READERS else "my_knowledge"
    search = client.get(reverse(f"{area}:index"), {"q": "Wohnsitzauflage"})
    suggest = client.get(reverse(f"{area}:suggest"), {"q": "Wohnsitz"})
    shared = client.get(reverse(f"{area}:index"), {"q": "Einwilligung"})
    if persona == "anonymous":
        assert search.status_code == suggest.status_code == shared.status_code == 302
    elif persona == "outsider":
        assert search.status_code == suggest.status_code == shared.status_code == 404
    elif persona == "partner":
        assert articles.staff_only.title not in search.content.decode()
        assert suggest.json() == {"suggestions": []}
        assert articles.shared.title in shared.content.decode()
    else:
        assert articles.staff_only.title in search.content.decode()
        assert [item["label"] for item in suggest.json()["suggestions"]] == [
            articles.staff_only.title
        ]
        assert articles.shared.title in shared.content.decode()


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "partner", "staff_b"])
def test_it_keeps_articles_out_of_the_sites_search_but_for_staff(
    client, personas, articles, persona
):
    client = _client(client, personas, persona)
    for words in ("Wohnsitzauflage", "Einwilligung"):
        results = client.get(reverse("search:results"), {"q": words}).content.decode()
        suggestions = client.get(reverse("search:suggest"), {"q": words[:8]}).json()
        labels = [item["label"] for item in suggestions["suggestions"]]
        titles = {articles.staff_only.title, articles.shared.title}
        if persona == "staff_b":
            assert titles & set(labels) or any(title in results for title in titles)
        else:
            assert not any(title in results for title in titles), (persona, words)
            assert not titles & set(labels), (persona, words)


def test_it_answers_an_oversized_query_with_a_reason(client, staff_a, articles):
    client.force_login(staff_a)
    page = client.get(reverse("knowledge:index"), {"q": "x" * 201})
    suggest = client.get(reverse("knowledge:suggest"), {"q": "x" * 201})
    assert page.status_code == 400
    assert "höchstens 200 Zeichen" in page.content.decode()
    assert suggest.status_code == 400
    assert "q" in suggest.json()["errors"]


def test_it_keeps_document_files_out_of_the_public_media(client, articles, settings):
    name = articles.staff_document.file.name
    assert not (settings.MEDIA_ROOT / name).exists()
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize(
    ("persona", "in_collection", "outside"),
    [
        ("anonymous", "login", 200),
        ("partner", 404, 200),
        ("staff_b", 200, 200),
    ],
)
def test_it_keeps_the_knowledge_collection_private_and_other_documents_public(
    client, personas, articles, persona, in_collection, outside
):
    collection = Collection.get_first_root_node().add_child(name=KNOWLEDGE_COLLECTION)
    private = KnowledgeDocument.objects.create(
        title="Vorlage Vertretung", collection=collection, file=ContentFile(b"x", name="v.txt")
    )
    public = KnowledgeDocument.objects.create(
        title="Flyer", file=ContentFile(b"Flyer", name="flyer.txt")
    )
    client = _client(client, personas, persona)
    response = client.get(private.url)
    if in_collection == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(SIGN_IN)
    else:
        assert response.status_code == in_collection
    assert client.get(public.url).status_code == outside


@pytest.mark.parametrize("persona", ["anonymous", "partner", "staff_b"])
def test_it_serves_no_article_through_wagtails_page_routes(client, personas, articles, persona):
    """The tree hangs beside the site's home page, so Wagtail's page serving, which starts at
    the site's root, reaches neither the index nor an article, whoever asks: only the
    knowledge views, which ask knowledge.permissions, show them."""
    client = _client(client, personas, persona)
    index = articles.staff_only.get_parent()
    for article in (articles.staff_only, articles.shared):
        assert article.get_url() is None
        for path in (f"/{index.slug}/{article.slug}/", f"/{article.slug}/", f"/en/{article.slug}/"):
            assert client.get(path).status_code == 404, path
    assert client.get(f"/{index.slug}/").status_code == 404


@pytest.mark.parametrize("persona", ["anonymous", "partner", "staff_b"])
def test_it_keeps_articles_out_of_the_api(client, personas, articles, persona):
    """The API's searches ask for their own kinds only: no article answers, whoever asks."""
    client = _client(client, personas, persona)
    titles = (articles.staff_only.title, articles.shared.title)
    for endpoint in ("/api/v1/actors/", "/api/v1/needs/", "/api/v1/events/"):
        for words in ("Wohnsitzauflage", "Einwilligung"):
            response = client.get(endpoint, {"q": words})
            assert response.status_code == 200, (endpoint, response.content)
            assert not any(title in response.content.decode() for title in titles), endpoint
