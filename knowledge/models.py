"""The staff's knowledge base (Wissensdatenbank): articles as Wagtail pages in a tree of their own.

The tree hangs directly under Wagtail's root, beside the site's home page, so Wagtail's own page
serving never reaches it: articles are read only through knowledge.views, which ask
knowledge.permissions. The index page also carries a sign-in view restriction, so the site's
page search (search/pages.py) never counts an article among the public pages.

Checklists and templates are documents of `KnowledgeDocument`, the project's Wagtail document
model: its files live in the private storage, outside /media/, and are served only by Wagtail's
document view, which asks knowledge.permissions first (wagtail_hooks.py).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet

from network.models import AgencyUnit
from portal.models import RICH_TEXT_FEATURES
from portal.private_storage import PrivateStorage
from referrals.models import ConcernCategory

# An article not reviewed for this long is marked stale and its unit reminded (as profiles are).
STALE_AFTER = datetime.timedelta(days=365)
REMIND_EVERY = datetime.timedelta(days=30)
ARTICLE_FEATURES = [feature for feature in RICH_TEXT_FEATURES if feature != "document-link"]


class Audience(models.TextChoices):
    STAFF = "staff", _("Nur Mitarbeitende der Agentur")
    MEMBERS = "members", _("Auch Mitglieder des Netzwerks")


class ArticleKind(models.TextChoices):
    PROCEDURE = "procedure", _("Verfahren")
    RESPONSIBILITIES = "responsibilities", _("Wer macht was")
    PARTNER_CONTACT = "partner_contact", _("Kontakt bei Partnern")
    CHECKLIST = "checklist", _("Checkliste")
    TEMPLATE = "template", _("Vorlage")


class DocumentStorage(PrivateStorage):
    """The private storage, telling Wagtail's document view in its own terms that there is no
    URL to redirect to (it then sends the file itself)."""

    def url(self, name: str | None) -> str:
        raise NotImplementedError("Documents are served by the document view only.")


def document_storage() -> DocumentStorage:
    return DocumentStorage()


class KnowledgeDocument(AbstractDocument):
    """A Wagtail document whose file nobody downloads by URL: only through the serve view."""

    file = models.FileField(
        storage=document_storage, upload_to="documents", verbose_name=_("Datei")
    )
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")


class KnowledgeIndexPage(Page):
    """The root of the knowledge base, one per locale."""

    intro = models.CharField(_("Einleitung"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["knowledge.KnowledgeArticlePage"]
    # Only the admin's preview renders the page itself; readers come through knowledge.views.
    template = "knowledge/member_index.html"

    class Meta:
        verbose_name = _("Wissensdatenbank")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = KnowledgeArticlePage.objects.child_of(self).live()
        return context


class KnowledgeArticleQuerySet(PageQuerySet):
    def stale(self, now: datetime.datetime | None = None) -> KnowledgeArticleQuerySet:
        today = (now or timezone.now()).date()
        return self.filter(last_reviewed_on__lt=today - STALE_AFTER)


class KnowledgeArticlePage(Page):
    """What staff know about one procedure, responsibility, partner, checklist or template."""

    summary = models.CharField(_("Kurzfassung"), max_length=300, blank=True)
    body = RichTextField(_("Text"), blank=True, features=ARTICLE_FEATURES)
    kind = models.CharField(
        _("Art"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.PROCEDURE
    )
    audience = models.CharField(
        _("Wer darf lesen"), max_length=10, choices=Audience.choices, default=Audience.STAFF
    )
    unit = models.ForeignKey(
        AgencyUnit,
        on_delete=models.PROTECT,
        related_name="knowledge_articles",
        verbose_name=_("Zuständiger Bereich"),
    )
    categories = ParentalManyToManyField(
        ConcernCategory,
        blank=True,
        related_name="knowledge_articles",
        verbose_name=_("Anliegen"),
    )
    last_reviewed_on = models.DateField(_("Zuletzt geprüft am"), default=datetime.date.today)
    last_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PageManager.from_queryset(KnowledgeArticleQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Dokumente")),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("unit"),
                FieldPanel("categories"),
                FieldPanel("last_reviewed_on"),
            ],
            _("Einordnung"),
        ),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []
    # Only the admin's preview renders the page itself; readers come through knowledge.views.
    template = "knowledge/member_article.html"

    class Meta:
        verbose_name = _("Artikel der Wissensdatenbank")
        verbose_name_plural = _("Artikel der Wissensdatenbank")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(article=self, shown=self, attachments=self.attachments.all())
        return context

    @property
    def localized(self) -> KnowledgeArticlePage:
        """The live translation in the active language (Wagtail's), unless a list has already
        read it for all its articles in one query (services.localize)."""
        known = self.__dict__.get("_localized")
        return known if known is not None else super().localized

    @property
    def is_stale(self) -> bool:
        return self.last_reviewed_on < timezone.now().date() - STALE_AFTER


class ArticleAttachment(Orderable):
    """A checklist or template attached to an article."""

    article = ParentalKey(
        KnowledgeArticlePage, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        on_delete=models.CASCADE,
        related_name="knowledge_attachments",
        verbose_name=_("Dokument"),
    )

    panels = [FieldPanel("document")]
