"""Titles for the suggestions box from the table of title starts, as fast at 10,000 documents
as at ten.

The full-text statement ranked every title a prefix starts before taking the best few: for a
two-letter prefix a third of the index, a quarter of a second on SQLite at 10,000 documents.
Here the prefix is looked up in search_titlestart (search/migrations/_title_starts.py), whose
primary key hands the entries over shortest title first, so the statement reads the window
(a few dozen rows) and stops. Which entries match is what the full-text statement matched:
every query word (with its synonyms and, on a page in another language, its translated forms)
starts a word of the title, the keywords or a translated title; the window is ranked by the
backend's own tiers, and the texts are asked only when the titles give too few.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.utils import timezone

from search import synonyms
from search.analysis import query_terms
from search.backends.base import Hit
from search.backends.database import (
    SUGGEST_WINDOW_FACTOR,
    DatabaseSearchBackend,
    Row,
    Term,
    _ranked_hits,
)
from search.migrations._title_starts import LONGEST_PREFIX

COLUMNS = "e.kind, e.object_id, e.title, e.title_terms, e.url, e.facet_terms"
# A word of the entry's title terms starts with the form given as "% form%": the terms are
# words of letters and digits between single spaces, so neither side holds a LIKE wildcard.
STARTS_A_WORD = "(' ' || e.title_terms) LIKE %s"


def titles_starting(
    backend: DatabaseSearchBackend,
    query: str,
    *,
    limit: int,
    scopes: Sequence[str] = (),
    language: str | None = None,
) -> list[Hit]:
    """Up to `limit` hits the scopes may see whose titles the query's words start, ranked as
    the backend ranks; those whose texts hold the words follow when the titles give too few."""
    literal = query_terms(query, language)
    terms = synonyms.expand(literal)
    if not terms:
        return []
    window = limit * SUGGEST_WINDOW_FACTOR
    translated = bool(language and language != "de")
    rows = _starting(terms, window, scopes, translated)
    if len(rows) < limit:
        seen = {(row[0], row[1]) for row in rows}
        sql, params = backend.full_text_sql(
            terms, "AND", None, True, window, scopes, translations=translated
        )
        rows += [row for row in _fetch(sql, params) if (row[0], row[1]) not in seen]
    return _ranked_hits(rows, literal, terms, limit, language)


def _fetch(sql: str, params: list[object]) -> list[Row]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(*row[:6], float(row[6]), *row[7:]) for row in cursor.fetchall()]


def title_starts_sql(
    terms: list[Term], window: int, scopes: Sequence[str] = (), translated: bool = False
) -> tuple[str, list[object]]:
    """The one statement a lookup runs, with its parameters (also timed alone by
    benchmarks/suggest.py): entries every term starts a title word of, per form of the term
    with the longest forms (the fewest entries) one range of the primary key, read shortest
    title terms first and cut at the window; the other terms are checked on the rows read."""
    driver = max(terms, key=lambda term: min(len(form) for form in term))
    others = [term for term in terms if term is not driver]
    conditions = ["(e.public = %s" + " OR e.audience LIKE %s" * len(scopes) + ")"]
    shared: list[object] = [True, *(f"% {scope} %" for scope in scopes)]
    conditions.append("(e.visible_until IS NULL OR e.visible_until >= %s)")
    shared.append(timezone.localdate())
    for term in others:
        conditions.append(f"({' OR '.join([STARTS_A_WORD] * len(term))})")
        shared += [f"% {form}%" for form in term]
    translations = ", e.translations" if translated else ""
    selects: list[str] = []
    params: list[object] = []
    for number, form in enumerate(driver):
        own = ["s.prefix = %s"]
        params.append(form[:LONGEST_PREFIX])
        if len(form) > LONGEST_PREFIX:
            own.append(STARTS_A_WORD)
            params.append(f"% {form}%")
        selects.append(
            f"SELECT * FROM (SELECT {COLUMNS}, "  # noqa: S608 - constants and placeholders only
            f"1.0 / (1 + s.weight) AS score{translations}, s.weight, s.entry_id "
            "FROM search_titlestart s JOIN search_indexentry e ON e.id = s.entry_id "
            f"WHERE {' AND '.join(own + conditions)} "
            f"ORDER BY s.weight, s.entry_id LIMIT %s) AS form{number}"
        )
        params += [*shared, window]
    return " UNION ALL ".join(selects), params


def _starting(terms: list[Term], window: int, scopes: Sequence[str], translated: bool) -> list:
    """The window of entries every term starts a title word of, the forms' windows merged."""
    with connection.cursor() as cursor:
        cursor.execute(*title_starts_sql(terms, window, scopes, translated))
        found = cursor.fetchall()
    merged: dict[int, tuple] = {}
    for row in sorted(found, key=lambda row: (row[-2], row[-1])):
        merged.setdefault(row[-1], row)
    return [(*row[:6], float(row[6]), *row[7:-2]) for row in list(merged.values())[:window]]
