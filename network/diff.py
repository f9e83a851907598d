"""What a proposed profile changes, field by field, for the staff who review it.

Pure functions over two Actor objects (the published one, or None for a new actor, and the
revision's), so that the review page shows what would go public, children and terms included.
Children are matched by primary key: a revision keeps the keys of the rows it edits.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from django.db.models import Model
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from network.models import Actor, ContactPerson, Location, Offer, SocialLink

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


def offer_text(offer: Offer) -> str:
    return _lines(
        (_("Name"), offer.name),
        (_("Beschreibung"), offer.description),
        (_("Themen"), _names(offer.topics.all())),
        (_("Zielgruppen"), _names(offer.target_groups.all())),
        (_("Sprachen"), _names(offer.languages.all())),
        (_("Kosten"), _("kostenlos") if offer.is_free else (offer.cost_note or _("ja"))),
        (_("Wer kann teilnehmen"), offer.eligibility),
        (_("So kommen Sie dazu"), offer.how_to_access),
        (_("Aufnahme"), offer.get_availability_display()),
        (_("Aufnahme bestätigt am"), offer.availability_confirmed_on),
    )


def location_text(location: Location) -> str:
    hours = "; ".join(
        str(slot) + (f" ({_('nur mit Termin')})" if slot.by_appointment else "")
        for slot in sorted(location.opening_hours.all(), key=lambda s: (s.weekday, s.opens))
    )
    coordinates = (
        f"{location.latitude}, {location.longitude}"
        if location.latitude is not None and location.longitude is not None
        else ""
    )
    return _lines(
        (_("Bezeichnung"), location.name),
        (_("Adresse"), location.address),
        (_("Gemeinde"), location.municipality.name if location.municipality_id else ""),
        (_("Koordinaten"), coordinates),
        (_("rollstuhlgerecht"), _yes_no(location.wheelchair_accessible)),
        (_("Barrierefreiheit"), location.accessibility),
        (_("Öffnungszeiten"), hours),
    )


def contact_text(contact: ContactPerson) -> str:
    return _lines(
        (_("Name"), contact.name),
        (_("Funktion"), contact.role),
        (_("E-Mail"), contact.email),
        (_("Telefon"), contact.phone),
    )


def social_link_text(link: SocialLink) -> str:
    return f"{link.get_platform_display()}: {link.url}"


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

    def children(name: str) -> tuple[list[Model], list[Model]]:
        return (
            list(getattr(old, name).all()) if old is not None else [],
            list(getattr(new, name).all()),
        )

    return [
        Section(
            _("Profil"),
            [
                row(_("Name"), lambda actor: actor.name),
                row(_("Art"), lambda actor: str(actor.get_kind_display())),
                row(_("Kurzbeschreibung"), lambda actor: actor.short_description),
                row(_("Beschreibung"), lambda actor: html_as_text(actor.description)),
                row(_("Logo"), lambda actor: actor.logo.name if actor.logo else ""),
            ],
        ),
        Section(
            _("Erreichbarkeit"),
            [
                row(_("Website"), lambda actor: actor.website),
                row(_("E-Mail"), lambda actor: actor.email),
                row(_("Telefon"), lambda actor: actor.phone),
                row(_("auch online erreichbar"), lambda actor: _yes_no(actor.works_online)),
                *_child_rows(
                    *children("social_links"),
                    social_link_text,
                    _("Social-Media-Link"),
                    title=lambda link: str(link.get_platform_display()),
                ),
            ],
        ),
        Section(
            _("Einordnung"),
            [
                row(_("Themen"), lambda actor: _names(actor.topics.all())),
                row(_("Zielgruppen"), lambda actor: _names(actor.target_groups.all())),
                row(_("Beratungssprachen"), lambda actor: _names(actor.languages.all())),
            ],
        ),
        Section(_("Angebote"), _child_rows(*children("offers"), offer_text, _("Angebot"))),
        Section(_("Standorte"), _child_rows(*children("locations"), location_text, _("Standort"))),
        Section(
            _("Ansprechpersonen"),
            _child_rows(*children("contacts"), contact_text, _("Ansprechperson")),
        ),
    ]
