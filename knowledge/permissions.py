"""Who may read and change which article of the knowledge base; every view asks here.

Anonymous visitors never read an article (the views send them to sign in); members of the
network (people with a membership in an actor) read the live articles shared with members;
agency staff read every live article and keep those of their own units; administrators all.
What a person may not read does not exist for them: 404, never 403.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from knowledge.models import ArticleAttachment, Audience, KnowledgeArticlePage, KnowledgeDocument
from network.models import Membership
from network.permissions import User, is_admin, is_agency_staff, is_signed_in

KNOWLEDGE_COLLECTION = "Wissensdatenbank"


def is_network_member(user: User | None) -> bool:
    """A person with a membership in one of the network's actors."""
    if not is_signed_in(user):
        return False
    return Membership.objects.filter(user=user).exists()


def may_use_knowledge(user: User | None) -> bool:
    return is_agency_staff(user) or is_network_member(user)


def readable_articles(user: User | None) -> QuerySet[KnowledgeArticlePage]:
    """The German articles a person may read, live ones only (drafts stay with their unit)."""
    articles = KnowledgeArticlePage.objects.live().filter(locale__language_code="de")
    if is_agency_staff(user):
        return articles
    if is_network_member(user):
        return articles.filter(audience=Audience.MEMBERS)
    return articles.none()


def get_article_for_user(user: User | None, slug: str) -> KnowledgeArticlePage:
    try:
        return readable_articles(user).get(slug=slug)
    except KnowledgeArticlePage.DoesNotExist as exc:
        raise Http404("No such article.") from exc


def editable_articles(user: User | None) -> QuerySet[KnowledgeArticlePage]:
    """Articles a person keeps: those of the units they work in (administrators: all)."""
    articles = KnowledgeArticlePage.objects.filter(locale__language_code="de")
    if is_admin(user):
        return articles
    if not is_agency_staff(user):
        return articles.none()
    return articles.filter(unit__staff=user)


def get_editable_article_for_user(user: User | None, slug: str) -> KnowledgeArticlePage:
    try:
        return editable_articles(user).get(slug=slug)
    except KnowledgeArticlePage.DoesNotExist as exc:
        raise Http404("No such article.") from exc


def can_write_articles(user: User | None) -> bool:
    return is_agency_staff(user)


def can_keep_unit(user: User | None, unit_id: int) -> bool:
    """Whether a person may write an article owned by the unit."""
    if is_admin(user):
        return True
    return is_agency_staff(user) and user.agency_units.filter(pk=unit_id).exists()


def search_scopes(user: User | None) -> tuple[str, ...]:
    """The audiences of the knowledge search documents a person may find (search.py)."""
    if is_agency_staff(user):
        return ("staff", "members")
    if is_network_member(user):
        return ("members",)
    return ()


def is_private_document(document: KnowledgeDocument) -> bool:
    """Documents in the knowledge base's collection or attached to an article."""
    in_collection = document.collection.get_ancestors(inclusive=True).filter(
        name=KNOWLEDGE_COLLECTION
    )
    return in_collection.exists() or ArticleAttachment.objects.filter(document=document).exists()


def may_download(user: User | None, document: KnowledgeDocument) -> bool:
    """Staff download every document of the knowledge base; members those attached to a live
    article shared with them; anonymous visitors none."""
    if not is_private_document(document):
        return True
    if is_agency_staff(user):
        return True
    shared = readable_articles(user).filter(attachments__document=document)
    return is_network_member(user) and shared.exists()
