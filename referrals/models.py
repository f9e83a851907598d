"""Referrals into the agency (Zuweisungen): a concern, routed to a unit, kept to its outcome.

A Referral holds the person's data and the skeleton that statistics need (unit, categories,
urgency, dates). Purging after the retention period blanks the personal fields and the notes but
keeps the skeleton, so counts and durations survive. ReferralEvent is the timeline, ReferralAccess
the log of who looked at the personal data, OutboxMail the durable queue of the mail it causes.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Actor, AgencyUnit, Language, TargetGroup, Topic
from referrals import conf
from referrals.pictograms import Pictogram

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
    pictogram = models.CharField(
        _("Piktogramm"),
        max_length=30,
        choices=Pictogram.choices,
        blank=True,
        help_text=_("Bild neben dem Namen im Wegweiser; leer: ein Fragezeichen."),
    )
    topics = models.ManyToManyField(
        Topic,
        related_name="concern_categories",
        blank=True,
        verbose_name=_("Themen im Netzwerk"),
        help_text=_("Akteure mit diesen Themen nennt der Wegweiser zu diesem Anliegen."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        related_name="concern_categories",
        blank=True,
        verbose_name=_("Zielgruppen"),
        help_text=_("Freiwillig: Akteure für diese Zielgruppen nennt der Wegweiser zuerst."),
    )
    ordering = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)
    is_active = models.BooleanField(_("im Formular anbieten"), default=True)

    class Meta:
        ordering = ["ordering", "name"]
        verbose_name = _("Anliegen")
        verbose_name_plural = _("Anliegen")

    def __str__(self) -> str:
        return self.name

    @property
    def pictogram_or_default(self) -> str:
        return self.pictogram or Pictogram.QUESTION


class WayfinderAudience(models.Model):
    """An answer to the wayfinder's "for whom?": the person themselves, family, someone supported.

    Data rather than code so that staff can reword the answers and route by them.
    """

    label = models.CharField(_("Antwort"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=50, unique=True)
    description = models.CharField(_("Erklärung in einfacher Sprache"), max_length=200, blank=True)
    pictogram = models.CharField(
        _("Piktogramm"), max_length=30, choices=Pictogram.choices, blank=True
    )
    ordering = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)
    is_active = models.BooleanField(_("im Wegweiser anbieten"), default=True)

    class Meta:
        ordering = ["ordering", "label"]
        verbose_name = _("Wegweiser: für wen")
        verbose_name_plural = _("Wegweiser: für wen")

    def __str__(self) -> str:
        return self.label

    @property
    def pictogram_or_default(self) -> str:
        return self.pictogram or Pictogram.PERSON


class WayfinderRule(models.Model):
    """A routing exception: for these answers a concern goes to another unit than its default.

    Empty conditions match any answer; of the matching rules the most specific wins. The
    referral form routes through the same rules (referrals.routing), so the wayfinder and the
    intake zone never disagree.
    """

    category = models.ForeignKey(
        ConcernCategory,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="wayfinder_rules",
        verbose_name=_("Anliegen"),
        help_text=_("Leer: jedes Anliegen."),
    )
    audience = models.ForeignKey(
        WayfinderAudience,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rules",
        verbose_name=_("für wen"),
        help_text=_("Leer: egal für wen."),
    )
    contact_unit = models.ForeignKey(
        AgencyUnit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("schon in Kontakt mit"),
        help_text=_("Leer: egal, ob und mit wem die Person schon in Kontakt ist."),
    )
    unit = models.ForeignKey(
        AgencyUnit,
        on_delete=models.CASCADE,
        related_name="wayfinder_rules",
        verbose_name=_("zuständiger Bereich"),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["category__ordering", "pk"]
        verbose_name = _("Wegweiser-Regel")
        verbose_name_plural = _("Wegweiser-Regeln")

    def __str__(self) -> str:
        conditions = [
            str(self.category or _("jedes Anliegen")),
            str(self.audience or _("für alle")),
        ]
        if self.contact_unit_id:
            conditions.append(str(_("in Kontakt mit %(unit)s") % {"unit": self.contact_unit}))
        return f"{' · '.join(conditions)} → {self.unit}"

    def clean(self) -> None:
        twins = WayfinderRule.objects.filter(
            category=self.category_id, audience=self.audience_id, contact_unit=self.contact_unit_id
        ).exclude(pk=self.pk)
        if twins.exists():
            raise ValidationError(_("Für genau diese Antworten gibt es schon eine Regel."))

    @property
    def specificity(self) -> int:
        return sum(
            value is not None
            for value in (self.category_id, self.audience_id, self.contact_unit_id)
        )


class WayfinderStepCount(models.Model):
    """How often a wayfinder step was reached along one path of answers, per day.

    Deliberately no time, session, address or user: the path is the answers so far (concern,
    for whom, language, in contact) and nothing that tells one person from another.
    """

    class Step(models.TextChoices):
        CONCERN = "concern", _("Anliegen")
        FOR_WHOM = "for_whom", _("Für wen")
        LANGUAGE = "language", _("Sprache")
        CONTACT = "contact", _("Schon in Kontakt")
        RESULT = "result", _("Ergebnis")
        REFERRAL = "referral", _("weiter zum Formular")

    date = models.DateField(_("Tag"))
    step = models.CharField(_("Schritt"), max_length=20, choices=Step.choices)
    path = models.CharField(_("bisherige Antworten"), max_length=300, blank=True)
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        ordering = ["-date", "step", "path"]
        verbose_name = _("Wegweiser-Zählung")
        verbose_name_plural = _("Wegweiser-Zählungen")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "step", "path"], name="referrals_wayfinderstepcount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.step} {self.path}: {self.count}"


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
    # Set by the retention purge on open referrals that had no step for the retention period.
    EXPIRED = "expired", _("ohne Bearbeitung abgelaufen")


# What staff choose from when they close a referral; "expired" is the purge's alone.
STAFF_OUTCOMES = [(value, label) for value, label in Outcome.choices if value != Outcome.EXPIRED]


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
    # A keyed hash of the person's status code (referrals.status_code); empty: no code issued,
    # so the referral cannot be looked up (those stored before codes existed).
    status_code_hash = models.CharField(max_length=64, blank=True, editable=False)
    plan_language = models.CharField(
        _("Sprache des Laufzettels"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leer: die bevorzugte Sprache der Person, wenn es sie gibt, sonst Deutsch."),
    )

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

    @property
    def person_language(self) -> str:
        """The interface language the plan and its mail speak: chosen for the plan, else the
        person's preferred language where the portal speaks it, else German."""
        if self.plan_language:
            return self.plan_language
        codes = {code for code, _name in settings.LANGUAGES}
        if self.language_id and self.language.code in codes:
            return self.language.code
        return settings.LANGUAGE_CODE


