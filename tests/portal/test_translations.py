"""The interface catalogues: German and English complete, the others on the public journeys.

German is the source language, so locale/de only keeps the msgids (empty msgstr, Django falls
back to the msgid). English translates every message. Arabic, Ukrainian, Russian, Persian and
Turkish translate at least what a newly arrived person meets without an account: the messages of
PUBLIC_JOURNEYS. These tests read the catalogues with Python alone, so they run on machines
without GNU gettext; `make messages` regenerates and recompiles all seven catalogues.
"""

from __future__ import annotations

import ast
import gettext
import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import trim_whitespace

BASE = Path(settings.BASE_DIR)
LOCALE = BASE / "locale"
TEMPLATES = BASE / "templates"
FIX = "run `make messages`, translate the new entries in locale/en and compile again"
# The languages that translate the public journeys, with the number of plural forms gettext
# gives each: Arabic tells zero, one, two, few, many and other apart; Ukrainian and Russian
# one, few and many; Persian and Turkish one and other.
JOURNEY_LANGUAGES = {"ar": 6, "uk": 3, "ru": 3, "fa": 2, "tr": 2}
RIGHT_TO_LEFT = ("ar", "fa")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


@dataclass(frozen=True)
class Journey:
    """Where the messages of one public journey come from.

    `sources` are paths from the project root; a message belongs to the journey when one of
    its `#:` references starts with a source. `file.py::Name` narrows a Python file to the
    messages of one top-level class or function, for files that also hold staff forms (the
    catalogues keep file-level references only, so the messages are read from the code).
    `choices` are the dotted paths of the model choices whose labels the pages show,
    `messages` single msgids that live among staff ones, such as the subject of a
    confirmation mail.
    """

    sources: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()


# What a person without an account can reach: every message of these journeys is translated
# into each of JOURNEY_LANGUAGES. Staff pages, the member area and mails to staff are not here.
PUBLIC_JOURNEYS: dict[str, Journey] = {
    "layout": Journey(
        sources=(
            "templates/base.html",
            "templates/listing.html",
            "portal/settings.py",
        ),
    ),
    "crisis": Journey(
        sources=(
            "templates/crisis/_banner",
            "templates/crisis/_temporary_offers",
            "templates/crisis/landing",
        ),
    ),
    "home": Journey(sources=("templates/portal/",)),
    "directory": Journey(
        sources=(
            "templates/directory/actor_",
            "directory/filters.py",
            "network/hours.py",
            "templates/network/_opening",
            "templates/network/_hours",
        ),
        choices=(
            "network.models.ActorKind",
            "network.models.Availability",
            "network.models.Weekday",
            "network.models.SocialLink.Platform",
        ),
    ),
    "outdated report": Journey(
        sources=("templates/network/report_outdated", "network/forms/reports.py"),
    ),
    "agency": Journey(
        sources=(
            "templates/network/agency_",
            "templates/network/_agency",
            "templates/network/_hours",
            "network/hours.py",
        ),
    ),
    "search": Journey(
        sources=("templates/search/", "search/views.py", "search/services.py"),
    ),
    "needs": Journey(
        sources=(
            "templates/needs/need_",
            "templates/needs/_need_card",
            "templates/needs/_help_form",
            "templates/needs/_profile_needs",
            "templates/needs/rate_limited",
            "templates/needs/email/help_offer_confirmation",
            "needs/filters.py",
            "needs/forms.py::HelpForm",
        ),
        choices=("needs.models.Commitment",),
        messages=("Danke für Ihr Hilfsangebot",),
    ),
    "events": Journey(
        sources=(
            "templates/events/event_",
            "templates/events/_occurrence",
            "templates/events/_upcoming",
            "templates/events/_actor_events",
            "events/filters.py",
            "events/periods.py",
            "events/views.py",
        ),
        choices=(
            "events.models.LocationKind",
            "events.models.Registration",
            "events.models.EventStatus",
            "events.models.Frequency",
        ),
    ),
    "referral": Journey(
        sources=(
            "templates/referrals/referral_",
            "templates/referrals/rate_limited",
            "templates/referrals/_errors",
            "templates/referrals/wayfinder",
            "templates/referrals/email/confirmation",
            "templates/referrals/email/plan",
            "templates/referrals/status",
            "templates/referrals/plan_online",
            "templates/referrals/_status_form",
            "templates/referrals/plan/",
            "referrals/forms.py::StatusForm",
            "referrals/views.py::_look_up",
            "referrals/forms.py::ReferralForm",
            "referrals/forms.py::plain_text",
            "referrals/forms.py::_text",
            "referrals/wayfinder.py",
            "portal/names.py",
        ),
        choices=("referrals.models.Urgency",),
        messages=("Ihr Anliegen ist angekommen: %(reference)s", "Ihr Laufzettel: %(reference)s"),
    ),
}


