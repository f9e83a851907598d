"""The English interface: a complete catalogue, a .mo that matches it, and /en/ pages in English.

German is the source language, so locale/de only keeps the msgids (empty msgstr, Django falls
back to the msgid). These tests read the catalogues with Python alone, so they run on machines
without GNU gettext; `make messages` regenerates and recompiles both catalogues.
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import trim_whitespace

LOCALE = Path(settings.BASE_DIR) / "locale"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
FIX = "run `make messages`, translate the new entries in locale/en and compile again"


@dataclass
class Entry:
    """One message of a .po file; msgstr holds msgstr[N] under key N for plural messages."""

    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def __str__(self) -> str:
        if self.key == (None, ""):
            return f"line {self.line}: the header"
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"line {self.line}: {self.msgid!r}{context}"


KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")
STRING = re.compile(r"^(\".*\")\s*$")


def read_po(path: Path) -> list[Entry]:
    """Parse the entries of a .po file, header first; obsolete `#~` entries are left out."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry, target = None, None
            continue
        if line.startswith("#~"):
            continue
        if entry is not None and entry.msgstr and line.startswith(("#", "msgctxt", "msgid ")):
            entry, target = None, None  # an entry without a blank line after it
        if entry is None:
            entry = Entry(line=number)
            entries.append(entry)
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
        if line.startswith("#"):
            continue
        if match := KEYWORD.match(line):
            keyword, index, literal = match.groups()
            target = ("msgstr" if keyword.startswith("msgstr") else keyword, int(index or 0))
        elif match := STRING.match(line):
            literal = match.group(1)
            if target is None:
                raise ValueError(f"{path}:{number}: a string before any keyword")
        else:
            raise ValueError(f"{path}:{number}: cannot read {raw!r}")
        name, index = target
        text = ast.literal_eval(literal)
        if name == "msgstr":
            entry.msgstr[index] = entry.msgstr.get(index, "") + text
        else:
            setattr(entry, name, (getattr(entry, name) or "") + text)
    return [entry for entry in entries if entry.msgid or entry.msgctxt is not None or entry.msgstr]


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalogue(language: str) -> list[Entry]:
    """The messages of a language, without the header entry (msgid "")."""
    return [entry for entry in read_po(po_path(language)) if entry.key != (None, "")]


def compiled(language: str) -> gettext.GNUTranslations:
    with (LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        return gettext.GNUTranslations(mo)


# A missing-string detector for templates that needs no gettext tools; it mirrors what
# django.utils.translation.template.templatize hands to xgettext.
COMMENTS = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.DOTALL)
INLINE = re.compile(r"""{%\s*trans(?:late)?\s+("[^"]*"|'[^']*')(.*?)%}""", re.DOTALL)
BLOCK = re.compile(
    r"{%\s*blocktrans(?:late)?\b(.*?)%}(.*?){%\s*endblocktrans(?:late)?\s*%}", re.DOTALL
)
PLURAL = re.compile(r"{%\s*plural\s*%}")
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")
CONTEXT = re.compile(r"""\bcontext\s+("[^"]*"|'[^']*')""")
CONSTANT = re.compile(r"""\b_\(("[^"]*"|'[^']*')\)""")


def block_message(body: str, trimmed: bool) -> str:
    """The msgid of a blocktranslate body: {{ name }} becomes %(name)s, a literal % becomes %%."""
    parts = VARIABLE.split(body)  # text, name, text, name, ..., text
    message = "".join(
        f"%({part})s" if position % 2 else part.replace("%", "%%")
        for position, part in enumerate(parts)
    )
    return trim_whitespace(message) if trimmed else message