class ReferralEvent(models.Model):
    """One step of the timeline: who did what, when, with which note (internal to the agency)."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("eingegangen")
        ASSIGNED = "assigned", _("zugewiesen")
        FORWARDED = "forwarded", _("weitergeleitet")
        STARTED = "started", _("Bearbeitung begonnen")
        NOTE = "note", _("Notiz")
        CLOSED = "closed", _("abgeschlossen")
        PLAN = "plan", _("Laufzettel geändert")
        PLAN_MAILED = "plan_mailed", _("Laufzettel gemailt")
        CODE_ISSUED = "code_issued", _("neuer Statuscode ausgegeben")

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


class PlanStep(models.Model):
    """One stop on the person's plan (Laufzettel): where to go, when, what to bring.

    The place is a unit of the agency or an actor of the network; address, room and what to
    bring are prefilled from its page or profile and kept as staff edited them, so the plan
    says what staff told the person even after the page changes.
    """

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="plan_steps")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=1)
    unit = models.ForeignKey(
        AgencyUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Bereich der Agentur"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Akteur im Netzwerk"),
    )
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    room = models.CharField(_("Etage und Raum"), max_length=200, blank=True)
    appointment_at = models.DateTimeField(
        _("Termin"),
        null=True,
        blank=True,
        help_text=_("Leer: die Person kommt in die offenen Sprechzeiten."),
    )
    what_to_bring = models.TextField(
        _("Bitte mitbringen"),
        max_length=2000,
        blank=True,
        help_text=_("Vorgeschlagen aus der Seite des Bereichs; eine Zeile je Unterlage."),
    )
    note = models.TextField(
        _("Hinweis für die Person"),
        max_length=1000,
        blank=True,
        help_text=_("Steht auf dem Laufzettel: in einfachen Worten, ohne persönliche Daten."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("Schritt des Laufzettels")
        verbose_name_plural = _("Laufzettel")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, actor__isnull=True)
                | Q(unit__isnull=True, actor__isnull=False),
                name="referrals_planstep_one_place",
            )
        ]

    def __str__(self) -> str:
        return f"{self.referral} {self.position}: {self.place}"

    @property
    def place(self) -> AgencyUnit | Actor:
        return self.unit if self.unit_id else self.actor


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
