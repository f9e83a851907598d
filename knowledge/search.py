"""The knowledge base as a search kind: one document per German article, found by its audience.

Articles are never public: a document names "staff", and "members" when the article is shared
with members, so the site's /search/ (whose scopes give staff "staff") shows articles to staff
only, and the knowledge base's own search (services.search_articles) passes the scopes of
knowledge.permissions. The text of the article's translations is indexed with it, so an
English word finds the article as well as a German one. Drafts are found by nobody.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.signals import page_published, page_unpublished

from knowledge.models import Audience, KnowledgeArticlePage
from portal.html import html_to_text
from search import registry
from search.addresses import default_language_url
from search.backends import SearchDocument

KIND = "knowledge"


def indexable_articles() -> QuerySet[KnowledgeArticlePage]:
    return KnowledgeArticlePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def article_document(article: KnowledgeArticlePage) -> SearchDocument:
    versions = KnowledgeArticlePage.objects.live().filter(translation_key=article.translation_key)
    parts: list[str] = []
    for version in [article, *versions.exclude(pk=article.pk)]:
        if version.pk != article.pk:
            parts.append(version.title)
        parts += [version.summary, html_to_text(version.body)]
    audience: tuple[str, ...] = ()
    if article.live:
        audience = ("staff", "members") if article.audience == Audience.MEMBERS else ("staff",)
    return SearchDocument(
        kind=KIND,
        object_id=str(article.pk),
        title=article.title,
        body="\n".join(part for part in parts if part),
        public=False,
        url=default_language_url(
            lambda: reverse("knowledge:article", kwargs={"slug": article.slug})
        ),
        audience=audience,
    )


def _changed(sender: type, instance: KnowledgeArticlePage, **kwargs: object) -> None:
    """Any version's change re-indexes the German article, which carries every version's text."""
    source = indexable_articles().filter(translation_key=instance.translation_key).first()
    registry.update(KIND, source.pk if source else instance.pk)


def connect() -> None:
    post_save.connect(_changed, sender=KnowledgeArticlePage, dispatch_uid="knowledge_saved")
    post_delete.connect(_changed, sender=KnowledgeArticlePage, dispatch_uid="knowledge_deleted")
    page_published.connect(
        _changed, sender=KnowledgeArticlePage, dispatch_uid="knowledge_published"
    )
    page_unpublished.connect(
        _changed, sender=KnowledgeArticlePage, dispatch_uid="knowledge_unpublished"
    )
