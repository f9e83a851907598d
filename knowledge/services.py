"""Every write of the knowledge base, and the reads the workspace and a referral's page share.

Articles are Wagtail pages: each write saves a revision and publishes it, so the page's history
(Wagtail's revisions and its log) is the article's history, in the admin as on the article.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PageViewRestriction

from knowledge import search as knowledge_search
from knowledge.models import (
    REMIND_EVERY,
    STALE_AFTER,
    KnowledgeArticlePage,
    KnowledgeIndexPage,
)
from knowledge.permissions import (
    can_keep_unit,
    can_write_articles,
    get_editable_article_for_user,
    readable_articles,
    search_scopes,
)
from network.models import AgencyUnit
from network.permissions import User
from portal.mail import send_after_commit
from portal.transactions import retrying
from referrals.models import ConcernCategory
from search.backends import get_search_backend

MAX_QUERY_LENGTH = 200
RECENT = 8
SUGGESTIONS = 8
# Addresses of the knowledge base beside the articles (urls.py).
RESERVED_SLUGS = frozenset({"new", "suggest"})


@dataclass
class ArticleInput:
    """What a person writes into an article (forms.ArticleForm's cleaned data)."""

    title: str
    summary: str
    body: str
    kind: str
    audience: str
    unit: AgencyUnit
    categories: list[ConcernCategory] = field(default_factory=list)
    # The article's address under /agency/knowledge/; empty: made from the title.
    slug: str = ""


def knowledge_index(locale: Locale | None = None) -> KnowledgeIndexPage:
    """The root of the knowledge base in a locale (default: German), made on first use, under
    Wagtail's root and with a sign-in restriction, so the site neither serves it nor counts it
    among its public pages."""
    locale = locale or Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    index = KnowledgeIndexPage.objects.filter(locale=locale).first()
    if index is None:
        root = Page.get_first_root_node()
        index = KnowledgeIndexPage(
            title=_("Wissensdatenbank"), slug=f"wissensdatenbank-{locale.language_code}"
        )
        index.locale = locale
        root.add_child(instance=index)
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    return index


def _unique_slug(title: str, index: KnowledgeIndexPage) -> str:
    base = slugify(title)[:70] or "artikel"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Page.objects.filter(slug=slug).child_of(index).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _apply(article: KnowledgeArticlePage, data: ArticleInput) -> None:
    article.title = data.title
    article.summary = data.summary
    article.body = data.body
    article.kind = data.kind
    article.audience = data.audience
    article.unit = data.unit
    article.categories.set(data.categories)


@retrying
def write_article(*, data: ArticleInput, acting_user: User) -> KnowledgeArticlePage:
    """A new article of a unit the writer works in, published at once (reviewed today)."""
    if not can_write_articles(acting_user) or not can_keep_unit(acting_user, data.unit.pk):
        raise PermissionDenied
    with transaction.atomic():
        index = knowledge_index()
        slug = _unique_slug(data.slug or data.title, index)
        article = KnowledgeArticlePage(slug=slug, owner=acting_user)
        _apply(article, data)
        article.last_reviewed_on = timezone.localdate()
        index.add_child(instance=article)
        article.save_revision(user=acting_user, log_action=True).publish(
            user=acting_user, skip_permission_checks=True
        )
    return article


@retrying
def change_article(*, slug: str, data: ArticleInput, acting_user: User) -> KnowledgeArticlePage:
    """A new revision of an article of the writer's units, published; the old ones stay."""
    with transaction.atomic():
        article = get_editable_article_for_user(acting_user, slug)
        if not can_keep_unit(acting_user, data.unit.pk):
            raise PermissionDenied
        _apply(article, data)
        article.last_reviewed_on = timezone.localdate()
        article.save_revision(user=acting_user, log_action=True).publish(
            user=acting_user, skip_permission_checks=True
        )
    return article


@retrying
def mark_reviewed(*, slug: str, acting_user: User) -> KnowledgeArticlePage:
    """The unit vouches that the article is still right: it is no longer stale."""
    with transaction.atomic():
        article = get_editable_article_for_user(acting_user, slug)
        article.last_reviewed_on = timezone.localdate()
        article.save_revision(user=acting_user).publish(
            user=acting_user, log_action=False, skip_permission_checks=True
        )
        log(instance=article, action="knowledge.reviewed", user=acting_user)
    return article


def localize(articles: Iterable[KnowledgeArticlePage]) -> list[KnowledgeArticlePage]:
    """The articles with their live translations in the active language read in one query, so
    a list asks once instead of twice per article (Wagtail's `localized`); German: themselves."""
    articles = list(articles)
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    versions: dict[object, KnowledgeArticlePage] = {}
    if articles and language != settings.LANGUAGE_CODE:
        versions = {
            version.translation_key: version
            for version in KnowledgeArticlePage.objects.live().filter(
                locale__language_code=language,
                translation_key__in={article.translation_key for article in articles},
            )
        }
    for article in articles:
        article._localized = versions.get(article.translation_key, article)
    return articles


def recently_changed(user: User | None, *, limit: int = RECENT) -> list[KnowledgeArticlePage]:
    return localize(
        readable_articles(user).select_related("unit").order_by("-last_published_at")[:limit]
    )


def stale_articles(user: User | None) -> QuerySet[KnowledgeArticlePage]:
    return readable_articles(user).stale().select_related("unit").order_by("last_reviewed_on")


def related_articles(
    user: User | None, *, categories: list[ConcernCategory], unit: AgencyUnit | None
) -> list[KnowledgeArticlePage]:
    """The articles of a referral's concerns and of the unit holding it ("so gehen wir damit
    um"), those of the concerns first."""
    condition = Q(categories__in=categories) if categories else Q(pk__in=[])
    if unit is not None:
        condition |= Q(unit=unit)
    articles = readable_articles(user).filter(condition).distinct().select_related("unit")
    in_categories = set(
        readable_articles(user).filter(categories__in=categories).values_list("pk", flat=True)
        if categories
        else ()
    )
    return localize(
        sorted(articles, key=lambda article: (article.pk not in in_categories, article.title))
    )


class InvalidQuery(ValueError):
    pass


def search_articles(
    user: User | None, query: str, *, limit: int = 50
) -> list[KnowledgeArticlePage]:
    """Articles the person may read that match the words, best first (every word also as the
    start of a word, so it serves the suggestions as they type); the index's audiences and the
    readable articles both filter, so a stale index entry reveals nothing."""
    query = " ".join(query.split())
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidQuery(
            _("Die Suche darf höchstens %(max)d Zeichen lang sein.") % {"max": MAX_QUERY_LENGTH}
        )
    scopes = search_scopes(user)
    if not query or not scopes:
        return []
    hits = get_search_backend().search(
        query, kinds=[knowledge_search.KIND], public_only=True, limit=limit, scopes=scopes
    )
    ids = [int(hit.object_id) for hit in hits]
    found = readable_articles(user).select_related("unit").in_bulk(ids)
    return localize(found[pk] for pk in ids if pk in found)


@dataclass
class ReminderRun:
    reminded: list[tuple[KnowledgeArticlePage, list[str]]] = field(default_factory=list)
    unreachable: list[KnowledgeArticlePage] = field(default_factory=list)


def _due_for_reminder(now: datetime.datetime) -> QuerySet[KnowledgeArticlePage]:
    return (
        KnowledgeArticlePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .stale(now)
        .filter(Q(last_reminded_at__isnull=True) | Q(last_reminded_at__lt=now - REMIND_EVERY))
    )


def reminder_recipients(article: KnowledgeArticlePage) -> list[str]:
    """The owning unit's staff; without any with an address, the unit's own address."""
    addresses = sorted(
        {
            address
            for address in article.unit.staff.filter(is_active=True).values_list("email", flat=True)
            if address
        }
    )
    return addresses or ([article.unit.email] if article.unit.email else [])


def remind_stale_articles(*, dry_run: bool = False) -> ReminderRun:
    """Ask the owning units of articles not reviewed for a year to review them, at most once
    every REMIND_EVERY per article. Each article is claimed by a conditional update before its
    mail is queued, so two runs at once remind nobody twice. The scheduler acts, not a person."""
    now = timezone.now()
    run = ReminderRun()
    for article in _due_for_reminder(now).select_related("unit").order_by("title", "pk"):
        recipients = reminder_recipients(article)
        if not recipients:
            run.unreachable.append(article)
            continue
        if dry_run:
            run.reminded.append((article, recipients))
            continue
        with transaction.atomic():
            # The page row only: a revision would mark the article changed by nobody.
            if not _due_for_reminder(now).filter(pk=article.pk).update(last_reminded_at=now):
                continue
            log(instance=article, action="knowledge.reminded", user=None)
            send_after_commit(
                to=recipients,
                subject=_("Ist der Artikel „%(title)s“ noch aktuell?") % {"title": article.title},
                template="knowledge/email/stale_reminder.txt",
                context={
                    "article": article,
                    "stale_after": STALE_AFTER.days,
                    "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                    + reverse("knowledge:article", kwargs={"slug": article.slug}),
                },
            )
        run.reminded.append((article, recipients))
    return run
