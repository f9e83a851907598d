"""The editable fields of the network's models, declared once.

Each model's fields are listed here with where they appear: the member's profile form, the
Wagtail admin, the JSON API, the review diff, the HSDS export and the spreadsheet import. Those
projections read this list (network.forms.profiles, network.wagtail_hooks, network.diff,
directory.api.serializers, directory.imports.columns); the hand-written HSDS mapping and reading
are held to it by tests/network/test_fields.py. A new field is one entry here, and a field left
out of a projection is left out on purpose, with `skip`.

Adding a yes/no field to offers: the model field, its migration, an entry here with
`facet="…"` (the directory's filter name) and `hsds_feature=True`, and the profile template.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from network.models import (
    Actor,
    ContactPerson,
    Location,
    LocationOpeningException,
    Offer,
    OpeningHours,
    SocialLink,
)

FORM = "form"
ADMIN = "admin"
API = "api"
DIFF = "diff"
HSDS = "hsds"
IMPORT = "import"
PROJECTIONS = frozenset({FORM, ADMIN, API, DIFF, HSDS, IMPORT})


@dataclass(frozen=True)
class Editable:
    """One field and the projections it appears in, with overrides where one differs.

    `row`: admin fields with the same row share a line. `column`/`column_label`/`column_kind`: the
    import column's key, header and reading when they are not the group's prefix + name, label
    and the model field's type. `facet`: the
    name of the directory's yes/no filter over a boolean field ("has an offer with …").
    `hsds_feature`: a boolean exported (and read back) as an HSDS feature attribute. `html`:
    sanitised rich text, which the review shows as text. `translated`: staff translate it
    (the app registers it with portal.translations; a test holds the registration to this).
    """

    name: str
    skip: frozenset[str] = frozenset()
    section: str | Promise = ""
    row: str = ""
    label: str | Promise = ""
    column: str = ""
    column_label: str | Promise = ""
    column_kind: str = ""
    facet: str = ""
    hsds_feature: bool = False
    html: bool = False
    translated: bool = False

    def __post_init__(self) -> None:
        unknown = set(self.skip) - PROJECTIONS
        if unknown:
            raise ValueError(f"{self.name}: unknown projections {sorted(unknown)}")

    def appears_in(self, projection: str) -> bool:
        return projection not in self.skip


def skip(*projections: str) -> frozenset[str]:
    return frozenset(projections)


@dataclass(frozen=True)
class Declared:
    """A model's editable fields in display order; `group` names it in imports and labels.

    `not_edited` names the model's other editable fields, which the portal keeps itself; a field
    in neither list fails tests/network/test_fields.py. `projections`: where the model appears
    at all (a need has no HSDS export, import or review diff).
    """

    model: type[models.Model]
    group: str
    fields: tuple[Editable, ...]
    column_prefix: str = ""
    group_label: str | Promise = ""
    not_edited: tuple[str, ...] = ()
    projections: frozenset[str] = PROJECTIONS
    by_name: dict[str, Editable] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {item.name: item for item in self.fields})
        for item in self.fields:
            self.model._meta.get_field(item.name)  # a typo fails at start-up

    def names(self, projection: str) -> list[str]:
        return [item.name for item in self.items(projection)]

    def items(self, projection: str) -> list[Editable]:
        if projection not in self.projections:
            return []
        return [item for item in self.fields if item.appears_in(projection)]

    def model_field(self, name: str) -> models.Field:
        return self.model._meta.get_field(name)

    def label(self, name: str) -> str | Promise:
        """The declared label, else the field's verbose name (a relation's: its terms' plural)."""
        item = self.by_name[name]
        if item.label:
            return item.label
        model_field = self.model_field(name)
        if model_field.many_to_many and model_field.verbose_name == name.replace("_", " "):
            return model_field.related_model._meta.verbose_name_plural
        return model_field.verbose_name

    def labels(self, projection: str) -> dict[str, str | Promise]:
        """Labels a model form would not find itself (declared ones, vocabularies' plurals)."""
        return {
            name: self.label(name)
            for name in self.names(projection)
            if self.label(name) != self.model_field(name).verbose_name
        }

    def column_key(self, name: str) -> str:
        return self.by_name[name].column or f"{self.column_prefix}{name}"

    def column_label(self, name: str) -> str | Promise:
        item = self.by_name[name]
        if item.column_label:
            return item.column_label
        if self.group_label:
            return format_lazy("{}: {}", self.group_label, self.label(name))
        return self.label(name)

    def sections(self, projection: str) -> list[tuple[str | Promise, list[Editable]]]:
        """Consecutive fields of the same section, in order (the actor's profile parts)."""
        grouped: list[tuple[str | Promise, list[Editable]]] = []
        for item in self.items(projection):
            if grouped and grouped[-1][0] == item.section:
                grouped[-1][1].append(item)
            else:
                grouped.append((item.section, [item]))
        return grouped

    def translated(self) -> list[str]:
        return [item.name for item in self.fields if item.translated]

    def translated_html(self) -> list[str]:
        return [item.name for item in self.fields if item.translated and item.html]

    def facets(self) -> list[Editable]:
        return [item for item in self.fields if item.facet]

    def hsds_features(self) -> list[Editable]:
        return [item for item in self.fields if item.hsds_feature and item.appears_in(HSDS)]


