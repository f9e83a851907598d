"""A crisis situation the agency switches on for a while (e.g. "Ankunft aus der Ukraine").

While a situation is active, every public page carries its banner, its landing page lists the key
steps and its temporary offers, and its concern category is offered in the referral form, routed
to the chosen unit. Switching it off hides all of that at once; the situation, its offers and the
log of every switch stay, so the next crisis can start from the last one.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable


class SituationQuerySet(models.QuerySet):
    def active(self) -> SituationQuerySet:
        return self.filter(is_active=True)


class Situation(ClusterableModel):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    banner_text = models.CharField(
        _("Bannertext"),
        max_length=300,
        help_text=_("Ein kurzer Satz für das Banner auf jeder Seite."),
    )
    banner_languages = models.JSONField(
        _("Banner zusätzlich in diesen Sprachen"),
        default=list,
        blank=True,
        help_text=_(
            "Das Banner zeigt den Text in der Sprache der Seite und zusätzlich in diesen Sprachen "
            "(soweit übersetzt)."
        ),
    )
    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Einfache Sprache, ohne Formatierung.")
    )
    concern_category = models.ForeignKey(
        "referrals.ConcernCategory",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crisis_situations",
        verbose_name=_("Anliegen im Formular"),
        help_text=_("Wird beim Einschalten im Anliegen-Formular angeboten."),
    )
    routed_unit = models.ForeignKey(
        "network.AgencyUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="crisis_situations",
        verbose_name=_("zuständiger Bereich"),
        help_text=_("Dorthin gehen die Anliegen, solange die Lage aktiv ist; leer: Eingangszone."),
    )
    is_active = models.BooleanField(_("aktiv"), default=False, editable=False, db_index=True)
    activated_at = models.DateTimeField(_("eingeschaltet am"), null=True, editable=False)
    deactivated_at = models.DateTimeField(_("ausgeschaltet am"), null=True, editable=False)

    objects = SituationQuerySet.as_manager()

    class Meta:
        ordering = ["-is_active", "title"]
        verbose_name = _("Krisenlage")
        verbose_name_plural = _("Krisenlagen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("crisis:landing", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if not self.pk or not self.is_active:
            return
        saved = Situation.objects.filter(pk=self.pk).values(
            "concern_category_id", "routed_unit_id"
        )[0]
        if (
            saved["concern_category_id"] != self.concern_category_id
            or saved["routed_unit_id"] != self.routed_unit_id
        ):
            raise ValidationError(
                _(
                    "Anliegen und Bereich lassen sich nur ändern, solange die Lage "
                    "ausgeschaltet ist."
                )
            )


class KeyStep(Orderable):
    """One step on the landing page, in plain language: what to do, in which order."""

    situation = ParentalKey(Situation, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("Titel"), max_length=200)
    text = models.TextField(_("Text"), help_text=_("Einfache Sprache, ohne Formatierung."))

    class Meta(Orderable.Meta):
        verbose_name = _("Schritt")
        verbose_name_plural = _("Schritte")

    def __str__(self) -> str:
        return self.title


class TemporaryOfferQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None) -> TemporaryOfferQuerySet:
        """What the public sees: offers of an active situation, on a day within their dates."""
        today = today or timezone.localdate()
        return self.filter(
            situation__is_active=True, starts_on__lte=today, ends_on__gte=today
        ).select_related("provider")


class TemporaryOffer(Orderable):
    """A pop-up service for the duration of a crisis, e.g. a bank's mobile branch in the house."""

    situation = ParentalKey(Situation, on_delete=models.CASCADE, related_name="temporary_offers")
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    where = models.CharField(
        _("Ort"), max_length=200, help_text=_("z. B. „im Haus, Erdgeschoss“ oder eine Anschrift.")
    )
    provider = models.ForeignKey(
        "network.Actor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Anbieter im Verzeichnis"),
    )
    starts_on = models.DateField(_("ab"))
    ends_on = models.DateField(_("bis"))
    hours = models.CharField(_("Zeiten"), max_length=200, blank=True)

    objects = TemporaryOfferQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("Vorübergehendes Angebot")
        verbose_name_plural = _("Vorübergehende Angebote")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Das Ende liegt vor dem Beginn.")})


class SituationLogEntry(models.Model):
    """Who switched a situation on or off, and when: kept for good, like the situation itself."""

    class Action(models.TextChoices):
        ON = "on", _("eingeschaltet")
        OFF = "off", _("ausgeschaltet")

    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="log_entries")
    action = models.CharField(_("Aktion"), max_length=3, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("durch"),
    )
    at = models.DateTimeField(_("am"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Schaltvorgang")
        verbose_name_plural = _("Schaltvorgänge")

    def __str__(self) -> str:
        return f"{self.situation} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
