"""The demo's knowledge base: real articles of every unit, each with its English translation,
some shared with members."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from demo.knowledge import ARTICLES, load_demo
from demo.network.accounts import ensure_accounts
from demo.network.curated import COORDINATOR_ACTOR_SLUG
from knowledge.models import ArticleKind, Audience, KnowledgeArticlePage
from knowledge.permissions import is_private_document
from tests.factories import ActorFactory


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    ActorFactory(slug=COORDINATOR_ACTOR_SLUG, name="Lernpaten Hohenmölsen")
    ensure_accounts(settings.DEMO_PASSWORD)
    return load_demo()


def test_it_writes_the_demo_articles_once(demo):
    german = KnowledgeArticlePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    assert demo == len(ARTICLES) >= 15
    assert german.count() == len(ARTICLES)
    assert german.values("unit").distinct().count() >= 6
    assert german.filter(audience=Audience.MEMBERS).count() >= 5
    assert german.stale().exists()
    # Checklists and templates come as documents, kept in the knowledge base's private collection.
    for article in german.filter(kind__in=[ArticleKind.CHECKLIST, ArticleKind.TEMPLATE]):
        documents = [attachment.document for attachment in article.attachments.all()]
        assert documents, article.slug
        assert all(is_private_document(document) for document in documents), article.slug
    english = KnowledgeArticlePage.objects.live().filter(locale__language_code="en")
    for article in german:
        translation_ = english.get(translation_key=article.translation_key)
        assert translation_.title != article.title, article.slug
        assert translation_.body and translation_.body != article.body, article.slug
    assert load_demo() == 0
    assert german.count() == len(ARTICLES)


def test_it_shows_the_english_translation_in_english(client, demo):
    article = KnowledgeArticlePage.objects.get(
        slug="wohnsitzauflage-aendern", locale__language_code=settings.LANGUAGE_CODE
    )
    client.force_login(article.unit.staff.first())
    with translation.override("en"):
        url = reverse("knowledge:article", kwargs={"slug": article.slug})
    html = client.get(url).content.decode()
    assert url.startswith("/en/")
    assert "Changing a residence obligation" in html
    assert "Checkliste Wohnsitzauflage" in html
