"""The integration network's core data, modelled on Open Referral HSDS 3.0.

Actor ~ organization, Offer ~ service, Location ~ location, OpeningHours ~ schedule,
ContactPerson ~ contact. Actors are Wagtail snippets with drafts and revisions so that a change
becomes public only once it is published (the review of a later issue builds on that).
"""

from __future__ import annotations

import datetime
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, ModelLogEntry, Orderable, RevisionMixin
from wagtail.models.audit_log import ModelLogEntryManager

from portal.html import sanitize_html


class Vocabulary(models.Model):
    """A controlled term that staff maintain; its slug is what URLs and the API use."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Topic(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")


class TargetGroup(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class Language(models.Model):
    """A language by ISO 639-1 code, named in German and in itself."""

    code = models.CharField(_("ISO-639-1-Code"), max_length=3, unique=True)
    name = models.CharField(_("Name (deutsch)"), max_length=100)
    native_name = models.CharField(_("Eigenbezeichnung"), max_length=100)
    is_rtl = models.BooleanField(_("von rechts nach links"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

    def __str__(self) -> str:
        if self.native_name and self.native_name != self.name:
            return f"{self.name} ({self.native_name})"
        return self.name

    @property
    def slug(self) -> str:
        return self.code


class Municipality(models.Model):
    """A Gemeinde of the Burgenlandkreis, with the towns (Ortsteile) that belong to it."""

    class Kind(models.TextChoices):
        TOWN = "town", _("Stadt")
        MUNICIPALITY = "municipality", _("Gemeinde")

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    association = models.CharField(
        _("Verbandsgemeinde"), max_length=100, blank=True, help_text=_("leer bei Einheitsgemeinden")
    )
    towns = models.TextField(_("Ortsteile"), blank=True, help_text=_("durch Komma getrennt"))
    latitude = models.DecimalField(_("Breitengrad"), max_digits=9, decimal_places=6, null=True)
    longitude = models.DecimalField(_("Längengrad"), max_digits=9, decimal_places=6, null=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gemeinde")
        verbose_name_plural = _("Gemeinden")

    def __str__(self) -> str:
        return self.name

    @property
    def town_list(self) -> list[str]:
        return [town.strip() for town in self.towns.split(",") if town.strip()]


STALE_AFTER = datetime.timedelta(days=365)


class ActorKind(models.TextChoices):
    VOLUNTEER_INITIATIVE = "volunteer_initiative", _("Ehrenamtliche Initiative")
    VOLUNTEER = "volunteer", _("Ehrenamtliche Person")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrantenselbstorganisation")
    PROJECT = "project", _("Projekt")
    ASSOCIATION = "association", _("Verein / NGO")
    AGENCY_UNIT = "agency_unit", _("Bereich der Migrationsagentur")
    PUBLIC_SERVICE = "public_service", _("Öffentliche Stelle")


class Availability(models.TextChoices):
    OPEN = "open", _("nimmt neue Personen auf")
    WAITING_LIST = "waiting_list", _("Warteliste")
    CLOSED = "closed", _("derzeit keine Aufnahme")


class ActorQuerySet(models.QuerySet["Actor"]):
    def published(self) -> ActorQuerySet:
        """What the public may see: the last approved version of live actors."""
        return self.filter(live=True)


class Actor(DraftStateMixin, RevisionMixin, ClusterableModel):
    """An organisation or person of the network (HSDS organization)."""

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=32, choices=ActorKind.choices)
    short_description = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Absätze, Listen, Links und Hervorhebungen")
    )
    logo = models.ImageField(_("Logo"), upload_to="logos/", blank=True)
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    works_online = models.BooleanField(_("auch online erreichbar"), default=False)
    topics = ParentalManyToManyField(Topic, related_name="actors", blank=True)
    target_groups = ParentalManyToManyField(TargetGroup, related_name="actors", blank=True)
    languages = ParentalManyToManyField(
        Language,
        related_name="actors",
        blank=True,
        verbose_name=_("Beratungssprachen"),
    )
    external_id = models.CharField(_("externe Kennung"), max_length=100, blank=True)
    is_trusted = models.BooleanField(
        _("Veranstaltungen ohne Prüfung veröffentlichen"),
        default=False,
        help_text=_("Nur die Migrationsagentur setzt diesen Haken."),
    )
    last_confirmed_at = models.DateTimeField(_("zuletzt bestätigt"), default=timezone.now)
    last_reminded_at = models.DateTimeField(_("zuletzt erinnert"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")
        constraints = [
            models.UniqueConstraint(
                fields=["external_id"],
                condition=~models.Q(external_id=""),
                name="network_actor_unique_external_id",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.description = sanitize_html(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("directory:actor", kwargs={"slug": self.slug})

    @property
    def is_out_of_date(self) -> bool:
        """Not confirmed for 12 months: the public is told it may be out of date."""
        return self.last_confirmed_at < timezone.now() - STALE_AFTER


class SocialLink(Orderable):
    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        MASTODON = "mastodon", "Mastodon"
        YOUTUBE = "youtube", "YouTube"
        TELEGRAM = "telegram", "Telegram"
        OTHER = "other", _("Andere")

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="social_links")
    platform = models.CharField(_("Plattform"), max_length=20, choices=Platform.choices)
    url = models.URLField(_("Adresse"))

    class Meta(Orderable.Meta):
        verbose_name = _("Social-Media-Link")


class Offer(ClusterableModel, Orderable):
    """What an actor provides (HSDS service)."""

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="offers")
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    topics = ParentalManyToManyField(Topic, related_name="offers", blank=True)
    target_groups = ParentalManyToManyField(TargetGroup, related_name="offers", blank=True)
    languages = ParentalManyToManyField(
        Language, related_name="offers", blank=True, verbose_name=_("angebotene Sprachen")
    )
    is_free = models.BooleanField(_("kostenlos"), default=True)
    cost_note = models.CharField(_("Kosten"), max_length=200, blank=True)
    childcare = models.BooleanField(
        _("mit Kinderbetreuung"),
        default=False,
        help_text=_("Kinder können mitkommen und werden währenddessen betreut."),
    )
    eligibility = models.TextField(_("Wer kann teilnehmen"), blank=True)
    how_to_access = models.TextField(_("So kommen Sie dazu"), blank=True)
    availability = models.CharField(
        _("Aufnahme"), max_length=20, choices=Availability.choices, default=Availability.OPEN
    )
    availability_confirmed_on = models.DateField(_("Aufnahme bestätigt am"), null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")

    def __str__(self) -> str:
        return self.name


class Location(ClusterableModel, Orderable):
    """A place where an actor can be found (HSDS location with its address)."""

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("Bezeichnung"), max_length=200, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("Postleitzahl"), max_length=5)
    town = models.CharField(_("Ort"), max_length=100)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="locations",
        verbose_name=_("Gemeinde"),
    )
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    accessibility = models.TextField(_("Barrierefreiheit"), blank=True)
    wheelchair_accessible = models.BooleanField(_("rollstuhlgerecht"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")

    def __str__(self) -> str:
        return self.name or f"{self.street}, {self.postcode} {self.town}"

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.town}"

    @property
    def osm_url(self) -> str:
        """A link to OpenStreetMap; no tile server is needed for the page itself."""
        if self.latitude is not None and self.longitude is not None:
            return (
                f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
                f"#map=17/{self.latitude}/{self.longitude}"
            )
        return f"https://www.openstreetmap.org/search?query={quote(self.address)}"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Montag")
    TUESDAY = 1, _("Dienstag")
    WEDNESDAY = 2, _("Mittwoch")
    THURSDAY = 3, _("Donnerstag")
    FRIDAY = 4, _("Freitag")
    SATURDAY = 5, _("Samstag")
    SUNDAY = 6, _("Sonntag")


class ConsultationSlot(Orderable):
    """A weekly slot, open or by appointment; the same shape for actors' locations and units.

    network.hours computes from it whether the place is open; a slot never runs past midnight.
    """

    Weekday = Weekday

    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))
    by_appointment = models.BooleanField(_("nur mit Termin"), default=False)
    booking_note = models.CharField(
        _("So bekommen Sie einen Termin"),
        max_length=300,
        blank=True,
        help_text=_("nur bei Terminen, z. B. „Termin in der Eingangszone oder per Telefon“"),
    )
    booking_phone = models.CharField(_("Telefon für Termine"), max_length=40, blank=True)
    booking_url = models.URLField(_("Online-Terminbuchung"), blank=True)

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="%(app_label)s_%(class)s_closes_after_opens",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    @property
    def has_booking_info(self) -> bool:
        return bool(self.booking_note or self.booking_phone or self.booking_url)


class OpeningException(models.Model):
    """Days that differ from the week: closed (holiday, temporary closure) or special hours."""

    starts_on = models.DateField(_("vom"))
    ends_on = models.DateField(
        _("bis einschließlich"), null=True, blank=True, help_text=_("leer: nur dieser Tag")
    )
    is_closed = models.BooleanField(_("ganztägig geschlossen"), default=True)
    opens = models.TimeField(_("geöffnet von"), null=True, blank=True)
    closes = models.TimeField(_("geöffnet bis"), null=True, blank=True)
    by_appointment = models.BooleanField(_("nur mit Termin"), default=False)
    reason = models.CharField(
        _("Grund"), max_length=200, blank=True, help_text=_("z. B. Feiertag, Betriebsausflug")
    )

    class Meta:
        abstract = True
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_closed=True)
                | models.Q(opens__isnull=False, closes__isnull=False, closes__gt=models.F("opens")),
                name="%(app_label)s_%(class)s_special_hours_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="%(app_label)s_%(class)s_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        days = f"{self.starts_on:%d.%m.%Y}"
        if self.ends_on and self.ends_on != self.starts_on:
            days += f"–{self.ends_on:%d.%m.%Y}"
        return f"{days} {self.reason}".strip()

    @property
    def last_day(self) -> datetime.date:
        return self.ends_on or self.starts_on

    @property
    def is_single_day(self) -> bool:
        return self.last_day == self.starts_on

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("Das Ende liegt vor dem Beginn.")
        if not self.is_closed:
            if self.opens is None:
                errors["opens"] = _("Bitte geben Sie an, ab wann geöffnet ist.")
            if self.closes is None:
                errors["closes"] = _("Bitte geben Sie an, bis wann geöffnet ist.")
            if self.opens and self.closes and self.closes <= self.opens:
                errors["closes"] = _("Das Ende muss nach dem Beginn liegen.")
        if errors:
            raise ValidationError(errors)


class OpeningHours(ConsultationSlot):
    """A weekly consultation slot of a location (HSDS schedule)."""

    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="opening_hours")

    class Meta(ConsultationSlot.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")


class LocationOpeningException(OpeningException, Orderable):
    """A holiday, a temporary closure or special hours of a location."""

    location = ParentalKey(Location, on_delete=models.CASCADE, related_name="exceptions")

    class Meta(OpeningException.Meta):
        ordering = ["starts_on"]
        verbose_name = _("Abweichende Öffnungszeit")
        verbose_name_plural = _("Abweichende Öffnungszeiten")


class ContactPerson(Orderable):
    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("Name"), max_length=200)
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role at an actor; owners manage members, editors keep the profile up."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Verantwortliche Person")
        EDITOR = "editor", _("Redaktion")
        COORDINATOR = "coordinator", _("Ehrenamtskoordination")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            models.UniqueConstraint(fields=["user", "actor"], name="network_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.actor} ({self.get_role_display()})"


class AgencyUnit(models.Model):
    """A unit of the Migrationsagentur; the intake zone (Eingangszone) is one of them."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=100, unique=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    is_intake = models.BooleanField(_("Eingangszone"), default=False)
    actor = models.OneToOneField(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agency_unit",
        verbose_name=_("Profil im Verzeichnis"),
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="agency_units",
        blank=True,
        verbose_name=_("Mitarbeitende"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Bereich der Agentur")
        verbose_name_plural = _("Bereiche der Agentur")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str | None:
        """The unit's live page in the active language, else its directory profile, else None."""
        page = self.live_page()
        if page is not None:
            return page.localized.url
        return self.actor.get_absolute_url() if self.actor_id else None

    def live_page(self) -> AgencyUnitPage | None:
        """The unit's page in the default language (the one translations are made from)."""
        from wagtail.models import Locale

        pages = AgencyUnitPage.objects.live().filter(unit=self)
        return pages.filter(locale=Locale.get_default()).first() or pages.order_by("pk").first()


class Invitation(models.Model):
    """An emailed link that lets a person set a password and join an actor in a role.

    Only a hash of the token is stored, so a leaked database does not leak usable links.
    """

    email = models.EmailField(_("E-Mail"))
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("Rolle"), max_length=20, choices=Membership.Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")

    def __str__(self) -> str:
        return f"{self.email} → {self.actor}"

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class ProfileChange(models.Model):
    """A proposed version of a profile (a Wagtail revision) waiting for, or past, staff review."""

    class Status(models.TextChoices):
        PENDING = "pending", _("wartet auf Prüfung")
        APPROVED = "approved", _("freigegeben")
        RETURNED = "returned", _("zurückgegeben")
        SUPERSEDED = "superseded", _("ersetzt")

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="changes")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="profile_changes"
    )
    is_new_actor = models.BooleanField(default=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("Kommentar"), blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("Profiländerung")
        verbose_name_plural = _("Profiländerungen")

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_status_display()})"


