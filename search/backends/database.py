"""Full-text search in the database: SQLite FTS5 embedded, PostgreSQL full text in production.

Text is analysed in Python (search.analysis) for both engines, so stemming and umlaut folding
behave the same on the laptop and on the server; PostgreSQL therefore indexes the already
analysed tokens with its 'simple' configuration rather than its own 'german' one, whose stems
would differ from SQLite's. Each query word matches as a prefix of its stem or of its folded
form, which also finds the heads of German compounds (Beratung → Beratungsstelle), and as any
word of its synonym group (search.synonyms). All words must match; when that finds nothing, any
word may. Index rows are written in the caller's transaction, so they commit or roll back with
the change they describe.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from django.db import DatabaseError, connection, transaction
from django.db.models import JSONField, Value
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from search import synonyms
from search.analysis import index_terms, query_terms, tagged_terms
from search.backends.base import Hit, SearchBackend, SearchDocument, batched
from search.models import IndexEntry
from search.snippets import Passage, passage
from search.synonyms import query_forms

# A stored generated column: title terms weighted A, body terms B (migration 0006).
POSTGRES_VECTOR = "e.search_vector"
# ts_rank is divided by the logarithm of a document's distinct words, as BM25 weighs a match in
# a short text above one in a long text; a document known by little more than its title (a page
# whose text is not indexed) counts as this long, or its title alone would outrank every
# description.
POSTGRES_SHORTEST_LENGTH = 32
# The titles alone, with a GIN index of their own (migration 0009) for suggestions.
POSTGRES_TITLE_VECTOR = "to_tsvector('simple', e.title_terms)"
TITLE_WEIGHT = 10.0
RANKING_WINDOW = 1000
FACETS = ("topic", "municipality", "language")

# Suggestions ask the engine for this many times the suggestions they show.
SUGGEST_WINDOW_FACTOR = 8

Term = tuple[str, ...]
# In the title terms, between the title's words and the keywords' (SearchDocument.keywords);
# a token no query word reaches (it starts with a digit and holds one).
KEYWORDS_MARK = "0kw0"
# kind, object_id, title, title_terms, url, facet_terms, score[, translations]
Row = tuple


def _sqlite_match(terms: list[Term], operator: str, titles_only: bool = False) -> str:
    groups = [" OR ".join(f'"{form}"*' for form in dict.fromkeys(term)) for term in terms]
    # FTS5's column filter: each group matched in the title column only.
    column = "title_terms : " if titles_only else ""
    return f" {operator} ".join(f"{column}({group})" for group in groups)


def _postgres_tsquery(terms: list[Term], operator: str) -> str:
    groups = [" | ".join(f"{form}:*" for form in dict.fromkeys(term)) for term in terms]
    return f" {operator} ".join(f"({group})" for group in groups)


def _postgres_rank(terms: list[Term]) -> tuple[str, str, list[str]]:
    """ts_rank per query word, summed, over the logarithm of the document's length: BM25's
    shape, so that PostgreSQL orders a tier's hits as SQLite does. Returns the score, the FROM
    items of the words' queries (parsed once, not per row) and their parameters.

    One ts_rank over the whole query scores an AND by the nearness of every pair of its
    lexemes, the forms of one word among them (stem and folded form, indexed side by side):
    documents holding the words in a title saturate at 1.0 and tie, and the tie was settled by
    id. Without the length, the longest description mentioning a word most often came first."""
    names = [f"w{number}" for number in range(len(terms))]
    ranks = " + ".join(f"ts_rank({POSTGRES_VECTOR}, {name})" for name in names)
    length = f"greatest(length({POSTGRES_VECTOR}), {POSTGRES_SHORTEST_LENGTH})"
    queries = "".join(f", to_tsquery('simple', %s) {name}" for name in names)
    return (
        # In float8: the same logarithm taken in numeric made the statement five times slower.
        f"({ranks}) / ln({length}::float8 + 1)",
        queries,
        [_postgres_tsquery([term], "&") for term in terms],
    )


def _matches(terms: list[Term], tokens: list[str]) -> int:
    """How many of the terms start one of the tokens (str.startswith takes a term's forms)."""
    return sum(1 for term in terms if any(token.startswith(term) for token in tokens))


def _word_starts(terms: list[Term]) -> list[tuple[str, ...]] | None:
    """Each term's forms with a space before them: a form starts a token of a text written
    as " token token …" where " form" occurs in it. None where a form is empty or holds white
    space, for which that does not hold (then _matches is asked instead)."""
    if any(not form or len(form.split()) != 1 for term in terms for form in term):
        return None
    return [tuple(f" {form}" for form in dict.fromkeys(term)) for term in terms]


def _count_in(starts: list[tuple[str, ...]], text: str) -> int:
    """_matches over the tokens of `text` (" " + the tokens joined by single spaces)."""
    count = 0
    for term in starts:  # loops rather than generators: a thousand titles, three counts each
        for start in term:
            if start in text:
                count += 1
                break
    return count


def facet_terms(document: SearchDocument) -> str:
    values = zip(
        FACETS, (document.topics, document.municipalities, document.languages), strict=True
    )
    return " ".join(f"{facet}:{value}" for facet, group in values for value in group)


# Per process, as a document's facet string stands for the same values on every request.
@lru_cache(maxsize=20_000)
def _facet_values(terms: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {facet: [] for facet in FACETS}
    for token in terms.split():
        facet, _sep, value = token.partition(":")
        values = found.get(facet)
        if values is None:
            values = found[facet] = []
        values.append(value)
    return {facet: tuple(values) for facet, values in found.items()}


def _terms(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _fields(document: SearchDocument) -> dict[str, object]:
    """The index row: German title and keywords as title terms, the body as body terms, and
    each translation's words tagged with its language beside them (search.analysis)."""
    translated = [t for t in document.translations if t.language != "de"]
    return {
        "title": document.title[:300],
        "body": document.body,
        "title_terms": _terms(
            index_terms(document.title),
            *(tagged_terms(t.language, t.title) for t in translated),
            KEYWORDS_MARK,
            index_terms(document.keywords),
            *(tagged_terms(t.language, t.keywords) for t in translated),
        ),
        "body_terms": _terms(
            index_terms(document.body), *(tagged_terms(t.language, t.body) for t in translated)
        ),
        "translations": {
            t.language: {"title": t.title[:300], "body": t.body}
            for t in translated
            if t.title or t.body
        },
        "public": document.public,
        "visible_until": document.visible_until,
        "url": document.url[:500],
        "facet_terms": facet_terms(document),
        "audience": audience_terms(document.audience),
    }


def audience_terms(scopes: Sequence[str]) -> str:
    """Scopes between spaces, so that one is matched whole by LIKE '% actor:5 %'."""
    return f" {' '.join(scopes)} " if scopes else ""


def _entry(document: SearchDocument) -> IndexEntry:
    return IndexEntry(kind=document.kind, object_id=document.object_id, **_fields(document))


def _translation(value: object, language: str | None) -> dict:
    """One language's part of IndexEntry.translations (SQLite hands the JSON as text)."""
    if not language or not value:
        return {}
    if isinstance(value, str):
        if f'"{language}"' not in value:
            return {}
        value = json.loads(value)
    return value.get(language) or {} if isinstance(value, dict) else {}


def _ranked_hits(
    rows: list[Row],
    literal: list[Term],
    terms: list[Term],
    limit: int,
    language: str | None = None,
) -> list[Hit]:
    """The words as typed in the title or the keywords first (an actor's own offers: the
    college offering "Deutschkurs" before a need for a driver to a "Sprachkurs"), among those
    the ones with the words in the title, then synonyms in the title, then the engine's
    score."""

    literal_starts, term_starts = _word_starts(literal), _word_starts(terms)

    def rank(row: Row) -> tuple:
        title, _mark, keywords = row[3].partition(KEYWORDS_MARK)
        title_tokens = title.split()
        if literal_starts is None or term_starts is None:
            return (
                -_matches(literal, title_tokens + keywords.split()),
                -_matches(literal, title_tokens),
                -_matches(terms, title_tokens),
                -row[6],
                *row[:2],
            )
        # The same three counts by substring tests on the joined tokens: calling startswith
        # for every token of every one of a thousand titles was a sixth of the search page.
        title_text = " " + " ".join(title_tokens)
        keywords_text = " ".join(keywords.split())
        all_text = f"{title_text} {keywords_text}" if keywords_text else title_text
        return (
            -_count_in(literal_starts, all_text),
            -_count_in(literal_starts, title_text),
            -_count_in(term_starts, title_text),
            -row[6],
            *row[:2],
        )

    hits = []
    for row in sorted(rows, key=rank)[:limit]:
        kind, object_id, title, _terms, url, facets, score = row[:7]
        translated = _translation(row[7], language) if len(row) > 7 else {}
        values = _facet_values(facets)
        hits.append(
            Hit(
                kind=kind,
                object_id=object_id,
                score=score,
                title=title,
                url=url,
                topics=values["topic"],
                municipalities=values["municipality"],
                languages=values["language"],
                translated_title=translated.get("title") or "",
            )
        )
    return hits


class DatabaseSearchBackend(SearchBackend):
    name = "database"
    transactional = True

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        *,
        kinds: Sequence[str],
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """In one transaction, so searches see the old index until the new one is complete;
        rows are inserted in bulk."""
        written = 0
        with transaction.atomic():
            IndexEntry.objects.filter(kind__in=kinds).delete()
            for batch in batched(documents, batch_size):
                IndexEntry.objects.bulk_create([_entry(document) for document in batch])
                written += len(batch)
                if progress is not None:
                    progress(len(batch))
        return written

    def index(self, documents: Iterable[SearchDocument]) -> None:
        with transaction.atomic():
            for document in documents:
                IndexEntry.objects.update_or_create(
                    kind=document.kind, object_id=document.object_id, defaults=_fields(document)
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
        scopes: Sequence[str] = (),
        language: str | None = None,
    ) -> list[Hit]:
        literal = query_terms(query, language)
        terms = synonyms.expand(literal)
        if not terms:
            return []
        # Title matches are ranked in Python, so the engine returns a wider window than asked.
        window = max(limit, RANKING_WINDOW)
        rows = self._match(terms, "AND", kinds, public_only, window, scopes)
        if not rows and len(terms) > 1:
            rows = self._match(terms, "OR", kinds, public_only, window, scopes)
        return _ranked_hits(rows, literal, terms, limit)

    def suggest(
        self,
        query: str,
        *,
        limit: int = 8,
        scopes: Sequence[str] = (),
        language: str | None = None,
    ) -> list[Hit]:
        """Titles the words typed start, from their own table (search.suggestions), also when
        Elasticsearch falls back to this backend."""
        from search.suggestions import titles_starting  # built on this module's ranking

        return titles_starting(self, query, limit=limit, scopes=scopes, language=language)

    def full_text_sql(
        self,
        terms: list[Term],
        operator: str,
        kinds: Sequence[str] | None,
        public_only: bool,
        limit: int,
        scopes: Sequence[str] = (),
        titles_only: bool = False,
        translations: bool = False,
    ) -> tuple[str, list[object]]:
        """The one SQL statement a search runs, with its parameters (also timed alone by
        benchmarks/search.py)."""
        conditions: list[str] = []
        params: list[object] = []
        if kinds:
            conditions.append(f"e.kind IN ({', '.join(['%s'] * len(kinds))})")
            params.extend(kinds)
        if public_only:
            allowed = ["e.public = %s", *["e.audience LIKE %s" for _scope in scopes]]
            conditions.append(f"({' OR '.join(allowed)})")
            params += [True, *[f"% {scope} %" for scope in scopes]]
            conditions.append("(e.visible_until IS NULL OR e.visible_until >= %s)")
            params.append(timezone.localdate())
        extra = "".join(f" AND {condition}" for condition in conditions)
        columns = "e.kind, e.object_id, e.title, e.title_terms, e.url, e.facet_terms"
        score_then = ", e.translations" if translations else ""
        # Only constants and placeholders are formatted into the SQL; values go as parameters.
        if connection.vendor == "postgresql" and titles_only:
            # A two-letter prefix starts a third of all titles; ranking each of them with
            # ts_rank cost 15 ms at 10,000 documents, so suggestions take the shortest titles
            # (the nearest completions, as words are completed) in 3 ms.
            sql = (
                f"SELECT {columns}, "  # noqa: S608
                f"1.0 / (1 + length(e.title_terms)) AS score{score_then} "
                "FROM search_indexentry e, to_tsquery('simple', %s) q "
                f"WHERE {POSTGRES_TITLE_VECTOR} @@ q{extra} ORDER BY score DESC, e.id LIMIT %s"
            )
            params = [_postgres_tsquery(terms, "&" if operator == "AND" else "|"), *params]
        elif connection.vendor == "postgresql":
            score, word_queries, word_params = _postgres_rank(terms)
            sql = (
                f"SELECT {columns}, {score} AS score{score_then} "  # noqa: S608
                f"FROM search_indexentry e, to_tsquery('simple', %s) q{word_queries} "
                f"WHERE {POSTGRES_VECTOR} @@ q{extra} ORDER BY score DESC LIMIT %s"
            )
            params = [
                _postgres_tsquery(terms, "&" if operator == "AND" else "|"),
                *word_params,
                *params,
            ]
        else:
            sql = (
                f"SELECT {columns}, "  # noqa: S608
                f"-bm25(search_fts, {TITLE_WEIGHT}, 1.0) AS score{score_then} "
                "FROM search_fts JOIN search_indexentry e ON e.id = search_fts.rowid "
                f"WHERE search_fts MATCH %s{extra} ORDER BY score DESC LIMIT %s"
            )
            params = [_sqlite_match(terms, operator, titles_only), *params]
        params.append(limit)
        return sql, params

    def _match(
        self,
        terms: list[Term],
        operator: str,
        kinds: Sequence[str] | None,
        public_only: bool,
        limit: int,
        scopes: Sequence[str],
        titles_only: bool = False,
        translations: bool = False,
    ) -> list[Row]:
        sql, params = self.full_text_sql(
            terms, operator, kinds, public_only, limit, scopes, titles_only, translations
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(*row[:6], float(row[6]), *row[7:]) for row in cursor.fetchall()]

    def highlight(
        self, query: str, hits: Sequence[Hit], language: str | None = None
    ) -> dict[tuple[str, str], str]:
        """Sentences of each hit (search.snippets), from its translation into `language` where
        that holds the query's words; each passage carries the hit's title in that language
        as `title` where one is translated."""
        if not hits:
            return {}
        terms = query_forms(query, language)
        # The hits' ids and kinds as two IN lists, the pairs picked below: the ORM built a
        # condition of twenty ORed pairs more slowly than the database answered it.
        wanted = {hit.key for hit in hits}
        entries = IndexEntry.objects.filter(
            kind__in={kind for kind, _id in wanted}, object_id__in={pk for _kind, pk in wanted}
        )
        if language:
            # Only the visitor's language of the translations: decoding every language's text
            # (the whole JSON of twenty hits) was half of highlighting a page on PostgreSQL.
            entries = entries.annotate(translated=KeyTransform(language, "translations"))
        else:
            entries = entries.annotate(translated=Value(None, output_field=JSONField()))
        passages: dict[tuple[str, str], str] = {}
        for kind, object_id, body, translated in entries.values_list(
            "kind", "object_id", "body", "translated"
        ):
            if (kind, object_id) not in wanted:
                continue
            translated = translated if isinstance(translated, dict) else {}
            found: Passage = passage(
                body, terms, translated=translated.get("body") or "", language=language
            )
            found.title = translated.get("title") or ""
            passages[(kind, object_id)] = found
        return passages

    def health(self) -> tuple[bool, str]:
        if connection.vendor == "sqlite":
            count_sql = "SELECT COUNT(*) FROM search_fts"
        else:
            count_sql = "SELECT COUNT(*) FROM search_indexentry"
        try:
            with connection.cursor() as cursor:
                cursor.execute(count_sql)
                (count,) = cursor.fetchone()
        except DatabaseError as exc:
            return False, f"index unavailable: {exc.__class__.__name__}"
        return True, f"{count} documents"
