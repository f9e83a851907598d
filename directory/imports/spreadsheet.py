"""One spreadsheet row → one ActorRecord, or the problems that keep it out.

Columns present in the file are the truth for what they describe (an empty cell empties the
field); columns the file lacks leave the actor's data alone. The offer, location and contact
columns describe the actor's first offer, location and contact.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator, validate_slug
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from directory.imports.columns import CHILD_GROUPS, COLUMNS_BY_KEY, Column
from directory.imports.reading import Table
from directory.imports.records import ActorRecord, ChildRecord, HoursRecord, Problem
from directory.imports.vocabulary import Vocabularies, normalized, split_values
from network.models import Actor, ContactPerson, Location, Offer

MODELS: dict[str, type[Model]] = {
    "actor": Actor,
    "offer": Offer,
    "location": Location,
    "contact": ContactPerson,
}
TRUE_WORDS = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
FALSE_WORDS = {"nein", "n", "no", "false", "falsch", "0", ""}
WEEKDAYS = {
    normalized(name): number
    for number, names in enumerate(
        (
            ("mo", "montag", "monday"),
            ("di", "dienstag", "tu", "tuesday"),
            ("mi", "mittwoch", "we", "wednesday"),
            ("do", "donnerstag", "th", "thursday"),
            ("fr", "freitag", "friday"),
            ("sa", "samstag", "saturday"),
            ("so", "sonntag", "su", "sunday"),
        )
    )
    for name in names
}
HOURS_RE = re.compile(
    r"^\s*(?P<day>[A-Za-zÄÖÜäöü]+)\.?\s+(?P<opens>\d{1,2}[:.]\d{2})\s*[-–]\s*"
    r"(?P<closes>\d{1,2}[:.]\d{2})\s*(?:Uhr)?\s*(?P<appointment>\(?(?:nach |mit |nur mit )?"
    r"(?:Termin|Vereinbarung)\)?)?\s*$",
    re.IGNORECASE,
)
EMAIL = EmailValidator()
URL = URLValidator(schemes=["http", "https"])


class BadValue(Exception):
    def __init__(self, reason: Any) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class Header:
    """Which of our columns each position of the file holds."""

    columns: list[Column | None]
    unknown: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    @property
    def present(self) -> set[str]:
        return {column.key for column in self.columns if column is not None}


def read_header(headers: list[str]) -> Header:
    by_name = {normalized(key): column for key, column in COLUMNS_BY_KEY.items()}
    for column in COLUMNS_BY_KEY.values():
        by_name.setdefault(normalized(str(column.label)), column)
    columns: list[Column | None] = []
    header = Header(columns=columns)
    seen: set[str] = set()
    for name in headers:
        column = by_name.get(normalized(name)) if name.strip() else None
        if column is not None and column.key in seen:
            header.duplicates.append(name)
            column = None
        elif column is None and name.strip():
            header.unknown.append(name)
        if column is not None:
            seen.add(column.key)
        columns.append(column)
    return header


def _max_length(group: str, name: str) -> int | None:
    model_field = MODELS[group]._meta.get_field(name)
    return getattr(model_field, "max_length", None)


def _bool(value: str) -> bool:
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise BadValue(_("„%(value)s“ ist weder ja noch nein.") % {"value": value})


def _date(value: str) -> datetime.date | None:
    if not value.strip():
        return None
    text = value.strip()[:10]
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise BadValue(_("„%(value)s“ ist kein Datum (TT.MM.JJJJ).") % {"value": value})


def _decimal(value: str, limit: int) -> Decimal | None:
    if not value.strip():
        return None
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise BadValue(_("„%(value)s“ ist keine Zahl.") % {"value": value}) from exc
    if not number.is_finite() or abs(number) > limit:
        raise BadValue(
            _("%(value)s liegt außerhalb von ±%(limit)s.") % {"value": value, "limit": limit}
        )
    return number.quantize(Decimal("0.000001"))


def _time(value: str) -> datetime.time:
    hours, minutes = re.split(r"[:.]", value)
    return datetime.time(int(hours), int(minutes))


def parse_hours(value: str) -> list[HoursRecord]:
    """ "Mo 09:00-12:00, Mi 14:00-17:00 nach Vereinbarung" → weekly slots."""
    slots = []
    for part in split_values(value):
        match = HOURS_RE.match(part)
        weekday = WEEKDAYS.get(normalized(match["day"])) if match else None
        if match is None or weekday is None:
            raise BadValue(
                _("„%(value)s“ ist keine Öffnungszeit wie „Mo 09:00-12:00“.") % {"value": part}
            )
        try:
            opens, closes = _time(match["opens"]), _time(match["closes"])
        except ValueError as exc:
            raise BadValue(
                _("„%(value)s“ enthält keine gültige Uhrzeit.") % {"value": part}
            ) from exc
        if closes <= opens:
            raise BadValue(_("„%(value)s“ endet nicht nach dem Beginn.") % {"value": part})
        slots.append(HoursRecord(weekday, opens, closes, bool(match["appointment"])))
    return sorted(slots, key=HoursRecord.key)


class RowReader:
    """Checks rows against the columns and vocabularies; remembers keys to find duplicates."""

    def __init__(self, header: Header, vocabularies: Vocabularies) -> None:
        self.header = header
        self.vocabularies = vocabularies
        self.first_line_of_key: dict[tuple[str, str], int] = {}

    def convert(self, column: Column, raw: str) -> Any:
        value = raw.strip()
        if column.required and not value:
            raise BadValue(_("Pflichtfeld ist leer."))
        if column.kind in {"text", "email", "url", "slug", "postcode"}:
            limit = _max_length(column.group, column.field)
            if limit and len(value) > limit:
                raise BadValue(
                    _("zu lang (%(length)s Zeichen, höchstens %(limit)s).")
                    % {"length": len(value), "limit": limit}
                )
        if column.kind == "email" and value:
            try:
                EMAIL(value)
            except ValidationError as exc:
                raise BadValue(
                    _("„%(value)s“ ist keine gültige E-Mail-Adresse.") % {"value": value}
                ) from exc
        if column.kind == "url" and value:
            try:
                URL(value)
            except ValidationError as exc:
                raise BadValue(
                    _("„%(value)s“ ist keine gültige Internetadresse.") % {"value": value}
                ) from exc
        if column.kind == "slug" and value:
            try:
                validate_slug(value)
            except ValidationError as exc:
                raise BadValue(
                    _("„%(value)s“ darf nur Buchstaben, Ziffern, - und _ enthalten.")
                    % {"value": value}
                ) from exc
        if column.kind == "postcode" and value:
            value = value.zfill(5) if value.isdigit() else value
            if not re.fullmatch(r"\d{5}", value):
                raise BadValue(_("„%(value)s“ ist keine Postleitzahl.") % {"value": value})
        if column.kind == "bool":
            return _bool(value)
        if column.kind == "date":
            return _date(value)
        if column.kind == "decimal":
            return _decimal(value, 90 if column.field == "latitude" else 180)
        if column.kind == "hours":
            return parse_hours(value)
        if column.kind in {"terms", "choice", "municipality"}:
            return self._terms(column, value)
        return value

    def _terms(self, column: Column, value: str) -> Any:
        lookup = getattr(self.vocabularies, column.vocabulary)
        if column.kind != "terms":
            if not value:
                return "" if column.kind == "choice" and not column.required else None
            found = lookup.find(value)
            if found is None:
                raise BadValue(
                    _("„%(value)s“ ist unbekannt (%(what)s).")
                    % {"value": value, "what": column.label}
                )
            return found
        terms, unknown = [], []
        for part in split_values(value):
            term = lookup.find(part)
            if term is None:
                unknown.append(part)
            elif term not in terms:
                terms.append(term)
        if unknown:
            raise BadValue(
                _("unbekannt: %(values)s (%(what)s).")
                % {"values": ", ".join(unknown), "what": column.label}
            )
        return terms

    def convert_group(
        self, line: int, group: str, raw: dict[str, str], where: str = ""
    ) -> tuple[dict[str, Any], list[Problem]]:
        """Converted values of one group's columns; a child's required columns count only when
        the child is there at all (any of its cells filled).
        """
        given: dict[str, Any] = {}
        problems: list[Problem] = []
        filled = any(value.strip() for value in raw.values())
        for key, value in raw.items():
            column = COLUMNS_BY_KEY[key]
            if group != "actor" and not filled:
                continue
            try:
                given[key] = self.convert(column, value)
            except BadValue as bad:
                problems.append(Problem(line, f"{where}{key}", bad.reason))
        return given, problems

    def read(self, line: int, values: list[str]) -> tuple[ActorRecord | None, list[Problem]]:
        raw: dict[str, dict[str, str]] = {group: {} for group in ("actor", *CHILD_GROUPS)}
        for position, column in enumerate(self.header.columns):
            if column is not None:
                raw[column.group][column.key] = values[position] if position < len(values) else ""
        actor, problems = self.convert_group(line, "actor", raw["actor"])
        children: dict[str, list[dict[str, Any]]] = {}
        for group, relation in CHILD_GROUPS.items():
            given, child_problems = self.convert_group(line, group, raw[group])
            problems += child_problems
            if given:
                children[relation] = [given]
        problems += self.check_keys(line, actor)
        if problems:
            return None, problems
        return build_record(line, actor, children), []

    def check_keys(self, line: int, actor: dict[str, Any]) -> list[Problem]:
        """A key seen on an earlier line makes this line a duplicate."""
        problems = []
        for key in ("slug", "external_id"):
            value = actor.get(key)
            if not value:
                continue
            first = self.first_line_of_key.setdefault((key, value), line)
            if first != line:
                problems.append(
                    Problem(
                        line,
                        key,
                        _("„%(value)s“ steht schon in Zeile %(line)s.")
                        % {"value": value, "line": first},
                    )
                )
        return problems


def build_child(given: dict[str, Any]) -> ChildRecord:
    child = ChildRecord()
    for key, value in given.items():
        column = COLUMNS_BY_KEY[key]
        if column.kind == "terms":
            child.relations[column.field] = value
        elif column.kind == "hours":
            child.opening_hours = value
        else:
            child.fields[column.field] = value
    return child


def build_record(
    line: int, actor: dict[str, Any], children: dict[str, list[dict[str, Any]]]
) -> ActorRecord:
    main = build_child(actor)
    external_id = main.fields.pop("external_id", "")
    record = ActorRecord(
        line=line,
        slug=actor["slug"],
        external_id=external_id,
        fields=main.fields,
        relations=main.relations,
    )
    for relation, given in children.items():
        record.children[relation] = [build_child(child) for child in given]
    return record


def read_rows(
    table: Table, vocabularies: Vocabularies
) -> Iterator[tuple[int, ActorRecord | None, list[Problem]]]:
    header = read_header(table.headers)
    reader = RowReader(header, vocabularies)
    for line, values in table.rows:
        record, problems = reader.read(line, values)
        yield line, record, problems
