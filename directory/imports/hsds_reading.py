"""HSDS 3.0 organizations → ActorRecords: our own export read back, and other directories' data.

Values go through the same checks as spreadsheet cells (the organization's fields are laid onto
the spreadsheet's columns), so a bad e-mail address is reported the same way from either source.
An organization without our slug identifier keys on its HSDS id as external id, so importing
another directory's package twice changes nothing the second time either.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.utils.text import slugify

from directory.hsds import vocabulary as v
from directory.hsds.package import read_tables
from directory.imports.reading import UnreadableFile
from directory.imports.records import ActorRecord, HoursRecord, Problem
from directory.imports.spreadsheet import RowReader, build_record, read_header
from directory.imports.vocabulary import Vocabularies
from network.fields import ACTOR, LOCATION, OFFER, Declared
from search.analysis import fold


def is_hsds_source(source: Path | IO[bytes], name: str) -> bool:
    if isinstance(source, Path) and source.is_dir():
        return True
    return name.lower().endswith(".json")


def load_organizations(source: Path | IO[bytes]) -> list[dict[str, Any]]:
    """A package directory (organizations.json or CSV tables), a JSON array, page or object."""
    try:
        if isinstance(source, Path) and source.is_dir():
            if (source / "organizations.json").exists():
                data = json.loads((source / "organizations.json").read_text("utf-8"))
            elif (source / "organizations.csv").exists():
                return read_tables(source)
            else:
                raise UnreadableFile(
                    f"{source} holds neither organizations.json nor organizations.csv."
                )
        elif isinstance(source, Path):
            data = json.loads(source.read_text("utf-8-sig"))
        else:
            data = json.loads(source.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:  # too deep
        raise UnreadableFile(f"Not a readable JSON file: {exc}") from exc
    if isinstance(data, dict):
        data = data["contents"] if isinstance(data.get("contents"), list) else [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise UnreadableFile("Expected HSDS organizations (a list of objects).")
    return data


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _codes(attributes: list[dict[str, Any]], taxonomy: str) -> list[str]:
    codes = []
    for attribute in attributes or []:
        term = attribute.get("taxonomy_term") or {}
        if (term.get("taxonomy") or attribute.get("link_type")) == taxonomy:
            codes.append(_text(term.get("code") or term.get("name") or attribute.get("value")))
    return codes


def _feature(attributes: list[dict[str, Any]], code: str) -> dict[str, Any] | None:
    for attribute in attributes or []:
        term = attribute.get("taxonomy_term") or {}
        if term.get("taxonomy") == v.FEATURE and term.get("code") == code:
            return attribute
    return None


def _features(declared: Declared, attributes: list[dict[str, Any]] | None) -> dict[str, str]:
    """The declared yes/no fields from their feature attributes (directory.hsds.mapping)."""
    return {
        declared.column_key(item.name): "ja" if _feature(attributes, item.name) else "nein"
        for item in declared.hsds_features()
    }


def _identifier(organization: dict[str, Any], kind: str) -> str:
    for identifier in organization.get("organization_identifiers") or []:
        if (
            identifier.get("identifier_scheme") == v.SCHEME
            and identifier.get("identifier_type") == kind
        ):
            return _text(identifier.get("identifier"))
    return ""


def _phone(owner: dict[str, Any]) -> str:
    phones = owner.get("phones") or []
    return _text(phones[0].get("number")) if phones else ""


def _hours(
    line: int, where: str, schedules: list[dict[str, Any]]
) -> tuple[list[HoursRecord], list[Problem]]:
    slots, problems = [], []
    for index, schedule in enumerate(schedules or []):
        try:
            opens = datetime.time.fromisoformat(_text(schedule.get("opens_at"))[:5])
            closes = datetime.time.fromisoformat(_text(schedule.get("closes_at"))[:5])
            days = [
                v.WEEKDAY_CODES.index(day.strip())
                for day in _text(schedule.get("byday")).split(",")
            ]
        except ValueError:
            problems.append(
                Problem(
                    line,
                    f"{where}schedules[{index + 1}]",
                    "opens_at, closes_at or byday unreadable",
                )
            )
            continue
        appointment = schedule.get("attending_type") == v.BY_APPOINTMENT
        slots += [HoursRecord(day, opens, closes, appointment) for day in days if opens < closes]
    return sorted(slots, key=HoursRecord.key), problems


def organization_values(organization: dict[str, Any]) -> dict[str, str]:
    attributes = organization.get("attributes") or []
    slug = _identifier(organization, v.SLUG_IDENTIFIER)
    external_id = _identifier(organization, v.EXTERNAL_IDENTIFIER)
    if not slug:
        slug = slugify(fold(_text(organization.get("name"))))[:200]
        external_id = external_id or _text(organization.get("id"))
    long_description = _feature(attributes, v.LONG_DESCRIPTION)
    kinds = _codes(attributes, v.ACTOR_KIND)
    return {
        "slug": slug,
        "external_id": external_id,
        "name": _text(organization.get("name")),
        "kind": kinds[0] if kinds else "association",
        "short_description": _text(organization.get("description")),
        "description": _text(long_description.get("value")) if long_description else "",
        "website": _text(organization.get("website")),
        "email": _text(organization.get("email")),
        "phone": _phone(organization),
        **_features(ACTOR, attributes),
        "topics": ",".join(_codes(attributes, v.TOPIC)),
        "target_groups": ",".join(_codes(attributes, v.TARGET_GROUP)),
        "languages": ",".join(_codes(attributes, v.LANGUAGE)),
    }


def service_values(service: dict[str, Any]) -> dict[str, str]:
    attributes = service.get("attributes") or []
    availability = _codes(attributes, v.AVAILABILITY)
    free = any(
        str(option.get("amount")) in {"0", "0.0"} for option in service.get("cost_options") or []
    )
    return {
        "offer_name": _text(service.get("name")),
        "offer_description": _text(service.get("description")),
        "offer_topics": ",".join(_codes(attributes, v.TOPIC)),
        "offer_target_groups": ",".join(_codes(attributes, v.TARGET_GROUP)),
        "offer_languages": ",".join(
            _text(language.get("code") or language.get("name"))
            for language in service.get("languages") or []
        ),
        "offer_is_free": "ja" if free else "nein",
        "offer_cost_note": _text(service.get("fees_description")),
        "offer_eligibility": _text(service.get("eligibility_description")),
        "offer_how_to_access": _text(service.get("application_process")),
        "offer_availability": availability[0] if availability else "open",
        "offer_availability_confirmed_on": _text(service.get("assured_date")),
        **_features(OFFER, attributes),
    }


def location_values(location: dict[str, Any]) -> dict[str, str]:
    addresses = location.get("addresses") or [{}]
    address = addresses[0]
    accessibility = location.get("accessibility") or []
    return {
        "location_name": _text(location.get("name")),
        "street": _text(address.get("address_1")),
        "postcode": _text(address.get("postal_code")),
        "town": _text(address.get("city")),
        "municipality": _text(address.get("region") or address.get("city")),
        "latitude": _text(location.get("latitude")),
        "longitude": _text(location.get("longitude")),
        **_features(LOCATION, location.get("attributes")),
        "accessibility": _text(accessibility[0].get("description")) if accessibility else "",
    }


def contact_values(contact: dict[str, Any]) -> dict[str, str]:
    return {
        "contact_name": _text(contact.get("name")),
        "contact_role": _text(contact.get("title")),
        "contact_email": _text(contact.get("email")),
        "contact_phone": _phone(contact),
    }


def read_organization(
    reader: RowReader, line: int, organization: dict[str, Any]
) -> tuple[ActorRecord | None, list[Problem]]:
    actor, problems = reader.convert_group(line, "actor", organization_values(organization))
    children: dict[str, list[dict[str, Any]]] = {"offers": [], "locations": [], "contacts": []}
    hours: list[list[HoursRecord]] = []
    sources = (
        ("offers", "offer", "services", service_values),
        ("locations", "location", "locations", location_values),
        ("contacts", "contact", "contacts", contact_values),
    )
    for relation, group, key, values in sources:
        for index, item in enumerate(organization.get(key) or []):
            where = f"{key}[{index + 1}]."
            given, child_problems = reader.convert_group(line, group, values(item), where)
            problems += child_problems
            children[relation].append(given)
            if relation == "locations":
                slots, hour_problems = _hours(line, where, item.get("schedules"))
                hours.append(slots)
                problems += hour_problems
    problems += reader.check_keys(line, actor)
    if problems:
        return None, problems
    record = build_record(line, actor, children)
    record.replace_children = True
    for location, slots in zip(record.children["locations"], hours, strict=True):
        location.opening_hours = slots
    return record, []


def read_hsds(
    source: Path | IO[bytes], vocabularies: Vocabularies
) -> Iterator[tuple[int, ActorRecord | None, list[Problem]]]:
    """Each organization as a row; its number in the file stands in for the line."""
    organizations = load_organizations(source)
    reader = RowReader(read_header([]), vocabularies)
    for line, organization in enumerate(organizations, start=1):
        try:
            record, problems = read_organization(reader, line, organization)
        except (AttributeError, TypeError, ValueError) as unexpected:
            # A list where an object belongs or the like: the organization is not HSDS-shaped.
            record, problems = None, [Problem(line, "-", f"not HSDS 3.0: {unexpected}")]
        yield line, record, problems
