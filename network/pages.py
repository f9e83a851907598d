"""The agency's own pages: the house (AgencyPage) and one page per unit or partner in it.

A unit page says in plain words what the unit does, where it is in the building, which
languages are spoken, what to bring, and when it can be visited, with or without appointment.
Consultation hours are kept on the page in the default language: translated copies of a page
show those hours, so that a change made once is true in every language.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from network import hours
from network.models import Actor, AgencyUnit, ConsultationSlot, Language, OpeningException
from portal import pagecache

PLAIN_FEATURES = ["bold", "ol", "ul", "link"]
SLOT_PANELS = [
    FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
    FieldPanel("by_appointment"),
    FieldPanel("booking_note"),
    FieldRowPanel([FieldPanel("booking_phone"), FieldPanel("booking_url")]),
]
EXCEPTION_PANELS = [
    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    FieldPanel("reason"),
    FieldPanel("is_closed"),
    FieldRowPanel([FieldPanel("opens"), FieldPanel("closes"), FieldPanel("by_appointment")]),
]


class AgencyPage(Page):
    """The Migrationsagentur as a house: how it works, and its units with their state now."""

    intro = models.CharField(_("Einleitung"), max_length=300, blank=True)
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    body = RichTextField(
        _("So funktioniert das Haus"),
        blank=True,
        features=["h2", "h3", *PLAIN_FEATURES],
        help_text=_("Eingangszone, keine falschen Wege: in einfachen Worten"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("address"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["network.AgencyUnitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Seite der Migrationsagentur")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict[str, object]:
        context = super().get_context(request, *args, **kwargs)
        pages = list(
            AgencyUnitPage.objects.child_of(self)
            .live()
            .select_related("unit", "partner")
            .order_by("path")
        )
        sources = schedule_sources(pages)
        moment = timezone.now()
        entries = [(page, sources[page.translation_key].schedule_at(moment)) for page in pages]
        for _page, schedule in entries:
            pagecache.expires_at(request, schedule.changes_at)
        context["units"] = [entry for entry in entries if entry[0].partner_id is None]
        context["partners"] = [entry for entry in entries if entry[0].partner_id is not None]
        return context


class AgencyUnitPage(Page):
    """One unit of the agency, or a partner housed there, for the people who come to it."""

    unit = models.ForeignKey(
        AgencyUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pages",
        verbose_name=_("Bereich der Agentur"),
    )
    partner = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agency_pages",
        verbose_name=_("Partner im Haus"),
        help_text=_("Für Partner, die im Haus beraten: ihr Profil im Verzeichnis"),
    )
    summary = RichTextField(
        _("Was wir tun – in einfachen Worten"), blank=True, features=PLAIN_FEATURES
    )
    floor = models.CharField(_("Etage"), max_length=100, blank=True)
    room = models.CharField(_("Raum"), max_length=100, blank=True)
    directions = models.CharField(_("Weg im Haus"), max_length=300, blank=True)
    languages = ParentalManyToManyField(
        Language, blank=True, related_name="agency_unit_pages", verbose_name=_("Sprachen")
    )
    what_to_bring = RichTextField(_("Bitte mitbringen"), blank=True, features=PLAIN_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("unit"), FieldPanel("partner")], _("Wer berät")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("floor"), FieldPanel("room")]), FieldPanel("directions")],
            _("Im Haus"),
        ),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("what_to_bring"),
        InlinePanel(
            "consultation_hours",
            label=_("Sprechzeiten (die der deutschen Seite gelten für alle Sprachen)"),
            panels=SLOT_PANELS,
        ),
        InlinePanel("exceptions", label=_("Abweichende Öffnungszeiten"), panels=EXCEPTION_PANELS),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("what_to_bring"),
    ]
    parent_page_types = ["network.AgencyPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Seite eines Bereichs der Agentur")

    @property
    def profile(self) -> Actor | None:
        """The directory profile behind the page: the partner's, else the unit's."""
        if self.partner_id:
            return self.partner
        return self.unit.actor if self.unit_id and self.unit.actor_id else None

    def schedule_at(self, moment) -> hours.Schedule:
        return hours.schedule(self.consultation_hours.all(), self.exceptions.all(), moment)

    def concerns(self) -> list[object]:
        """The concern categories routed to this unit, for links into the referral form."""
        if not self.unit_id:
            return []
        return list(self.unit.concern_categories.filter(is_active=True))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict[str, object]:
        context = super().get_context(request, *args, **kwargs)
        source = schedule_sources([self])[self.translation_key]
        context["schedule"] = source.schedule_at(timezone.now())
        pagecache.expires_at(request, context["schedule"].changes_at)
        context["concerns"] = self.concerns()
        context["agency"] = self.get_parent().specific
        return context


def schedule_sources(pages: list[AgencyUnitPage]) -> dict[object, AgencyUnitPage]:
    """For each page's translation key the page whose hours count (the default language's),
    with its hours prefetched; a page without such a translation keeps its own hours."""
    keys = {page.translation_key for page in pages}
    default = Locale.get_default()
    found = {
        page.translation_key: page
        for page in AgencyUnitPage.objects.filter(
            translation_key__in=keys, locale=default
        ).prefetch_related("consultation_hours", "exceptions")
    }
    return {page.translation_key: found.get(page.translation_key, page) for page in pages}


class ConsultationHours(ConsultationSlot):
    page = ParentalKey(AgencyUnitPage, on_delete=models.CASCADE, related_name="consultation_hours")

    class Meta(ConsultationSlot.Meta):
        verbose_name = _("Sprechzeit")
        verbose_name_plural = _("Sprechzeiten")


class UnitOpeningException(OpeningException, Orderable):
    page = ParentalKey(AgencyUnitPage, on_delete=models.CASCADE, related_name="exceptions")

    class Meta(OpeningException.Meta):
        ordering = ["starts_on"]
        verbose_name = _("Abweichende Öffnungszeit")
        verbose_name_plural = _("Abweichende Öffnungszeiten")
