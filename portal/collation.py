"""Alphabetical order as the visitor's language has it: case-insensitive, accents second.

Alphabetical lists sort in the database: PostgreSQL compares with the ICU collation of the visitor's
language (`"uk-x-icu"`, ...), SQLite with `portal_locale`, a collation registered on each new
connection that compares `sort_key`s. Lists sorted in Python (the language filter by the names
the visitor reads) use `sort_key` directly.

`sort_key` approximates the primary level of the Unicode collation in pure Python (PyICU would
need a C build on every machine): letters compared without case, Latin letters without their
accents (Ä beside A, as German and Turkish dictionaries file them at the first level), other
scripts by their letters as they are, so Cyrillic й and ї keep their own places.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Any

from django.db.backends.signals import connection_created
from django.db.models import Func
from django.utils.translation import get_language

SQLITE_COLLATION = "portal_locale"
# The ICU collations PostgreSQL brings (pg_collation) for the interface languages.
ICU_LANGUAGES = frozenset({"de", "en", "ar", "uk", "ru", "fa", "tr"})
LATIN_END = 0x0250


# Ukrainian and Russian in one alphabet: by code point the Ukrainian letters would follow
# the last letter of the alphabet; the Russian yo files with ye.
CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя"
CYRILLIC_RANK = {letter: chr(0xE000 + rank) for rank, letter in enumerate(CYRILLIC)}
CYRILLIC_RANK["ё"] = CYRILLIC_RANK["е"]


@cache
def _letter_key(char: str) -> str:
    folded = char.casefold()
    if folded in CYRILLIC_RANK:
        return CYRILLIC_RANK[folded]
    if ord(char) >= LATIN_END:
        return folded
    return "".join(
        part for part in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(part)
    )


def sort_key(text: str) -> tuple[str, str, str]:
    """Primary: letters without case and Latin accents; then with accents; then as written."""
    return _sort_key(str(text or ""))


# SQLite calls the collation for each comparison of a sort, some 9,000 for 1,000 names, each
# asking for two keys: kept, the keys of a list's names are computed once, not 18,000 times.
@lru_cache(maxsize=16_384)
def _sort_key(text: str) -> tuple[str, str, str]:
    return ("".join(_letter_key(char) for char in text), text.casefold(), text)


def _compare(left: str | None, right: str | None) -> int:
    a, b = sort_key(left or ""), sort_key(right or "")
    return (a > b) - (a < b)


def register_sqlite_collation(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, _compare)


def connect() -> None:
    """Called once from the portal's AppConfig.ready()."""
    connection_created.connect(register_sqlite_collation, dispatch_uid="portal.collation")


class LocaleOrder(Func):
    """`order_by(LocaleOrder("name"))`, `.desc()` backwards: the column in the active language's
    alphabetical order."""

    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        if connection.vendor == "postgresql":
            language = (get_language() or "de").split("-")[0]
            icu = language if language in ICU_LANGUAGES else "und"
            return f'{sql} COLLATE "{icu}-x-icu"', params
        if connection.vendor == "sqlite":
            return f"{sql} COLLATE {SQLITE_COLLATION}", params
        return sql, params


def locale_sorted(items: list[Any], key: Any = str) -> list[Any]:
    """Items in alphabetical order of `key(item)` (default: their text)."""
    return sorted(items, key=lambda item: sort_key(key(item)))
