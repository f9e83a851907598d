"""Full-text search in the database: SQLite FTS5 embedded, PostgreSQL full text in production.

Text is analysed in Python (search.analysis) for both engines, so stemming and umlaut folding
behave the same on the laptop and on the server. Each query word matches as a prefix of its stem
or of its folded form, which also finds the heads of German compounds (Beratung → Beratungsstelle).
All words must match; when that finds nothing, any word may.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import DatabaseError, connection, transaction

from search.analysis import index_terms, query_terms
from search.backends.base import Hit, SearchBackend, SearchDocument
from search.models import IndexEntry

POSTGRES_VECTOR = (
    "setweight(to_tsvector('simple', e.title_terms), 'A') || "
    "setweight(to_tsvector('simple', e.body_terms), 'B')"
)
TITLE_WEIGHT = 10.0


def _sqlite_match(terms: list[tuple[str, str]], operator: str) -> str:
    groups = [" OR ".join(f'"{form}"*' for form in dict.fromkeys(term)) for term in terms]
    return f" {operator} ".join(f"({group})" for group in groups)


def _postgres_tsquery(terms: list[tuple[str, str]], operator: str) -> str:
    groups = [" | ".join(f"{form}:*" for form in dict.fromkeys(term)) for term in terms]
    return f" {operator} ".join(f"({group})" for group in groups)


def _title_matches(terms: list[tuple[str, str]], title_terms: str) -> int:
    tokens = title_terms.split()
    return sum(
        1 for term in terms if any(token.startswith(form) for form in term for token in tokens)
    )


class DatabaseSearchBackend(SearchBackend):
    name = "database"

    def index(self, documents: Iterable[SearchDocument]) -> None:
        with transaction.atomic():
            for document in documents:
                IndexEntry.objects.update_or_create(
                    kind=document.kind,
                    object_id=document.object_id,
                    defaults={
                        "title": document.title[:300],
                        "body": document.body,
                        "title_terms": index_terms(document.title),
                        "body_terms": index_terms(document.body),
                        "public": document.public,
                    },
                )

    def delete(self, kind: str, object_ids: Iterable[str]) -> None:
        IndexEntry.objects.filter(kind=kind, object_id__in=[str(pk) for pk in object_ids]).delete()

    def clear(self, kind: str | None = None) -> None:
        entries = IndexEntry.objects.all()
        if kind is not None:
            entries = entries.filter(kind=kind)
        entries.delete()

    def search(
        self,
        query: str,
        *,
        kinds: Sequence[str] | None = None,
        public_only: bool = True,
        limit: int = 1000,
    ) -> list[Hit]:
        terms = query_terms(query)
        if not terms:
            return []
        rows = self._match(terms, "AND", kinds, public_only, limit)
        if not rows and len(terms) > 1:
            rows = self._match(terms, "OR", kinds, public_only, limit)
        ranked = sorted(
            rows, key=lambda row: (-_title_matches(terms, row[3]), -row[4], row[0], row[1])
        )
        return [
            Hit(kind=kind, object_id=object_id, score=score, title=title)
            for kind, object_id, title, _terms, score in ranked
        ]

    def _match(
        self,
        terms: list[tuple[str, str]],
        operator: str,
        kinds: Sequence[str] | None,
        public_only: bool,
        limit: int,
    ) -> list[tuple[str, str, str, str, float]]:
        conditions: list[str] = []
        params: list[object] = []
        if kinds:
            conditions.append(f"e.kind IN ({', '.join(['%s'] * len(kinds))})")
            params.extend(kinds)
        if public_only:
            conditions.append("e.public = %s")
            params.append(True)
        extra = "".join(f" AND {condition}" for condition in conditions)
        # Only constants and placeholders are formatted into the SQL; values go as parameters.
        if connection.vendor == "postgresql":
            sql = (
                "SELECT e.kind, e.object_id, e.title, e.title_terms, "  # noqa: S608
                f"ts_rank({POSTGRES_VECTOR}, q) AS score "
                "FROM search_indexentry e, to_tsquery('simple', %s) q "
                f"WHERE {POSTGRES_VECTOR} @@ q{extra} ORDER BY score DESC LIMIT %s"
            )
            params = [_postgres_tsquery(terms, "&" if operator == "AND" else "|"), *params]
        else:
            sql = (
                "SELECT e.kind, e.object_id, e.title, e.title_terms, "  # noqa: S608
                f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0) AS score "
                "FROM search_fts JOIN search_indexentry e ON e.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s{extra} ORDER BY score DESC LIMIT %s"
            )
            params = [_sqlite_match(terms, operator), *params]
        params.append(limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(k, o, t, tt, float(s)) for k, o, t, tt, s in cursor.fetchall()]

    def health(self) -> tuple[bool, str]:
        table = "search_fts" if connection.vendor == "sqlite" else "search_indexentry"
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - fixed name
                (count,) = cursor.fetchone()
        except DatabaseError as exc:
            return False, f"index unavailable: {exc.__class__.__name__}"
        return True, f"{count} documents"