@dataclass
class Entry:
    """One message of a .po file; msgstr holds msgstr[N] under key N for plural messages."""

    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    references: list[tuple[str, int]] = field(default_factory=list)

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
        if line.startswith("#:"):
            for reference in line[2:].split():
                path, _, number = reference.rpartition(":")
                entry.references.append((path, int(number)) if number.isdigit() else (reference, 0))
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


def header(language: str) -> tuple[Entry, dict[str, str]]:
    """The header entry of a catalogue and its fields (Language, Plural-Forms, ...)."""
    entry = next(entry for entry in read_po(po_path(language)) if entry.key == (None, ""))
    fields = dict(
        line.split(":", 1) for line in entry.msgstr.get(0, "").splitlines() if ":" in line
    )
    return entry, {name.strip(): value.strip() for name, value in fields.items()}


def translated(entry: Entry) -> bool:
    """What compilemessages puts into the .mo: fuzzy and partly empty entries stay out."""
    return "fuzzy" not in entry.flags and bool(entry.msgstr) and all(entry.msgstr.values())


# The gettext functions xgettext looks for in Python, by whether a context comes first.
GETTEXT = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
PGETTEXT = {"pgettext", "pgettext_lazy", "npgettext", "npgettext_lazy"}


def called_name(call: ast.Call) -> str | None:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else None


@cache
def top_level_messages(path: str, name: str) -> frozenset[tuple[str | None, str]]:
    """(msgctxt, msgid) of the literals a top-level class or function hands to gettext, so a
    journey can take one form of a file that also holds staff forms."""
    tree = ast.parse((BASE / path).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name == name:
            break
    else:
        raise LookupError(f"PUBLIC_JOURNEYS names {path}::{name}, which does not exist")
    keys = set()
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        function = called_name(call)
        literals = [
            argument.value
            for argument in call.args
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str)
        ]
        if function in GETTEXT and literals:
            keys.add((None, literals[0]))
        elif function in PGETTEXT and len(literals) >= 2:
            keys.add((literals[0], literals[1]))
    return frozenset(keys)