class OutdatedReport(models.Model):
    """A visitor's note that a public profile no longer matches reality, for its editors and staff.

    Anybody may send one without an account, so it holds only what they wrote: no address, no
    name; the editors fix the profile and the intake zone marks the note done.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        RESOLVED = "resolved", _("erledigt")

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="outdated_reports", verbose_name=_("Akteur")
    )
    message = models.TextField(_("Was ist nicht mehr aktuell?"), max_length=2000)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Hinweis auf veraltete Angaben")
        verbose_name_plural = _("Hinweise auf veraltete Angaben")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.actor} ({self.get_status_display()})"


class StaffLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user: object) -> models.QuerySet:
        from network.permissions import is_agency_staff

        if is_agency_staff(user):
            return self.all()
        return super().viewable_by_user(user)


class LogEntry(ModelLogEntry):
    """Wagtail's log of every object but pages, as the admin reads it (network.audit registers
    it in ModelLogEntry's place): agency staff read all of it, the network's one history, where
    Wagtail would show them only the models they hold Django permissions for, which they do not
    (network.permissions.AgencyStaffBackend); everyone else as Wagtail decides."""

    objects = StaffLogEntryManager()

    class Meta:
        proxy = True
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")


class AuditEntry(ModelLogEntry):
    """Who did what, when, to which object: one entry of the portal's single audit trail.

    It is a Wagtail log entry (the parent row is a `ModelLogEntry`), so the admin's site history
    and each object's history show it beside Wagtail's own entries for pages and snippets; this
    table adds the actor the change concerns, so that an actor's history includes its needs,
    events and members. Services write it through `network.audit.record`.
    """

    actor = models.ForeignKey(
        Actor, on_delete=models.SET_NULL, null=True, blank=True, related_name="audit_entries"
    )

    class Meta:
        ordering = ["-timestamp", "-id"]
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")


class TwoFactorDevice(models.Model):
    """A person's authenticator app (TOTP, RFC 6238), the second step of their sign-in.

    The secret is stored encrypted and shown only while it is being set up; the last step a code
    was accepted for is kept, so that an overheard code cannot be used a second time.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_device"
    )
    encrypted_secret = models.TextField()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Zwei-Faktor-Gerät")
        verbose_name_plural = _("Zwei-Faktor-Geräte")

    def __str__(self) -> str:
        return f"{self.user} ({'confirmed' if self.is_confirmed else 'pending'})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class RecoveryCode(models.Model):
    """A one-time code for signing in without the authenticator; only its keyed hash is kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Wiederherstellungscode")
        verbose_name_plural = _("Wiederherstellungscodes")

    def __str__(self) -> str:
        return f"{self.user} ({'used' if self.used_at else 'unused'})"


# The agency's pages are Wagtail pages of this app; importing them here lets Django find them.
from network.pages import (  # noqa: E402, F401
    AgencyPage,
    AgencyUnitPage,
    ConsultationHours,
    UnitOpeningException,
)
