"""The needs board: what actors need from volunteers (Need) and who offers to help (HelpOffer).

A need is public while it is open, its actor is published and its end date has not passed. The
end date is checked at query time, so a need disappears on the day after it ends even before
`manage.py expire_needs` has written the status down.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import Actor, ContactPerson, Language, Municipality, Topic
from portal.html import sanitize_html

phone_validator = RegexValidator(
    r"^\+?[0-9 ()/\-]{5,40}$",
    _("Bitte geben Sie eine Telefonnummer aus Ziffern an, z. B. 03443 123456."),
)


class Commitment(models.TextChoices):
    ONE_OFF = "one_off", _("einmalig")
    REGULAR = "regular", _("regelmäßig")


class NeedQuerySet(models.QuerySet["Need"]):
    def not_past_end(self, today: datetime.date | None = None) -> NeedQuerySet:
        today = today or timezone.localdate()
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))

    def past_end(self, today: datetime.date | None = None) -> NeedQuerySet:
        return self.filter(end_date__lt=today or timezone.localdate())

    def public(self, today: datetime.date | None = None) -> NeedQuerySet:
        """Open needs of published actors that have not ended, whatever the stored status says."""
        return self.filter(status=Need.Status.OPEN, actor__live=True).not_past_end(today)


class Need(models.Model):
    """Help an actor is looking for, e.g. learning mentors or a driver to the language course."""

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        FILLED = "filled", _("besetzt")
        EXPIRED = "expired", _("abgelaufen")

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="needs", verbose_name=_("Akteur")
    )
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Absätze, Listen, Links und Hervorhebungen")
    )
    skills = models.TextField(
        _("Was Helfende mitbringen sollten"),
        blank=True,
        help_text=_("z. B. Geduld, Führerschein, Arabischkenntnisse"),
    )
    topics = models.ManyToManyField(
        Topic, related_name="needs", blank=True, verbose_name=_("Themen")
    )
    languages = models.ManyToManyField(
        Language, related_name="needs", blank=True, verbose_name=_("gesuchte Sprachen")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="needs",
        null=True,
        blank=True,
        verbose_name=_("Gemeinde"),
    )
    is_online = models.BooleanField(_("auch online möglich"), default=False)
    commitment = models.CharField(
        _("Art des Einsatzes"),
        max_length=20,
        choices=Commitment.choices,
        default=Commitment.REGULAR,
    )
    hours = models.CharField(
        _("Zeitaufwand"),
        max_length=100,
        blank=True,
        help_text=_("z. B. 2 Stunden pro Woche oder einmalig 3 Stunden"),
    )
    start_date = models.DateField(
        _("ab"), null=True, blank=True, help_text=_("leer lassen für „ab sofort“")
    )
    end_date = models.DateField(
        _("bis"),
        null=True,
        blank=True,
        help_text=_("Nach diesem Tag wird der Bedarf nicht mehr angezeigt."),
    )
    helpers_wanted = models.PositiveSmallIntegerField(
        _("Anzahl gesuchter Helfender"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    contact_person = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="needs",
        verbose_name=_("Ansprechperson"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("angelegt von"),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    # When the need stopped being open (filled or expired); the helpers' replies are deleted a
    # set time after it (NEED_REPLY_RETENTION_DAYS).
    closed_at = models.DateTimeField(_("geschlossen am"), null=True, blank=True, editable=False)

    objects = NeedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        indexes = [models.Index(fields=["status", "end_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="needs_need_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(helpers_wanted__gte=1), name="needs_need_helpers_wanted_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.description = sanitize_html(self.description)
        # Whoever changes the status (the members' pages, the admin, expire_needs), the time it
        # closed follows it, so the retention of the replies counts from there.
        if self.status == self.Status.OPEN:
            self.closed_at = None
        elif self.closed_at is None:
            self.closed_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "status" in update_fields:
            kwargs["update_fields"] = {*update_fields, "closed_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("needs:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if (
            self.contact_person_id
            and self.actor_id
            and not ContactPerson.objects.filter(
                pk=self.contact_person_id, actor_id=self.actor_id
            ).exists()
        ):
            errors["contact_person"] = _("Die Ansprechperson gehört nicht zu diesem Akteur.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past_end(self) -> bool:
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def starts_later(self) -> bool:
        return self.start_date is not None and self.start_date > timezone.localdate()

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.OPEN and self.actor.live and not self.is_past_end

    @property
    def shown_status(self) -> str:
        """The status as the public rule sees it: an open need past its end counts as expired."""
        if self.status == self.Status.OPEN and self.is_past_end:
            return self.Status.EXPIRED
        return self.status

    def get_shown_status_display(self) -> str:
        return str(self.Status(self.shown_status).label)


class HelpOffer(models.Model):
    """Somebody answered a need with "Ich kann helfen"; only the actor's members see it."""

    class Status(models.TextChoices):
        NEW = "new", _("neu")
        CONTACTED = "contacted", _("kontaktiert")
        ACCEPTED = "accepted", _("zugesagt")
        DECLINED = "declined", _("abgesagt")

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="replies", verbose_name=_("Bedarf")
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True, validators=[phone_validator])
    message = models.TextField(_("Nachricht"), blank=True, max_length=3000)
    languages = models.ManyToManyField(
        Language, related_name="+", blank=True, verbose_name=_("Sprachen")
    )
    consent = models.BooleanField(_("Einwilligung zur Weitergabe"), default=False)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Hilfsangebot")
        verbose_name_plural = _("Hilfsangebote")
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""), name="needs_helpoffer_reachable"
            ),
            models.CheckConstraint(condition=Q(consent=True), name="needs_helpoffer_consent"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.need}"
