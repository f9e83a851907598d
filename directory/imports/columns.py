"""The spreadsheet's columns, read off network.fields: one definition for the reader, the
template and docs/import.md."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from network.fields import ACTOR, CONTACT, IMPORT, LOCATION, OFFER, Declared, Editable
from network.models import ActorKind, Availability, Language, Municipality, TargetGroup, Topic


@dataclass(frozen=True)
class Column:
    key: str
    group: str  # actor, offer, location or contact
    field: str  # the model field or relation it fills
    kind: str  # text, email, url, bool, terms, choice, municipality, date, decimal, hours
    label: str | Promise
    required: bool = False
    vocabulary: str = ""


VOCABULARIES = {
    Topic: "topics",
    TargetGroup: "target_groups",
    Language: "languages",
    Municipality: "municipalities",
}
CHOICES = {ActorKind: "kinds", Availability: "availabilities"}
KINDS: tuple[tuple[type[models.Field], str], ...] = (
    (models.SlugField, "slug"),
    (models.EmailField, "email"),
    (models.URLField, "url"),
    (models.BooleanField, "bool"),
    (models.DateField, "date"),
    (models.DecimalField, "decimal"),
)


def _column(declared: Declared, item: Editable) -> Column:
    """A column read off the declaration: its kind and whether it is required from the field."""
    model_field = declared.model_field(item.name)
    kind, vocabulary = item.column_kind or "text", ""
    if model_field.many_to_many:
        kind, vocabulary = "terms", VOCABULARIES[model_field.related_model]
    elif model_field.is_relation:
        kind, vocabulary = "municipality", VOCABULARIES[model_field.related_model]
    elif model_field.choices:
        vocabulary = next(
            name
            for choices, name in CHOICES.items()
            if list(model_field.choices) == list(choices.choices)
        )
        kind = "choice"
    elif not item.column_kind:
        kind = next((name for cls, name in KINDS if isinstance(model_field, cls)), "text")
    required = not (model_field.many_to_many or model_field.blank or model_field.has_default())
    return Column(
        declared.column_key(item.name),
        declared.group,
        item.name,
        kind,
        declared.column_label(item.name),
        required=required,
        vocabulary=vocabulary,
    )


def _columns(declared: Declared) -> list[Column]:
    return [_column(declared, item) for item in declared.items(IMPORT)]


# The keys (slug, external id) first, then each group's fields; a location's hours are one cell.
COLUMNS: tuple[Column, ...] = (
    *sorted(_columns(ACTOR), key=lambda column: column.key not in {"slug", "external_id"}),
    *_columns(OFFER),
    *_columns(LOCATION),
    Column("opening_hours", "location", "opening_hours", "hours", _("Öffnungszeiten")),
    *_columns(CONTACT),
)

COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
CHILD_GROUPS = {"offer": "offers", "location": "locations", "contact": "contacts"}
