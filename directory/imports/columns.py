"""The spreadsheet's columns: one definition for the reader, the template and docs/import.md."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    group: str  # actor, offer, location or contact
    field: str  # the model field or relation it fills
    kind: str  # text, email, url, bool, terms, choice, municipality, date, decimal, hours
    label: str | Promise
    required: bool = False
    vocabulary: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("slug", "actor", "slug", "slug", _("Kurzname (Schlüssel)"), required=True),
    Column("external_id", "actor", "external_id", "text", _("externe Kennung (Schlüssel)")),
    Column("name", "actor", "name", "text", _("Name"), required=True),
    Column("kind", "actor", "kind", "choice", _("Art"), required=True, vocabulary="kinds"),
    Column("short_description", "actor", "short_description", "text", _("Kurzbeschreibung"), True),
    Column("description", "actor", "description", "text", _("Beschreibung")),
    Column("website", "actor", "website", "url", _("Website")),
    Column("email", "actor", "email", "email", _("E-Mail")),
    Column("phone", "actor", "phone", "text", _("Telefon")),
    Column("works_online", "actor", "works_online", "bool", _("auch online erreichbar")),
    Column("topics", "actor", "topics", "terms", _("Themen"), vocabulary="topics"),
    Column(
        "target_groups",
        "actor",
        "target_groups",
        "terms",
        _("Zielgruppen"),
        vocabulary="target_groups",
    ),
    Column("languages", "actor", "languages", "terms", _("Sprachen"), vocabulary="languages"),
    Column("offer_name", "offer", "name", "text", _("Angebot: Name"), required=True),
    Column("offer_description", "offer", "description", "text", _("Angebot: Beschreibung")),
    Column("offer_topics", "offer", "topics", "terms", _("Angebot: Themen"), vocabulary="topics"),
    Column(
        "offer_target_groups",
        "offer",
        "target_groups",
        "terms",
        _("Angebot: Zielgruppen"),
        vocabulary="target_groups",
    ),
    Column(
        "offer_languages",
        "offer",
        "languages",
        "terms",
        _("Angebot: Sprachen"),
        vocabulary="languages",
    ),
    Column("offer_is_free", "offer", "is_free", "bool", _("Angebot: kostenlos")),
    Column("offer_cost_note", "offer", "cost_note", "text", _("Angebot: Kosten")),
    Column("offer_eligibility", "offer", "eligibility", "text", _("Angebot: Wer kann teilnehmen")),
    Column("offer_how_to_access", "offer", "how_to_access", "text", _("Angebot: Zugang")),
    Column(
        "offer_availability",
        "offer",
        "availability",
        "choice",
        _("Angebot: Aufnahme"),
        vocabulary="availabilities",
    ),
    Column(
        "offer_availability_confirmed_on",
        "offer",
        "availability_confirmed_on",
        "date",
        _("Angebot: Aufnahme bestätigt am"),
    ),
    Column("location_name", "location", "name", "text", _("Standort: Bezeichnung")),
    Column("street", "location", "street", "text", _("Straße und Hausnummer"), required=True),
    Column("postcode", "location", "postcode", "postcode", _("Postleitzahl"), required=True),
    Column("town", "location", "town", "text", _("Ort"), required=True),
    Column(
        "municipality",
        "location",
        "municipality",
        "municipality",
        _("Gemeinde"),
        required=True,
        vocabulary="municipalities",
    ),
    Column("latitude", "location", "latitude", "decimal", _("Breitengrad")),
    Column("longitude", "location", "longitude", "decimal", _("Längengrad")),
    Column(
        "wheelchair_accessible", "location", "wheelchair_accessible", "bool", _("rollstuhlgerecht")
    ),
    Column("accessibility", "location", "accessibility", "text", _("Barrierefreiheit")),
    Column("opening_hours", "location", "opening_hours", "hours", _("Öffnungszeiten")),
    Column("contact_name", "contact", "name", "text", _("Ansprechperson: Name"), required=True),
    Column("contact_role", "contact", "role", "text", _("Ansprechperson: Funktion")),
    Column("contact_email", "contact", "email", "email", _("Ansprechperson: E-Mail")),
    Column("contact_phone", "contact", "phone", "text", _("Ansprechperson: Telefon")),
)

COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
CHILD_GROUPS = {"offer": "offers", "location": "locations", "contact": "contacts"}