def template_messages() -> list[tuple[str, str | None, str]]:
    """(template, msgctxt, msgid) for every literal that makemessages would extract."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = str(path.relative_to(TEMPLATES))
        source = COMMENTS.sub("", path.read_text(encoding="utf-8"))
        for literal, options in INLINE.findall(source):
            context = CONTEXT.search(options)
            msgctxt = context.group(1)[1:-1] if context else None
            found.append((name, msgctxt, literal[1:-1].replace("%", "%%")))
        for options, body in BLOCK.findall(source):
            context = CONTEXT.search(options)
            msgctxt = context.group(1)[1:-1] if context else None
            trimmed = "trimmed" in options.split()
            for part in PLURAL.split(body):
                found.append((name, msgctxt, block_message(part, trimmed)))
        for literal in CONSTANT.findall(source):
            found.append((name, None, literal[1:-1]))
    return found


def test_it_reads_the_english_catalogue():
    entries = catalogue("en")

    assert len(entries) > 100
    assert len({entry.key for entry in entries}) == len(entries)
    plurals = [entry for entry in entries if entry.msgid_plural is not None]
    assert plurals, "the directory counts hits and actors with plural forms"
    assert all(sorted(entry.msgstr) == [0, 1] for entry in plurals)


def test_it_translates_every_english_string():
    empty = [str(entry) for entry in catalogue("en") if not all(entry.msgstr.values())]

    assert not empty, f"untranslated in locale/en: {empty}; {FIX}"


def test_it_has_no_fuzzy_english_entries():
    fuzzy = [str(entry) for entry in read_po(po_path("en")) if "fuzzy" in entry.flags]

    assert not fuzzy, f"fuzzy in locale/en (check the translation, drop the flag): {fuzzy}"


def test_it_keeps_the_placeholders_of_each_english_string():
    placeholder = re.compile(r"%\(\w+\)s|%%")
    changed = []
    for entry in catalogue("en"):
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        expected = sorted(set(placeholder.findall(" ".join(sources))))
        for translation in entry.msgstr.values():
            if sorted(set(placeholder.findall(translation))) != expected:
                changed.append(f"{entry} -> {translation!r}")

    assert not changed, f"placeholders differ: {changed}"


@pytest.mark.parametrize("language", ["en", "de"])
def test_it_ships_a_compiled_catalogue_in_step_with_the_po(language):
    entries = catalogue(language)
    mo = compiled(language)
    stale = []
    for entry in entries:
        if entry.msgid_plural is None:
            expected = entry.msgstr[0] or entry.msgid
            if entry.msgctxt is None:
                actual = mo.gettext(entry.msgid)
            else:
                actual = mo.pgettext(entry.msgctxt, entry.msgid)
            if actual != expected:
                stale.append(f"{entry}: .mo has {actual!r}, .po has {expected!r}")
            continue
        for count, index, fallback in ((1, 0, entry.msgid), (2, 1, entry.msgid_plural)):
            expected = entry.msgstr[index] or fallback
            if entry.msgctxt is None:
                actual = mo.ngettext(entry.msgid, entry.msgid_plural, count)
            else:
                actual = mo.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
            if actual != expected:
                stale.append(f"{entry} [{index}]: .mo has {actual!r}, .po has {expected!r}")
    in_po = {
        entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        for entry in entries
    }
    in_mo = {key[0] if isinstance(key, tuple) else key for key in mo._catalog} - {""}

    assert not stale, f"locale/{language} .mo is out of date: {stale}; run compilemessages"
    assert not in_mo - in_po, f"locale/{language} .mo has messages the .po lost; recompile"


def test_it_keeps_the_german_catalogue_on_the_same_messages_as_english():
    german = {entry.key for entry in catalogue("de")}
    english = {entry.key for entry in catalogue("en")}

    assert german == english, f"only in de: {german - english}; only in en: {english - german}"


def test_it_finds_every_template_literal_in_the_english_catalogue():
    messages = template_messages()
    known = {entry.key for entry in catalogue("en")} | {
        (entry.msgctxt, entry.msgid_plural) for entry in catalogue("en") if entry.msgid_plural
    }
    missing = sorted(
        {f"{name}: {msgid!r}" for name, msgctxt, msgid in messages if (msgctxt, msgid) not in known}
    )

    assert len(messages) > 50
    assert not missing, f"template strings missing from locale/en: {missing}; {FIX}"


def test_it_serves_the_directory_in_english_under_en(db, client):
    english = {entry.msgid: entry.msgstr[0] for entry in catalogue("en")}

    response = client.get("/en/directory/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in page
    assert f"<h1>{escape(english['Verzeichnis des Netzwerks'])}</h1>" in page
    assert "Verzeichnis des Netzwerks" not in page
    assert escape(english["Integrationsnetzwerk Burgenlandkreis"]) in page


def test_it_serves_the_directory_in_german_without_a_prefix(db, client):
    response = client.get("/directory/", headers={"accept-language": "en"})

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in page
    assert "<h1>Verzeichnis des Netzwerks</h1>" in page
    assert "Integrationsnetzwerk Burgenlandkreis" in page
