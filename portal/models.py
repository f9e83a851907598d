"""The Wagtail side of the portal: home and content pages, site settings."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.search import index

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

HomeContext = Callable[[HttpRequest], dict[str, object]]
_home_context: list[HomeContext] = []


def register_home_context(provider: HomeContext) -> None:
    """What the apps show on the home page (the directory: how many actors, which topics),
    added by the app in its AppConfig.ready(), so that the site knows none of them."""
    _home_context.append(provider)


class HomePage(Page):
    """Introduces the network and the agency and leads into the directory and later sections."""

    intro = models.CharField(_("Einleitung"), max_length=300, blank=True)
    body = RichTextField(_("Text"), blank=True, features=RICH_TEXT_FEATURES)
    agency_title = models.CharField(_("Überschrift Agentur"), max_length=200, blank=True)
    agency_text = RichTextField(_("Text zur Agentur"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("agency_title"), FieldPanel("agency_text")], _("Agentur")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["portal.ContentPage", "network.AgencyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict[str, object]:
        context = super().get_context(request, *args, **kwargs)
        for provider in _home_context:
            context.update(provider(request))
        return context


class ContentPage(Page):
    """A page of plain content (about the network, privacy notice, imprint, ...)."""

    intro = models.CharField(_("Einleitung"), max_length=300, blank=True)
    body = RichTextField(_("Text"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["portal.ContentPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details of the agency shown in every page footer."""

    agency_name = models.CharField(
        _("Name der Agentur"), max_length=200, default="Migrationsagentur Burgenlandkreis"
    )
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    footer_note = models.CharField(_("Hinweis in der Fußzeile"), max_length=300, blank=True)

    panels = [
        FieldPanel("agency_name"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("footer_note"),
    ]

    class Meta:
        verbose_name = _("Portal-Einstellungen")


def _translation_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class ContentTranslation(models.Model):
    """The published translation of one text field of one object into one language.

    `source_digest` is the hash of the German text it was made from: when the German text
    changes, the translation is still shown but counts as outdated until someone revises it.
    A `machine_translated` row is a draft from the translation service that no person has read
    yet: editors see it in their form, the public does not, until someone saves it as theirs.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("Sprache"), max_length=10, choices=_translation_languages())
    field = models.CharField(_("Feld"), max_length=100)
    text = models.TextField(_("Text"))
    source_digest = models.CharField(max_length=64)
    machine_translated = models.BooleanField(
        _("maschinell übersetzt, nicht geprüft"), default=False
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geändert von"),
    )

    class Meta:
        verbose_name = _("Übersetzung")
        verbose_name_plural = _("Übersetzungen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language", "field"],
                name="portal_contenttranslation_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["content_type", "language", "object_id"],
                name="portal_ct_lookup",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} {self.field} ({self.language})"


class TranslationProposal(DraftStateMixin, RevisionMixin, models.Model):
    """Translations of one object (an actor with its offers, a need, an event) into one language
    that members of an untrusted actor proposed: its revisions go through the profile review
    (/my/review/), and only an approved revision becomes ContentTranslation rows.

    `entries` is a list of {"content_type", "object_id", "field", "text", "source_digest"}.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("Sprache"), max_length=10, choices=_translation_languages())
    actor = models.ForeignKey(
        "network.Actor", on_delete=models.CASCADE, related_name="translation_proposals"
    )
    title = models.CharField(_("Titel"), max_length=300)
    entries = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("Übersetzungsvorschlag")
        verbose_name_plural = _("Übersetzungsvorschläge")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"],
                name="portal_translationproposal_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_language_display()})"
