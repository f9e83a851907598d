"""Search on Elasticsearch, with the database backend answering whenever it cannot.

The index is reached through an alias (settings.ELASTICSEARCH_INDEX, "mia-search"); a rebuild
fills a new timestamped index and then moves the alias to it in one atomic step, so searches are
answered throughout. German analysis happens in Elasticsearch: German normalisation (ä → a,
ae → a, ß → ss), ASCII folding and the light German stemmer at index time, the staff's synonym
list at query time, and an edge n-gram subfield of the title for suggestions and compound heads.
Typos are forgiven with fuzziness.

Every write also goes to the database backend (search.registry), so when Elasticsearch is
unreachable the queries fall back to it; the outage is logged once, when it starts, and once
more when Elasticsearch answers again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.utils import timezone
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)
from elasticsearch.helpers import streaming_bulk

from search import synonyms
from search.backends.base import (
    FACETS,
    Hit,
    SearchBackend,
    SearchDocument,
)
from search.backends.database import DatabaseSearchBackend

logger = logging.getLogger(__name__)

DEFAULT_URL = "http://localhost:9200"
DEFAULT_ALIAS = "mia-search"
REQUEST_TIMEOUT = 2.0
# After a request timed out (a cluster that accepts connections but does not answer), calls go
# straight to the fallback for this long, so that a save or a search page does not wait one
# timeout per request. A refused connection fails at once and is simply tried again.
TIMED_OUT_RETRY_AFTER = 30.0
FACET_FIELDS = {
    "kind": "kind",
    "topic": "topics",
    "municipality": "municipalities",
    "language": "languages",
}
FACET_SIZE = 100

Result = TypeVar("Result")


def german_analysis(synonym_groups: Sequence[Sequence[str]]) -> dict[str, Any]:
    """The analyzers of the index; the synonym groups are fixed into it when it is built."""
    synonym_filter = token_filter(
        "mia_synonyms",
        type="synonym_graph",
        synonyms=[", ".join(word.lower() for word in group) for group in synonym_groups],
    )
    stemmer = token_filter("mia_german_stemmer", type="stemmer", language="light_german")
    edge_ngrams = token_filter("mia_edge_ngrams", type="edge_ngram", min_gram=2, max_gram=20)
    folding = ["lowercase", "german_normalization", "asciifolding"]
    return {
        "german": analyzer("mia_german", tokenizer="standard", filter=[*folding, stemmer]),
        "german_search": analyzer(
            "mia_german_search",
            tokenizer="standard",
            filter=["lowercase", synonym_filter, "german_normalization", "asciifolding", stemmer],
        ),
        "prefixes": analyzer("mia_prefixes", tokenizer="standard", filter=[*folding, edge_ngrams]),
        "prefix_search": analyzer("mia_prefix_search", tokenizer="standard", filter=folding),
    }


def entry_class(synonym_groups: Sequence[Sequence[str]]) -> type[Document]:
    """The document type of the index, its mapping built with the current synonyms."""
    analysis = german_analysis(synonym_groups)
    german = {"analyzer": analysis["german"], "search_analyzer": analysis["german_search"]}

    class SearchEntry(Document):
        kind = Keyword()
        object_id = Keyword()
        title = Text(
            **german,
            fields={
                "suggest": Text(
                    analyzer=analysis["prefixes"], search_analyzer=analysis["prefix_search"]
                )
            },
        )
        body = Text(**german)
        public = Boolean()
        visible_until = Date()
        url = Keyword(index=False)
        topics = Keyword()
        municipalities = Keyword()
        languages = Keyword()
        audience = Keyword()

    return SearchEntry


def document_id(kind: str, object_id: str) -> str:
    return f"{kind}:{object_id}"


def source(document: SearchDocument) -> dict[str, Any]:
    return {
        "kind": document.kind,
        "object_id": document.object_id,
        "title": document.title,
        "body": document.body,
        "public": document.public,
        "visible_until": document.visible_until.isoformat() if document.visible_until else None,
        "url": document.url,
        "topics": list(document.topics),
        "municipalities": list(document.municipalities),
        "languages": list(document.languages),
        "audience": list(document.audience),
    }


class ElasticsearchSearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None, alias: str | None = None):
        self.client = client or Elasticsearch(
            getattr(settings, "ELASTICSEARCH_URL", "") or DEFAULT_URL,
            request_timeout=REQUEST_TIMEOUT,
            max_retries=0,
        )
        self.alias = alias or getattr(settings, "ELASTICSEARCH_INDEX", DEFAULT_ALIAS)
        # The client's pool warns at every failed request; this backend reports the outage
        # itself, once.
        logging.getLogger("elastic_transport.node_pool").setLevel(logging.ERROR)
        self.fallback = DatabaseSearchBackend()
        self.unreachable = False
        self._skip_until = 0.0
        self._index_ready = False

    # --- outages ---------------------------------------------------------------------------

    def _answered(self) -> None:
        if self.unreachable:
            logger.warning("Elasticsearch answers again; searching there again.")
            self.unreachable = False

    def _failed(self, error: Exception) -> None:
        if not self.unreachable:
            logger.error(
                "Elasticsearch is unreachable (%s); searching the database until it answers.",
                error.__class__.__name__,
            )
            self.unreachable = True
        if isinstance(error, ConnectionTimeout):
            self._skip_until = time.monotonic() + TIMED_OUT_RETRY_AFTER

    def _guarded(self, call: Callable[[], Result], fallback: Callable[[], Result]) -> Result:
        if self.unreachable and time.monotonic() < self._skip_until:
            return fallback()
        try:
            result = call()
        except (TransportError, ApiError) as error:
            self._failed(error)
            return fallback()
        self._answered()
        return result

    def _write(self, call: Callable[[], object]) -> None:
        """Writes that fail during an outage are dropped (the database index has them);
        `search_index rebuild` brings Elasticsearch up to date afterwards."""
        self._guarded(call, lambda: None)

    # --- index -----------------------------------------------------------------------------

    def _search(self) -> Search:
        return Search(using=self.client, index=self.alias)

    def create_index(self, name: str) -> None:
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.document(entry_class(synonyms.groups()))
        index.create()

    def _ensure_index(self) -> None:
        """The first write to a cluster that has never been rebuilt creates the index."""
        if self._index_ready:
            return
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index_name()
            self.create_index(name)
            self.client.indices.put_alias(index=name, name=self.alias)
        self._index_ready = True

    def _new_index_name(self) -> str:
        return f"{self.alias}-{timezone.now().strftime('%Y%m%d%H%M%S%f')}"

    def _actions(self, documents: Iterable[SearchDocument], index: str) -> Iterator[dict]:
        for document in documents:
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": document_id(document.kind, document.object_id),
                "_source": source(document),
            }

    def _bulk(
        self,
        documents: Iterable[SearchDocument],
        index: str,
        *,
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        written = 0
        for ok, item in streaming_bulk(
            self.client, self._actions(documents, index), chunk_size=batch_size, refresh=False
        ):
            if not ok:
                raise RuntimeError(f"Elasticsearch refused a document: {item}")
            written += 1
            if progress is not None and written % batch_size == 0:
                progress(batch_size)
        if progress is not None and written % batch_size:
            progress(written % batch_size)
        return written

    def index(self, documents: Iterable[SearchDocument]) -> None:
        batch = list(documents)
        if not batch:
            return

        def write() -> None:
            self._ensure_index()
            self._bulk(batch, self.alias)
            self.client.indices.refresh(index=self.alias)

        self._write(write)

    def delete(self, kind: str, object_ids: Iterable[str]) -> None:
        ids = [document_id(kind, str(pk)) for pk in object_ids]
        if ids:
            self._write(
                lambda: self.client.delete_by_query(
                    index=self.alias,
                    query={"ids": {"values": ids}},
                    refresh=True,
                    conflicts="proceed",
                )
            )

    def clear(self, kind: str | None = None) -> None:
        query = {"term": {"kind": kind}} if kind else {"match_all": {}}
        self._write(
            lambda: self.client.delete_by_query(
                index=self.alias, query=query, refresh=True, conflicts="proceed"
            )
        )

    def rebuild(
        self,
        documents: Iterable[SearchDocument],
        *,
        kinds: Sequence[str],
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Every kind: a new index, filled, then the alias moved to it and the old one deleted.
        One kind: its documents replaced in the current index."""
        from search import registry

        if set(kinds) != set(registry.kinds()):
            self._ensure_index()
            self.client.delete_by_query(
                index=self.alias, query={"terms": {"kind": list(kinds)}}, conflicts="proceed"
            )
            written = self._bulk(documents, self.alias, batch_size=batch_size, progress=progress)
            self.client.indices.refresh(index=self.alias)
            return written
        name = self._new_index_name()
        self.create_index(name)
        written = self._bulk(documents, name, batch_size=batch_size, progress=progress)
        self.client.indices.refresh(index=name)
        try:
            previous = sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            previous = []
        actions: list[dict[str, Any]] = [{"add": {"index": name, "alias": self.alias}}]
        actions += [{"remove": {"index": old, "alias": self.alias}} for old in previous]
        self.client.indices.update_aliases(actions=actions)
        for old in previous:
            self.client.indices.delete(index=old)
        self._index_ready = True
        return written

    # --- queries ---------------------------------------------------------------------------

    def _filters(
        self, kinds: Sequence[str] | None, public_only: bool, scopes: Sequence[str] = ()
    ) -> list[Q]:
        filters = []
        if kinds:
            filters.append(Q("terms", kind=list(kinds)))
        if public_only:
            today = timezone.localdate().isoformat()
            if scopes:
                allowed = [Q("term", public=True), Q("terms", audience=list(scopes))]
                filters.append(Q("bool", should=allowed, minimum_should_match=1))
            else:
                filters.append(Q("term", public=True))
            filters.append(Q("bool", must_not=[Q("range", visible_until={"lt": today})]))
        return filters

    def _query(self, query: str, operator: str) -> Q:
        """Whole words with fuzziness (typos), the title ten times the body, or the start of a
        title word (compound heads, words being typed)."""
        return Q(
            "bool",
            should=[
                Q(
                    "multi_match",
                    query=query,
                    fields=["title^10", "body"],
                    operator=operator,
                    fuzziness="AUTO",
                    prefix_length=1,
                ),
                Q("match", **{"title.suggest": {"query": query, "operator": operator}}),
            ],
            minimum_should_match=1,
        )

    def _request(
        self,
        query: str,
        operator: str,
        kinds: Sequence[str] | None,
        public_only: bool,
        limit: int,
        scopes: Sequence[str] = (),
    ) -> Search:
        filters = self._filters(kinds, public_only, scopes)
        search = self._search().query(
            Q("bool", must=[self._query(query, operator)], filter=filters)
        )
        return search.source(
            ["kind", "object_id", "title", "url", "topics", "municipalities", "languages"]
        ).extra(size=limit, track_total_hits=False)

    @staticmethod
    def _hits(response: Any) -> list[Hit]:
        hits = []
        for hit in response:
            found = hit.to_dict()
            hits.append(
                Hit(
                    kind=found["kind"],
                    object_id=str(found["object_id"]),
                    score=float(hit.meta.score or 0.0),
                    title=found.get("title", ""),
                    url=found.get("url") or "",
                    topics=tuple(found.get("topics") or ()),
                    municipalities=tuple(found.get("municipalities") or ()),
                    languages=tuple(found.get("languages") or ()),
                )
            )
        return hits

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
        query = " ".join(query.split())
        if not any(ch.isalnum() for ch in query):
            return []
        if language and language != "de":
            # Translations are indexed in the database only: queries in another language
            # are answered there, with the German text searched beside them.
            return self.fallback.search(
                query,
                kinds=kinds,
                public_only=public_only,
                limit=limit,
                scopes=scopes,
                language=language,
            )

        def ask() -> list[Hit]:
            hits = self._hits(
                self._request(query, "and", kinds, public_only, limit, scopes).execute()
            )
            if not hits and len(query.split()) > 1:
                hits = self._hits(
                    self._request(query, "or", kinds, public_only, limit, scopes).execute()
                )
            return hits

        return self._guarded(
            ask,
            lambda: self.fallback.search(
                query, kinds=kinds, public_only=public_only, limit=limit, scopes=scopes
            ),
        )

    def suggest(
        self,
        query: str,
        *,
        limit: int = 8,
        scopes: Sequence[str] = (),
        language: str | None = None,
    ) -> list[Hit]:
        query = " ".join(query.split())
        if language and language != "de":
            return self.fallback.suggest(query, limit=limit, scopes=scopes, language=language)

        def ask() -> list[Hit]:
            search = (
                self._search()
                .query(
                    Q(
                        "bool",
                        must=[Q("match", **{"title.suggest": {"query": query, "operator": "and"}})],
                        filter=self._filters(None, True, scopes),
                    )
                )
                .source(["kind", "object_id", "title", "url"])
                .extra(size=limit)
            )
            return self._hits(search.execute())

        return self._guarded(ask, lambda: self.fallback.suggest(query, limit=limit, scopes=scopes))

    def highlight(
        self, query: str, hits: Sequence[Hit], language: str | None = None
    ) -> dict[tuple[str, str], str]:
        """Sentences of each hit, from the database index, which holds every document's text
        and its translations as Elasticsearch does (search.snippets): a fragment of the
        body cut by Elasticsearch read as a list of names wherever the match was in one."""
        return self.fallback.highlight(query, hits, language)

    def count_facets(
        self, hits: Sequence[Hit], selected: Mapping[str, set[str]]
    ) -> dict[str, dict[str, int]]:
        """One request: per facet, a filter aggregation with the other facets' choices applied
        over the hits, and a terms aggregation inside it."""
        if not hits:
            return {facet: {} for facet in FACETS}

        def ask() -> dict[str, dict[str, int]]:
            ids = [document_id(hit.kind, hit.object_id) for hit in hits]
            search = self._search().query(Q("ids", values=ids)).extra(size=0)
            for facet, field in FACET_FIELDS.items():
                others = [
                    Q("terms", **{FACET_FIELDS[other]: sorted(chosen)})
                    for other, chosen in selected.items()
                    if other != facet and chosen
                ]
                search.aggs.bucket(facet, "filter", Q("bool", filter=others)).bucket(
                    "values", "terms", field=field, size=FACET_SIZE
                )
            aggregations = search.execute().aggregations
            return {
                facet: {
                    bucket.key: bucket.doc_count for bucket in aggregations[facet]["values"].buckets
                }
                for facet in FACET_FIELDS
            }

        return self._guarded(ask, lambda: self.fallback.count_facets(hits, selected))

    def health(self) -> tuple[bool, str]:
        try:
            health = self.client.cluster.health(timeout="2s")
        except (TransportError, ApiError) as error:
            self._failed(error)
            return False, f"unreachable: {error.__class__.__name__}"
        status = health.get("status", "unknown")
        return status in {"green", "yellow"}, f"cluster {status}"
