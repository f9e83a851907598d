"""Alphabetical order as the visitor's language has it: case-insensitive, accents second.

Alphabetical lists sort in the database: PostgreSQL compares with the ICU collation of the visitor's
language (`"uk-x-icu"`, ...), SQLite by `portal_sort_key(column)`, a function registered on each
new connection that gives each name its `sort_key` as bytes. Lists sorted in Python (the language
filter by the names the visitor reads) use `sort_key` directly.

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

SQLITE_FUNCTION = "portal_sort_key"
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


@lru_cache(maxsize=16_384)
def _sort_key(text: str) -> tuple[str, str, str]:
    return ("".join(_letter_key(char) for char in text), text.casefold(), text)


# A collation is called for each comparison of a sort (some 9,000 for 1,000 names, each asking
# for two keys in Python); a key function runs once per row and leaves the comparisons to
# SQLite's memcmp. The parts joined by a zero byte compare as the tuple does, UTF-8 keeping the
# order of code points (only a name holding a zero byte, which Django's forms refuse, could
# sort apart from its tuple).
@lru_cache(maxsize=16_384)
def _sqlite_key(text: str | None) -> bytes:
    return "\0".join(sort_key(text or "")).encode()


def register_sqlite_function(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FUNCTION, 1, _sqlite_key, deterministic=True)


def connect() -> None:
    """Called once from the portal's AppConfig.ready()."""
    connection_created.connect(register_sqlite_function, dispatch_uid="portal.collation")


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
            return f"{SQLITE_FUNCTION}({sql})", params
        return sql, params


def locale_sorted(items: list[Any], key: Any = str) -> list[Any]:
    """Items in alphabetical order of `key(item)` (default: their text)."""
    return sorted(items, key=lambda item: sort_key(key(item)))
