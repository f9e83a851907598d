"""Referrals into the agency (Zuweisungen): a concern, routed to a unit, kept to its outcome.

A Referral holds the person's data and the skeleton that statistics need (unit, categories,
urgency, dates). Purging after the retention period blanks the personal fields and the notes but
keeps the skeleton, so counts and durations survive. ReferralEvent is the timeline, ReferralAccess
the log of who looked at the personal data, OutboxMail the durable queue of the mail it causes.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Actor, AgencyUnit, Language
from referrals import conf

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{5,40}$",
    _("Bitte geben Sie eine Telefonnummer aus Ziffern an, z. B. 03443 123456."),
)
file_number_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9 ./\-]{0,39}$",
    _("Bitte nur Buchstaben, Ziffern, Leerzeichen und . / - verwenden (höchstens 40 Zeichen)."),
)


class ConcernCategory(models.Model):
    """A kind of concern (Anliegen) and the unit it goes to: the routing rule is the default unit.

    Without a default unit a concern goes to the intake zone. The wayfinder reuses these.
    """

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    description = models.CharField(
        _("Beschreibung in einfacher Sprache"),
        max_length=300,
        blank=True,
        help_text=_("Ein Satz, der Ratsuchenden sagt, was dazugehört."),
    )
    default_unit = models.ForeignKey(
        AgencyUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concern_categories",
        verbose_name=_("zuständiger Bereich"),
        help_text=_("Leer: Anliegen gehen an die Eingangszone."),
    )
    ordering = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)
    is_active = models.BooleanField(_("im Formular anbieten"), default=True)

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("Anliegen")
        verbose_name_plural = _("Anliegen")

    def __str__(self) -> str:
        return self.name


class Urgency(models.TextChoices):
    NORMAL = "normal", _("normal")
    SOON = "soon", _("bald (innerhalb einer Woche)")
    URGENT = "urgent", _("dringend (Frist oder Notlage)")


class Status(models.TextChoices):
    RECEIVED = "received", _("eingegangen")
    ASSIGNED = "assigned", _("zugewiesen")
    IN_PROGRESS = "in_progress", _("in Bearbeitung")
    CLOSED = "closed", _("abgeschlossen")


class Outcome(models.TextChoices):
    HELPED = "helped", _("geholfen")
    REFERRED = "referred", _("an Partner vermittelt")
    NOT_REACHABLE = "not_reachable", _("nicht erreichbar")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class Referral(models.Model):
    reference = models.CharField(_("Vorgangsnummer"), max_length=20, unique=True)
    # The person's data: blanked by the retention purge.
    person_name = models.CharField(_("Name"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    postal_address = models.TextField(_("Postanschrift"), max_length=500, blank=True)
    date_of_birth = models.DateField(_("Geburtsdatum"), null=True, blank=True)
    file_number = models.CharField(_("Aktenzeichen"), max_length=40, blank=True)
    description = models.TextField(_("Anliegen in eigenen Worten"), max_length=3000, blank=True)
    # The skeleton kept for statistics.
    language = models.ForeignKey(
        Language,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bevorzugte Sprache"),
    )
    interpreter_needed = models.BooleanField(_("Sprachmittlung nötig"), default=False)
    categories = models.ManyToManyField(
        ConcernCategory, related_name="referrals", verbose_name=_("Anliegen")
    )
    urgency = models.CharField(
        _("Dringlichkeit"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )
    unit = models.ForeignKey(
        AgencyUnit, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("Bereich")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_referrals",
        verbose_name=_("zuständige Person"),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    outcome = models.CharField(_("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_partner = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vermittelt an"),
    )
    referring_actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals_sent",
        verbose_name=_("zuweisender Akteur"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    consent_at = models.DateTimeField(_("Einwilligung am"))
    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now, db_index=True)
    first_contact_at = models.DateTimeField(_("erster Kontakt am"), null=True, blank=True)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisiert am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Zuweisung")
        verbose_name_plural = _("Zuweisungen")
        indexes = [models.Index(fields=["status", "closed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymised_at__isnull=False)
                | ~Q(phone="")
                | ~Q(email="")
                | ~Q(postal_address=""),
                name="referrals_referral_reachable",
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False, outcome__gt="")
                | (~Q(status="closed") & Q(outcome="")),
                name="referrals_referral_outcome_when_closed",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def overdue_after(self) -> datetime.timedelta:
        days = conf.urgent_overdue_days() if self.urgency == Urgency.URGENT else conf.overdue_days()
        return datetime.timedelta(days=days)

    @property
    def is_overdue(self) -> bool:
        return not self.is_closed and self.created_at + self.overdue_after < timezone.now()


class ReferralEvent(models.Model):
    """One step of the timeline: who did what, when, with which note (internal to the agency)."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("eingegangen")
        ASSIGNED = "assigned", _("zugewiesen")
        FORWARDED = "forwarded", _("weitergeleitet")
        STARTED = "started", _("Bearbeitung begonnen")
        NOTE = "note", _("Notiz")
        CLOSED = "closed", _("abgeschlossen")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("Schritt"), max_length=20, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    from_unit = models.ForeignKey(
        AgencyUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    to_unit = models.ForeignKey(
        AgencyUnit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True)
    note = models.TextField(_("interne Notiz"), max_length=2000, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("Schritt")
        verbose_name_plural = _("Verlauf")

    def __str__(self) -> str:
        return f"{self.referral} {self.get_kind_display()}"


class ReferralAccess(models.Model):
    """Somebody of the agency looked at the person's data (page, API or export)."""

    class Channel(models.TextChoices):
        PAGE = "page", _("Detailseite")
        API = "api", _("API")
        EXPORT = "export", _("Datenexport")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("Einsicht")
        verbose_name_plural = _("Einsichten")

    def __str__(self) -> str:
        return f"{self.referral} {self.user} {self.at:%Y-%m-%d %H:%M}"


class OutboxMail(models.Model):
    """A mail written in the transaction that caused it; delivered by the outbox worker.

    The row, not the task, is the truth: a delivery task finds it by id, sends it once, and on
    failure counts the attempt and queues the next try (see referrals.outbox).
    """

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, null=True, blank=True, related_name="mails"
    )
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ausgehende E-Mail")
        verbose_name_plural = _("ausgehende E-Mails")

    def __str__(self) -> str:
        return self.subject