PROFILE = _("Profil")
REACH = _("Erreichbarkeit")
CLASSIFICATION = _("Einordnung")

ACTOR = Declared(
    Actor,
    "actor",
    (
        Editable("name", section=PROFILE),
        Editable(
            "slug", section=PROFILE, skip=skip(FORM, DIFF), column_label=_("Kurzname (Schlüssel)")
        ),
        Editable("kind", section=PROFILE),
        Editable("short_description", section=PROFILE, translated=True),
        Editable("description", section=PROFILE, html=True, translated=True),
        Editable("logo", section=PROFILE, skip=skip(IMPORT)),
        Editable("website", section=REACH),
        Editable("email", section=REACH, row="reach"),
        Editable("phone", section=REACH, row="reach"),
        Editable("works_online", section=REACH, hsds_feature=True),
        Editable("topics", section=CLASSIFICATION),
        Editable("target_groups", section=CLASSIFICATION),
        Editable("languages", section=CLASSIFICATION, column_label=_("Sprachen")),
        # Kept by the agency only: the import key and the permission to publish events directly.
        Editable(
            "external_id",
            skip=skip(FORM, API, DIFF),
            column_label=_("externe Kennung (Schlüssel)"),
        ),
        Editable("is_trusted", skip=skip(FORM, API, DIFF, HSDS, IMPORT)),
    ),
    # Wagtail's publishing schedule, and the yearly confirmation (network.profiles).
    not_edited=(
        "first_published_at",
        "go_live_at",
        "expire_at",
        "last_confirmed_at",
        "last_reminded_at",
    ),
)

OFFER = Declared(
    Offer,
    "offer",
    (
        Editable("name", translated=True),
        Editable("description", translated=True),
        Editable("topics"),
        Editable("target_groups"),
        Editable("languages", column_label=_("Angebot: Sprachen")),
        Editable("is_free", row="cost"),
        Editable("cost_note", row="cost", translated=True),
        Editable("childcare", facet="childcare", hsds_feature=True),
        Editable("eligibility", translated=True),
        Editable("how_to_access", column_label=_("Angebot: Zugang"), translated=True),
        Editable("availability", row="availability"),
        Editable("availability_confirmed_on", row="availability"),
    ),
    column_prefix="offer_",
    group_label=_("Angebot"),
)

OPENING_HOURS = Declared(
    OpeningHours,
    "opening_hours",
    (
        Editable("weekday"),
        Editable("opens"),
        Editable("closes"),
        Editable("by_appointment"),
        # How to book is told on the profile; the API's opening hours, the HSDS schedule and
        # the import's hours cell carry the times only.
        Editable("booking_note", skip=skip(API, HSDS, IMPORT)),
        Editable("booking_phone", skip=skip(API, HSDS, IMPORT)),
        Editable("booking_url", skip=skip(API, HSDS, IMPORT)),
    ),
)

OPENING_EXCEPTION = Declared(
    LocationOpeningException,
    "exception",
    # Holidays and closures count in the profile's "open now"; the API, HSDS and the import
    # carry the weekly hours only.
    tuple(
        Editable(name, skip=skip(API, HSDS, IMPORT))
        for name in (
            "starts_on",
            "ends_on",
            "reason",
            "is_closed",
            "opens",
            "closes",
            "by_appointment",
        )
    ),
)

LOCATION = Declared(
    Location,
    "location",
    (
        Editable("name", column="location_name", column_label=_("Standort: Bezeichnung")),
        Editable("street"),
        Editable("postcode", row="place", column_kind="postcode"),
        Editable("town", row="place"),
        Editable("municipality"),
        Editable("latitude", row="coordinates"),
        Editable("longitude", row="coordinates"),
        Editable("wheelchair_accessible", hsds_feature=True),
        Editable("accessibility"),
    ),
)

CONTACT = Declared(
    ContactPerson,
    "contact",
    (
        Editable("name"),
        Editable("role"),
        Editable("email"),
        Editable("phone"),
    ),
    column_prefix="contact_",
    group_label=_("Ansprechperson"),
)

SOCIAL_LINK = Declared(
    SocialLink,
    "social_link",
    # Links to other platforms are kept on the profile; HSDS and the import have no place for them.
    (Editable("platform", skip=skip(HSDS, IMPORT)), Editable("url", skip=skip(HSDS, IMPORT))),
)

# The import reads actors with their first offer, location and contact; social links and
# exceptions are kept in the profile form and the admin only.
IMPORTED: tuple[Declared, ...] = (ACTOR, OFFER, LOCATION, CONTACT)
ALL: tuple[Declared, ...] = (
    ACTOR,
    OFFER,
    LOCATION,
    OPENING_HOURS,
    OPENING_EXCEPTION,
    CONTACT,
    SOCIAL_LINK,
)
