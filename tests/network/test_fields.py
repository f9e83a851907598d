"""The declaration of editable fields (network.fields) against every place an actor's fields go.

Derived projections (form, admin, API, review, import columns) read the declaration; the HSDS
mapping and reading are written by hand, so here every declared field is changed one at a time
and must change the export and come back from it. A model field that is neither declared nor
named as kept by the portal fails, so a new field cannot be forgotten.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import models
from modelcluster.fields import ParentalKey

from directory.hsds.mapping import organization
from directory.imports.columns import COLUMNS
from directory.imports.hsds_reading import read_organization
from directory.imports.spreadsheet import RowReader, read_header
from directory.imports.vocabulary import Vocabularies
from network.fields import (
    ACTOR,
    ALL,
    CONTACT,
    HSDS,
    IMPORT,
    IMPORTED,
    LOCATION,
    OFFER,
    OPENING_HOURS,
    Declared,
)
from network.models import Actor, Language, Municipality
from portal.translations import is_html_field, translatable_fields
from tests.factories import (
    ActorFactory,
    ContactPersonFactory,
    LocationFactory,
    OfferFactory,
    OpeningHoursFactory,
)

BASE_URL = "https://portal.example"


def editable_model_fields(declared: Declared) -> set[str]:
    return {
        field.name
        for field in declared.model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and getattr(field, "editable", True)
        and not isinstance(field, ParentalKey)
    }


@pytest.mark.parametrize("declared", ALL, ids=lambda declared: declared.model.__name__)
def test_every_editable_field_is_declared_or_named_as_kept_by_the_portal(declared):
    declared_names = set(declared.by_name) | set(declared.not_edited)

    assert editable_model_fields(declared) == declared_names


def test_every_imported_field_has_its_column():
    columns = {(column.group, column.field) for column in COLUMNS}

    for declared in IMPORTED:
        for name in declared.names(IMPORT):
            assert (declared.group, name) in columns, f"{declared.group}.{name}"


@pytest.mark.parametrize("declared", ALL, ids=lambda declared: declared.model.__name__)
def test_translations_are_registered_as_declared(declared):
    registered = translatable_fields(declared.model)

    assert sorted(registered) == sorted(declared.translated())
    for name in registered:
        assert is_html_field(declared.model, name) == declared.by_name[name].html, name


# --- HSDS: every declared field changes the export and comes back from it ----------------------


@pytest.fixture
def actor(db) -> Actor:
    actor = ActorFactory(slug="quokka-verein", external_id="q-1", phone="03443 1")
    OfferFactory(actor=actor, name="Quokkakurs")
    location = LocationFactory(actor=actor)
    OpeningHoursFactory(
        location=location,
        weekday=1,
        opens=datetime.time(9),
        closes=datetime.time(12),
        by_appointment=False,
    )
    ContactPersonFactory(actor=actor, name="Quinn Kontakt", phone="03443 2")
    return actor


def other_value(declared: Declared, obj: models.Model, name: str) -> object:
    """A valid value the field does not have yet."""
    field = declared.model_field(name)
    current = getattr(obj, name)
    if field.many_to_many:
        model = field.related_model
        if model is Language:
            return [Language.objects.create(code="qqz", name="Quokkisch", native_name="Quokk")]
        return [model.objects.create(name=f"Quokka {model.__name__}", slug=f"q-{name}")]
    if field.is_relation:
        return Municipality.objects.create(name="Quokkahausen", slug="quokkahausen", kind="town")
    if field.choices:
        return next(value for value, _label in field.choices if value != current)
    if isinstance(field, models.BooleanField):
        return not current
    if isinstance(field, models.DateField):
        return datetime.date(2027, 1, 2)
    if isinstance(field, models.DecimalField):
        return Decimal("51.123400")
    if isinstance(field, models.TimeField):
        return datetime.time(7, 15) if name == "opens" else datetime.time(21, 45)
    if isinstance(field, models.PositiveSmallIntegerField):
        return (current + 1) % 7
    if isinstance(field, models.EmailField):
        return "quokka@example.org"
    if isinstance(field, models.URLField):
        return "https://quokka.example.org/"
    if isinstance(field, models.FileField):
        return "logos/quokka.png"
    if name == "postcode":
        return "06999"
    return f"quokka-{name.replace('_', '-')}"


def owner(actor: Actor, declared: Declared) -> models.Model:
    if declared is ACTOR:
        return actor
    if declared is OPENING_HOURS:
        return actor.locations.get().opening_hours.get()
    relation = {OFFER: "offers", LOCATION: "locations", CONTACT: "contacts"}[declared]
    return getattr(actor, relation).get()


def exported(actor: Actor) -> dict:
    return organization(Actor.objects.get(pk=actor.pk), BASE_URL)


def read_back(data: dict, declared: Declared, name: str) -> object:
    record, problems = read_organization(RowReader(read_header([]), Vocabularies.load()), 1, data)
    assert not problems, problems
    if declared is ACTOR and name in {"slug", "external_id"}:
        return getattr(record, name)
    if declared is OPENING_HOURS:
        return getattr(record.children["locations"][0].opening_hours[0], name)
    holder = record if declared is ACTOR else record.children[f"{declared.group}s"][0]
    return holder.relations[name] if name in holder.relations else holder.fields[name]


def comparable(value: object) -> object:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list):
        return sorted(term.pk for term in value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name
    return value


HSDS_FIELDS = [
    (declared, name)
    for declared in (ACTOR, OFFER, LOCATION, OPENING_HOURS, CONTACT)
    for name in declared.names(HSDS)
]


@pytest.mark.parametrize(
    ("declared", "name"), HSDS_FIELDS, ids=[f"{d.group}.{n}" for d, n in HSDS_FIELDS]
)
def test_the_hsds_export_carries_every_declared_field(actor, declared, name):
    before = exported(actor)
    obj = owner(actor, declared)
    value = other_value(declared, obj, name)
    if declared.model_field(name).many_to_many:
        getattr(obj, name).set(value)
    else:
        setattr(obj, name, value)
    obj.save()

    after = exported(actor)

    assert after != before, f"{declared.group}.{name} does not reach the HSDS export"
    if name in declared.names(IMPORT) or declared is OPENING_HOURS:
        assert comparable(read_back(after, declared, name)) == comparable(value), (
            f"{declared.group}.{name} does not come back from the HSDS export"
        )