def choice_labels(dotted: str) -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) of the lazily translated labels of a choices class."""
    parts = dotted.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for name in parts[split:]:
                target = getattr(target, name)
        except AttributeError:
            continue
        break
    else:
        raise LookupError(f"PUBLIC_JOURNEYS names {dotted}, which cannot be imported")
    keys = set()
    for _value, label in target.choices:
        arguments = getattr(
            label, "_args", ()
        )  # a plain str label (a brand name) is not translated
        if len(arguments) == 1:
            keys.add((None, arguments[0]))
        elif len(arguments) == 2:
            keys.add((arguments[0], arguments[1]))
    return keys


def in_sources(entry: Entry, sources: tuple[str, ...]) -> bool:
    for source in sources:
        path, _, name = source.partition("::")
        for reference, _line in entry.references:
            if name and reference == path and entry.key in top_level_messages(path, name):
                return True
            if not name and reference.startswith(path):
                return True
    return False


def public_journey_keys(entries: list[Entry]) -> dict[tuple[str | None, str], list[str]]:
    """The (msgctxt, msgid) of every public-journey message, with the journeys it belongs to."""
    keys: dict[tuple[str | None, str], list[str]] = {}
    for name, journey in PUBLIC_JOURNEYS.items():
        labels = set().union(*(choice_labels(dotted) for dotted in journey.choices))
        for entry in entries:
            if (
                in_sources(entry, journey.sources)
                or entry.key in labels
                or (entry.msgctxt is None and entry.msgid in journey.messages)
            ):
                keys.setdefault(entry.key, []).append(name)
    return keys


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


@pytest.mark.parametrize("language", ["de", "en", *JOURNEY_LANGUAGES])
def test_it_has_no_fuzzy_entries(language):
    fuzzy = [str(entry) for entry in read_po(po_path(language)) if "fuzzy" in entry.flags]

    assert not fuzzy, (
        f"fuzzy in locale/{language}: a guess nobody checked; translate the entry and drop the "
        f"flag, or empty its msgstr: {fuzzy}"
    )


@pytest.mark.parametrize("language", ["en", *JOURNEY_LANGUAGES])
def test_it_keeps_the_placeholders_of_each_translation(language):
    changed = []
    for entry in catalogue(language):
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        expected = sorted(set(PLACEHOLDER.findall(" ".join(sources))))
        for translation in filter(None, entry.msgstr.values()):
            if sorted(set(PLACEHOLDER.findall(translation))) != expected:
                changed.append(f"{entry} -> {translation!r}")

    assert not changed, f"placeholders differ in locale/{language}: {changed}"


@pytest.mark.parametrize("language", ["de", "en", *JOURNEY_LANGUAGES])
def test_it_ships_a_compiled_catalogue_in_step_with_the_po(language):
    entries = catalogue(language)
    mo = compiled(language)
    stale = []
    for entry in entries:
        context = () if entry.msgctxt is None else (entry.msgctxt,)
        kept = translated(entry)
        if entry.msgid_plural is None:
            expected = entry.msgstr[0] if kept else entry.msgid
            actual = mo.pgettext(*context, entry.msgid) if context else mo.gettext(entry.msgid)
            if actual != expected:
                stale.append(f"{entry}: .mo has {actual!r}, .po has {expected!r}")
            continue
        for index in sorted(entry.msgstr):
            # the smallest count the language's plural rule sends to this form
            count = next((n for n in range(1000) if mo.plural(n) == index), None)
            if count is None:
                continue
            fallback = entry.msgid if count == 1 else entry.msgid_plural
            expected = entry.msgstr[index] if kept else fallback
            if context:
                actual = mo.npgettext(*context, entry.msgid, entry.msgid_plural, count)
            else:
                actual = mo.ngettext(entry.msgid, entry.msgid_plural, count)
            if actual != expected:
                stale.append(f"{entry} [{index}]: .mo has {actual!r}, .po has {expected!r}")
    in_po = {
        entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        for entry in entries
        if translated(entry) or language == "de"
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
    response = client.get("/directory/", headers={"accept-language": "de"})

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de"' in page
    assert "<h1>Verzeichnis des Netzwerks</h1>" in page
    assert "Integrationsnetzwerk Burgenlandkreis" in page


def test_it_keeps_a_catalogue_for_every_interface_language():
    languages = [code for code, _name in settings.LANGUAGES]

    assert set(languages) == {"de", "en", *JOURNEY_LANGUAGES}
    assert all(po_path(language).exists() for language in languages)
    assert set(RIGHT_TO_LEFT) <= set(settings.LANGUAGES_BIDI)


@pytest.mark.parametrize(("language", "forms"), JOURNEY_LANGUAGES.items())
def test_it_heads_each_journey_catalogue_with_its_language_and_plural_forms(language, forms):
    entry, fields = header(language)

    assert "fuzzy" not in entry.flags, f"locale/{language}: a fuzzy header is left out of the .mo"
    assert fields["Language"] == language
    assert fields["Plural-Forms"].startswith(f"nplurals={forms};")


def test_it_finds_messages_for_every_public_journey():
    keys = public_journey_keys(catalogue("en"))
    journeys = {name for names in keys.values() for name in names}
    english = {entry.key for entry in catalogue("en")}
    named = {
        (None, message) for journey in PUBLIC_JOURNEYS.values() for message in journey.messages
    }

    assert len(keys) > 300
    assert journeys == set(PUBLIC_JOURNEYS)
    assert named <= english, f"PUBLIC_JOURNEYS names messages that are gone: {named - english}"


@pytest.mark.parametrize(("language", "forms"), JOURNEY_LANGUAGES.items())
def test_it_translates_every_public_journey_message(language, forms):
    entries = catalogue(language)
    public = public_journey_keys(entries)
    missing = [
        f"{entry} ({', '.join(public[entry.key])})"
        for entry in entries
        if entry.key in public and not translated(entry)
    ]
    miscounted = [
        f"{entry}: {len(entry.msgstr)} forms"
        for entry in entries
        if entry.key in public and entry.msgid_plural and sorted(entry.msgstr) != list(range(forms))
    ]

    assert not missing, f"public journeys untranslated or fuzzy in locale/{language}: {missing}"
    assert not miscounted, f"locale/{language} needs {forms} plural forms: {miscounted}"


def test_it_serves_the_home_page_in_arabic_from_right_to_left(db, client):
    arabic = {entry.msgid: entry.msgstr[0] for entry in catalogue("ar") if translated(entry)}

    response = client.get("/ar/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in page
    assert escape(arabic["Was suchen Sie?"]) in page
    assert "Was suchen Sie?" not in page


@pytest.mark.parametrize(("language", "direction"), [("uk", "ltr"), ("fa", "rtl")])
def test_it_serves_the_directory_in_the_visitors_language(db, client, language, direction):
    messages = {entry.msgid: entry.msgstr[0] for entry in catalogue(language) if translated(entry)}

    response = client.get(f"/{language}/directory/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}"' in page
    assert f"<h1>{escape(messages['Verzeichnis des Netzwerks'])}</h1>" in page
    assert "Verzeichnis des Netzwerks" not in page
