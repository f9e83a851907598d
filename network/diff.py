"""What a proposed profile changes, field by field, for the staff who review it.

The rows are read off network.fields: a field declared there is shown here unless it is
declared as skipped, so a change can never go public unseen.

Pure functions over two Actor objects (the published one, or None for a new actor, and the
revision's), so that the review page shows what would go public, children and terms included.
Children are matched by primary key: a revision keeps the keys of the rows it edits.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser

from django.db import models
from django.db.models import Model
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from network.fields import (
    ACTOR,
    CONTACT,
    DIFF,
    LOCATION,
    OFFER,
    OPENING_EXCEPTION,
    OPENING_HOURS,
    REACH,
    SOCIAL_LINK,
    Declared,
)
from network.models import Actor, Location

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Row:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    @property
    def inline(self) -> SafeString:
        return inline_diff(self.old, self.new)


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[Row]

    @property
    def changed_rows(self) -> list[Row]:
        return [row for row in self.rows if row.changed]

    @property
    def unchanged_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.changed]


def inline_diff(old: str, new: str) -> SafeString:
    """Word by word: removed text in <del>, added text in <ins>, everything escaped."""
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    parts: list[SafeString] = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = _html("".join(old_tokens[i1:i2])), _html("".join(new_tokens[j1:j2]))
        if tag == "equal":
            parts.append(added)
            continue
        if removed:
            parts.append(format_html("<del>{}</del>", removed))
        if added:
            parts.append(format_html("<ins>{}</ins>", added))
    return format_html_join("", "{}", ((part,) for part in parts))


def _html(text: str) -> SafeString:
    return linebreaksbr(text, autoescape=True)


class _TextFromHtml(HTMLParser):
    """Sanitised rich text as lines a reviewer can compare, link targets spelled out."""

    BLOCKS = frozenset({"p", "ul", "ol", "h2", "h3", "h4", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hrefs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag == "a":
            self.hrefs.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.hrefs and (href := self.hrefs.pop()):
            self.parts.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_as_text(value: str) -> str:
    parser = _TextFromHtml()
    parser.feed(value or "")
    parser.close()
    return parser.text()


def _yes_no(value: bool) -> str:
    return _("ja") if value else _("nein")


def _names(terms: Iterable[object]) -> str:
    return ", ".join(sorted(str(term) for term in terms))


def _lines(*pairs: tuple[str, object]) -> str:
    """A child row as "Label: value" lines, leaving out what is empty."""
    return "\n".join(f"{label}: {value}" for label, value in pairs if value not in ("", None))


def field_text(declared: Declared, obj: Model, name: str) -> str:
    """One declared field as the reviewer reads it, whatever its type."""
    model_field = declared.model_field(name)
    value = getattr(obj, name)
    if model_field.many_to_many:
        return _names(value.all())
    if model_field.is_relation:
        return str(value) if getattr(obj, model_field.attname) is not None else ""
    if value in ("", None):
        return ""
    if model_field.choices:
        return str(getattr(obj, f"get_{name}_display")())
    if isinstance(model_field, models.BooleanField):
        return _yes_no(value)
    if isinstance(model_field, models.FileField):
        return value.name
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if declared.by_name[name].html:
        return html_as_text(value)
    return str(value)


def child_text(declared: Declared, obj: Model) -> str:
    """A child row as "Label: value" lines: every field the review is declared to show."""
    return _lines(
        *((declared.label(name), field_text(declared, obj, name)) for name in declared.names(DIFF))
    )


def _details(declared: Declared, obj: Model, shown: Iterable[str]) -> str:
    """What a slot says beyond its title: the fields not in it, unless empty or "no"."""
    parts = []
    for name in declared.names(DIFF):
        value = getattr(obj, name)
        if name in shown or value in ("", None, False):
            continue
        text = field_text(declared, obj, name)
        parts.append(
            str(declared.label(name)) if value is True else f"{declared.label(name)}: {text}"
        )
    return f" ({', '.join(parts)})" if parts else ""


def location_text(location: Location) -> str:
    hours = "; ".join(
        str(slot) + _details(OPENING_HOURS, slot, ("weekday", "opens", "closes"))
        for slot in sorted(location.opening_hours.all(), key=lambda s: (s.weekday, s.opens))
    )
    exceptions = "; ".join(
        str(day) + _details(OPENING_EXCEPTION, day, ("starts_on", "ends_on", "reason"))
        for day in sorted(location.exceptions.all(), key=lambda day: day.starts_on)
    )
    return "\n".join(
        part
        for part in (
            child_text(LOCATION, location),
            _lines((_("Öffnungszeiten"), hours), (_("Abweichende Öffnungszeiten"), exceptions)),
        )
        if part
    )


def _child_rows(
    old: Iterable[Model],
    new: Iterable[Model],
    text: Callable[[Model], str],
    label: str,
    title: Callable[[Model], str] = str,
) -> list[Row]:
    """One row per child: kept ones side by side, removed and added ones against nothing."""
    old_by_pk = {child.pk: child for child in old}
    rows = []
    for child in new:
        before = old_by_pk.pop(child.pk, None) if child.pk is not None else None
        rows.append(Row(f"{label}: {title(child)}", text(before) if before else "", text(child)))
    rows.extend(Row(f"{label}: {title(child)}", text(child), "") for child in old_by_pk.values())
    return rows


def diff_actors(old: Actor | None, new: Actor) -> list[Section]:
    """The sections of the review page; with old=None everything counts as new."""

    def pair(read: Callable[[Actor], str]) -> tuple[str, str]:
        return (read(old) if old is not None else "", read(new))

    def row(label: str, read: Callable[[Actor], str]) -> Row:
        return Row(label, *pair(read))

    def reader(name: str) -> Callable[[Actor], str]:
        return lambda actor: field_text(ACTOR, actor, name)

    def children(name: str) -> tuple[list[Model], list[Model]]:
        return (
            list(getattr(old, name).all()) if old is not None else [],
            list(getattr(new, name).all()),
        )

    sections = [
        Section(str(title), [row(str(ACTOR.label(item.name)), reader(item.name)) for item in items])
        for title, items in ACTOR.sections(DIFF)
    ]
    for section in sections:
        if section.title == str(REACH):
            section.rows.extend(
                _child_rows(
                    *children("social_links"),
                    partial(child_text, SOCIAL_LINK),
                    _("Social-Media-Link"),
                    title=lambda link: str(link.get_platform_display()),
                )
            )
    return [
        *sections,
        Section(
            _("Angebote"),
            _child_rows(*children("offers"), partial(child_text, OFFER), _("Angebot")),
        ),
        Section(_("Standorte"), _child_rows(*children("locations"), location_text, _("Standort"))),
        Section(
            _("Ansprechpersonen"),
            _child_rows(*children("contacts"), partial(child_text, CONTACT), _("Ansprechperson")),
        ),
    ]
