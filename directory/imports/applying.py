"""Bringing one ActorRecord into the database: what would change, and making it so.

The record is merged into the actor's in-memory cluster (modelcluster keeps children and
ParentalManyToMany relations in memory until saved), so the same code answers "what would
change" for a dry run and produces the revision that is published for a real import.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Model, Prefetch
from django.utils.translation import gettext_lazy as _

from directory.imports.columns import COLUMNS
from directory.imports.records import ActorRecord, ChildRecord, Problem
from network.models import Actor, ContactPerson, Location, Offer, OpeningHours

CHILD_MODELS: dict[str, type[Model]] = {
    "offers": Offer,
    "locations": Location,
    "contacts": ContactPerson,
}
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "actor": ("name", "kind", "short_description"),
    "offers": ("name",),
    "locations": ("street", "postcode", "town", "municipality"),
    "contacts": ("name",),
}
COLUMN_OF = {(column.group, column.field): column.key for column in COLUMNS}
GROUP_OF = {"offers": "offer", "locations": "location", "contacts": "contact"}

CREATED, UPDATED, UNCHANGED, ERROR = "created", "updated", "unchanged", "error"


@dataclass
class Outcome:
    line: int
    slug: str
    status: str
    changes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_existing(records: Iterable[ActorRecord]) -> tuple[dict[str, Actor], dict[str, Actor]]:
    """The actors the records may refer to, by slug and by external id, with their children."""
    records = list(records)
    slugs = {record.slug for record in records}
    external_ids = {record.external_id for record in records if record.external_id}
    actors = Actor.objects.filter(slug__in=slugs) | Actor.objects.filter(
        external_id__in=external_ids
    )
    actors = actors.distinct().prefetch_related(
        "topics",
        "target_groups",
        "languages",
        "contacts",
        Prefetch(
            "offers",
            queryset=Offer.objects.prefetch_related("topics", "target_groups", "languages"),
        ),
        Prefetch("locations", queryset=Location.objects.prefetch_related("opening_hours")),
    )
    by_slug, by_external_id = {}, {}
    for actor in actors:
        by_slug[actor.slug] = actor
        if actor.external_id:
            by_external_id[actor.external_id] = actor
    return by_slug, by_external_id


def match(
    record: ActorRecord, by_slug: dict[str, Actor], by_external_id: dict[str, Actor]
) -> tuple[Actor | None, list[Problem]]:
    """External id first (it survives a renamed slug), then slug; conflicts are problems."""
    by_id = by_external_id.get(record.external_id) if record.external_id else None
    by_name = by_slug.get(record.slug)
    if by_id is not None and by_name is not None and by_id.pk != by_name.pk:
        return None, [
            Problem(
                record.line,
                "slug",
                _("„%(slug)s“ gehört zu einem anderen Akteur als die externe Kennung.")
                % {"slug": record.slug},
            )
        ]
    if (
        by_name is not None
        and record.external_id
        and by_name.external_id
        not in {
            "",
            record.external_id,
        }
    ):
        return None, [
            Problem(
                record.line,
                "external_id",
                _("Der Akteur „%(slug)s“ hat schon die externe Kennung „%(id)s“.")
                % {"slug": record.slug, "id": by_name.external_id},
            )
        ]
    return by_id or by_name, []


def _ordered(children: Iterable[Model]) -> list[Model]:
    return sorted(
        children, key=lambda child: (child.sort_order is None, child.sort_order or 0, child.pk or 0)
    )


def _set_fields(obj: Model, fields: dict[str, Any], prefix: str, changes: list[str]) -> None:
    for name, wanted in fields.items():
        model_field = obj._meta.get_field(name)
        if model_field.is_relation:
            differs = getattr(obj, model_field.attname) != getattr(wanted, "pk", None)
        else:
            differs = getattr(obj, name) != wanted
        if differs:
            setattr(obj, name, wanted)
            changes.append(f"{prefix}{name}")


def _set_relations(obj: Model, relations: dict[str, list], prefix: str, changes: list[str]) -> None:
    for name, wanted in relations.items():
        manager = getattr(obj, name)
        current = {term.pk for term in manager.all()}
        if current != {term.pk for term in wanted}:
            manager.set(wanted)
            changes.append(f"{prefix}{name}")


def _merge_hours(location: Location, wanted: list, prefix: str, changes: list[str]) -> None:
    current = sorted(
        (hours.weekday, hours.opens, hours.closes, hours.by_appointment)
        for hours in location.opening_hours.all()
    )
    if current != sorted(slot.key() for slot in wanted):
        location.opening_hours = [
            OpeningHours(
                weekday=slot.weekday,
                opens=slot.opens,
                closes=slot.closes,
                by_appointment=slot.by_appointment,
                sort_order=index,
            )
            for index, slot in enumerate(wanted)
        ]
        changes.append(f"{prefix}opening_hours")


def _merge_children(
    actor: Actor, relation: str, wanted: list[ChildRecord], replace: bool, changes: list[str]
) -> None:
    model = CHILD_MODELS[relation]
    existing = _ordered(getattr(actor, relation).all())
    merged = []
    for index, child_record in enumerate(wanted):
        prefix = f"{relation}[{index + 1}]."
        if index < len(existing):
            child = existing[index]
        else:
            child = model()
            changes.append(f"{relation}[{index + 1}]+")
        child.sort_order = index
        _set_fields(child, child_record.fields, prefix, changes)
        _set_relations(child, child_record.relations, prefix, changes)
        if child_record.opening_hours is not None:
            _merge_hours(child, child_record.opening_hours, prefix, changes)
        merged.append(child)
    kept = existing[len(wanted) :]
    if replace and kept:
        changes.append(f"{relation}-{len(kept)}")
        kept = []
    for index, child in enumerate(kept, start=len(merged)):
        child.sort_order = index
    setattr(actor, relation, merged + kept)


def merge(record: ActorRecord, actor: Actor) -> list[str]:
    """Apply the record to the actor in memory; the names of what changed."""
    changes: list[str] = []
    fields = dict(record.fields)
    if record.external_id:
        fields["external_id"] = record.external_id
    _set_fields(actor, fields, "", changes)
    _set_relations(actor, record.relations, "", changes)
    for relation, children in record.children.items():
        _merge_children(actor, relation, children, record.replace_children, changes)
    return changes


def missing_required(record: ActorRecord, actor: Actor | None) -> list[Problem]:
    """A new actor or child needs values for its required fields even if the file lacks columns."""
    problems = []
    if actor is None:
        for name in REQUIRED_FIELDS["actor"]:
            if not record.fields.get(name):
                problems.append(
                    Problem(
                        record.line,
                        COLUMN_OF[("actor", name)],
                        _("Pflichtfeld fehlt für einen neuen Akteur."),
                    )
                )
    for relation, children in record.children.items():
        count = len(getattr(actor, relation).all()) if actor is not None else 0
        for index, child in enumerate(children):
            if index < count:
                continue
            for name in REQUIRED_FIELDS[relation]:
                if not child.fields.get(name):
                    column = COLUMN_OF.get((GROUP_OF[relation], name), f"{relation}.{name}")
                    problems.append(
                        Problem(
                            record.line, column, _("Pflichtfeld fehlt für einen neuen Eintrag.")
                        )
                    )
    return problems


def plan(record: ActorRecord, actor: Actor | None) -> Outcome:
    """What importing the record would do, without touching the database."""
    problems = missing_required(record, actor)
    if problems:
        return Outcome(record.line, record.slug, ERROR, problems=problems)
    if actor is None:
        return Outcome(record.line, record.slug, CREATED)
    changes = merge(record, actor)
    return Outcome(record.line, record.slug, UPDATED if changes else UNCHANGED, changes=changes)


def _messages(invalid: ValidationError) -> dict[str, list[str]]:
    return invalid.message_dict if hasattr(invalid, "error_dict") else {"-": invalid.messages}


def write(record: ActorRecord, actor: Actor | None, *, acting_user: Any) -> Outcome:
    """Save and publish as one revision, as staff would in the admin; a failure is a problem."""
    outcome = plan(record, actor)
    if outcome.status in {ERROR, UNCHANGED}:
        return outcome
    try:
        with transaction.atomic():
            if actor is None:
                actor = Actor(live=False, has_unpublished_changes=True, **record.fields)
                if record.external_id:
                    actor.external_id = record.external_id
                actor.full_clean()
                actor.save()
                outcome.changes = merge(record, actor)
            actor.save_revision(user=acting_user, log_action=True).publish(
                user=acting_user, skip_permission_checks=True
            )
    except ValidationError as invalid:
        outcome.status = ERROR
        outcome.problems = [
            Problem(record.line, name, " ".join(messages))
            for name, messages in _messages(invalid).items()
        ]
    except DatabaseError as failure:
        outcome.status = ERROR
        outcome.problems = [
            Problem(
                record.line,
                "-",
                _("konnte nicht gespeichert werden: %(error)s") % {"error": failure},
            )
        ]
    return outcome
