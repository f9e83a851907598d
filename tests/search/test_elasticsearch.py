"""The Elasticsearch backend, through the real client over a recording transport: the exact
mapping, bulk bodies, query DSL and alias actions it sends, how it reads the answers, and how
it falls back to the database while Elasticsearch is unreachable."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.utils import timezone

from search.backends import SearchDocument
from search.backends.base import MARK_END, MARK_START
from search.backends.elasticsearch import ElasticsearchSearchBackend
from tests.search.recording_transport import Cluster
from tests.search.test_backends import KIND, BackendTests, doc

pytestmark = pytest.mark.django_db

ALIAS = "mia-search"
SOURCE_FIELDS = ["kind", "object_id", "title", "url", "topics", "municipalities", "languages"]


@pytest.fixture
def cluster() -> Cluster:
    cluster = Cluster()
    cluster.on("HEAD", f"/_alias/{ALIAS}", {})
    return cluster


@pytest.fixture
def backend(cluster) -> ElasticsearchSearchBackend:
    return ElasticsearchSearchBackend(client=cluster.client(), alias=ALIAS)


def public_filters() -> list[dict]:
    today = timezone.localdate().isoformat()
    return [
        {"term": {"public": True}},
        {"bool": {"must_not": [{"range": {"visible_until": {"lt": today}}}]}},
    ]


def words_query(query: str, operator: str) -> dict:
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": query,
                        "fields": ["title^10", "body"],
                        "operator": operator,
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                    }
                },
                {"match": {"title.suggest": {"query": query, "operator": operator}}},
            ],
            "minimum_should_match": 1,
        }
    }


def search_body(query: str, operator: str, filters: list[dict], size: int = 1000) -> dict:
    condition: dict = {"must": [words_query(query, operator)]}
    if filters:
        condition["filter"] = filters
    return {
        "query": {"bool": condition},
        "size": size,
        "track_total_hits": False,
        "_source": SOURCE_FIELDS,
    }


def answer(*sources: dict) -> dict:
    return {
        "hits": {
            "hits": [
                {"_id": f"{s['kind']}:{s['object_id']}", "_score": 3.0 - n, "_source": s}
                for n, s in enumerate(sources)
            ]
        }
    }


def requests_to(cluster: Cluster, path: str) -> list:
    return [request for request in cluster.requests if request.path == path]


# --- the index -------------------------------------------------------------------------------


def test_it_creates_the_index_with_german_analysis_synonyms_and_edge_ngrams(cluster, backend):
    backend.create_index("mia-search-1")

    (request,) = cluster.requests
    assert (request.method, request.path) == ("PUT", "/mia-search-1")
    analysis = request.body["settings"]["analysis"]
    folding = ["lowercase", "german_normalization", "asciifolding"]
    assert analysis["analyzer"] == {
        "mia_german": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*folding, "mia_german_stemmer"],
        },
        "mia_german_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "lowercase",
                "mia_synonyms",
                "german_normalization",
                "asciifolding",
                "mia_german_stemmer",
            ],
        },
        "mia_prefixes": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [*folding, "mia_edge_ngrams"],
        },
        "mia_prefix_search": {"type": "custom", "tokenizer": "standard", "filter": folding},
    }
    filters = analysis["filter"]
    assert filters["mia_german_stemmer"] == {"type": "stemmer", "language": "light_german"}
    assert filters["mia_edge_ngrams"] == {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
    assert filters["mia_synonyms"]["type"] == "synonym_graph"
    assert "wohnung, unterkunft, wohnraum, housing" in filters["mia_synonyms"]["synonyms"]
    german = {"type": "text", "analyzer": "mia_german", "search_analyzer": "mia_german_search"}
    assert request.body["mappings"] == {
        "properties": {
            "kind": {"type": "keyword"},
            "object_id": {"type": "keyword"},
            "title": {
                **german,
                "fields": {
                    "suggest": {
                        "type": "text",
                        "analyzer": "mia_prefixes",
                        "search_analyzer": "mia_prefix_search",
                    }
                },
            },
            "body": german,
            "public": {"type": "boolean"},
            "visible_until": {"type": "date"},
            "url": {"type": "keyword", "index": False},
            "topics": {"type": "keyword"},
            "municipalities": {"type": "keyword"},
            "languages": {"type": "keyword"},
            "audience": {"type": "keyword"},
        }
    }
    assert request.body["settings"]["number_of_shards"] == 1


def test_it_takes_the_synonyms_of_the_staff_into_a_new_index(cluster, backend):
    from search.models import Synonym

    Synonym.objects.create(terms="Fahrrad, Rad, Bike")
    backend.create_index("mia-search-2")
    synonyms = cluster.requests[0].body["settings"]["analysis"]["filter"]["mia_synonyms"]
    assert "fahrrad, rad, bike" in synonyms["synonyms"]


def test_it_bulk_indexes_documents_into_the_alias(cluster, backend):
    until = datetime.date(2026, 12, 24)
    backend.index(
        [
            SearchDocument(
                kind="need",
                object_id="7",
                title="Fahrdienst",
                body="Zum Sprachkurs",
                url="/needs/7/",
                topics=("deutschkurs",),
                municipalities=("zeitz",),
                languages=("ar", "de"),
                visible_until=until,
                audience=("actor:3", "staff"),
            )
        ]
    )

    (bulk,) = requests_to(cluster, "/_bulk")
    assert bulk.body == [
        {"index": {"_index": ALIAS, "_id": "need:7"}},
        {
            "kind": "need",
            "object_id": "7",
            "title": "Fahrdienst",
            "body": "Zum Sprachkurs",
            "public": True,
            "visible_until": "2026-12-24",
            "url": "/needs/7/",
            "topics": ["deutschkurs"],
            "municipalities": ["zeitz"],
            "languages": ["ar", "de"],
            "audience": ["actor:3", "staff"],
        },
    ]
    assert [r.path for r in cluster.requests] == [
        f"/_alias/{ALIAS}",
        "/_bulk",
        f"/{ALIAS}/_refresh",
    ]


def test_it_creates_the_index_and_alias_on_the_first_write_to_an_empty_cluster(cluster, backend):
    cluster.on("HEAD", f"/_alias/{ALIAS}", lambda request: (404, {}))
    backend.index([doc("1", "Quokka")])
    paths = [(r.method, r.path) for r in cluster.requests]
    created = paths[1][1]
    assert created.startswith(f"/{ALIAS}-")
    assert paths[2] == ("PUT", f"{created}/_alias/{ALIAS}")
    assert paths[3] == ("PUT", "/_bulk")


def test_it_deletes_documents_by_id_and_clears_a_kind(cluster, backend):
    backend.delete("actor", ["1", "2"])
    backend.clear("need")
    deletes = requests_to(cluster, f"/{ALIAS}/_delete_by_query")
    assert [r.body for r in deletes] == [
        {"query": {"ids": {"values": ["actor:1", "actor:2"]}}},
        {"query": {"term": {"kind": "need"}}},
    ]
    assert deletes[0].params == {"conflicts": "proceed", "refresh": "true"}


def test_it_rebuilds_into_a_new_index_then_switches_the_alias_and_drops_the_old(cluster, backend):
    cluster.on("GET", f"/_alias/{ALIAS}", {"mia-search-old": {"aliases": {ALIAS: {}}}})
    progress: list[int] = []

    written = backend.rebuild(
        (doc(str(n), f"Quokka {n}") for n in range(5)),
        kinds=registered_kinds(),
        batch_size=2,
        progress=progress.append,
    )

    assert written == 5
    assert progress == [2, 2, 1]
    calls = [(r.method, r.path) for r in cluster.requests]
    new = calls[0][1].lstrip("/")
    assert new.startswith(f"{ALIAS}-")
    assert calls == [
        ("PUT", f"/{new}"),
        ("PUT", "/_bulk"),
        ("PUT", "/_bulk"),
        ("PUT", "/_bulk"),
        ("POST", f"/{new}/_refresh"),
        ("GET", f"/_alias/{ALIAS}"),
        ("POST", "/_aliases"),
        ("DELETE", "/mia-search-old"),
    ]
    bulk_targets = {
        line["index"]["_index"]
        for r in requests_to(cluster, "/_bulk")
        for line in r.body
        if "index" in line
    }
    assert bulk_targets == {new}
    assert requests_to(cluster, "/_aliases")[0].body == {
        "actions": [
            {"add": {"index": new, "alias": ALIAS}},
            {"remove": {"index": "mia-search-old", "alias": ALIAS}},
        ]
    }


def test_it_rebuilds_the_first_index_without_an_old_one(cluster, backend):
    cluster.on("GET", f"/_alias/{ALIAS}", lambda request: (404, {"error": "missing"}))
    backend.rebuild([doc("1", "Quokka")], kinds=registered_kinds())
    (aliases,) = requests_to(cluster, "/_aliases")
    assert [list(action) for action in aliases.body["actions"]] == [["add"]]
    assert not [r for r in cluster.requests if r.method == "DELETE"]


def test_it_rebuilds_one_kind_in_place(cluster, backend):
    backend.rebuild([doc("1", "Quokka")], kinds=["need"])
    calls = [(r.method, r.path) for r in cluster.requests]
    assert ("POST", f"/{ALIAS}/_delete_by_query") in calls
    assert requests_to(cluster, f"/{ALIAS}/_delete_by_query")[0].body == {
        "query": {"terms": {"kind": ["need"]}}
    }
    assert not requests_to(cluster, "/_aliases")


def registered_kinds() -> list[str]:
    from search import registry

    return registry.kinds()


# --- queries ---------------------------------------------------------------------------------


def test_it_sends_the_query_with_fuzziness_prefixes_and_the_public_filters(cluster, backend):
    cluster.on(
        "POST",
        f"/{ALIAS}/_search",
        answer(
            {
                "kind": "actor",
                "object_id": "4",
                "title": "Beratung Zeitz",
                "url": "/directory/b/",
                "topics": ["beratung"],
                "municipalities": ["zeitz"],
                "languages": ["ar"],
            }
        ),
    )

    hits = backend.search("Beratung  Zeitz", kinds=["actor"])

    (request,) = cluster.requests
    assert request.body == search_body(
        "Beratung Zeitz", "and", [{"terms": {"kind": ["actor"]}}, *public_filters()]
    )
    (hit,) = hits
    assert (hit.kind, hit.object_id, hit.title, hit.url) == (
        "actor",
        "4",
        "Beratung Zeitz",
        "/directory/b/",
    )
    assert (hit.topics, hit.municipalities, hit.languages) == (("beratung",), ("zeitz",), ("ar",))
    assert hit.score == 3.0


def test_it_lets_a_member_find_what_is_public_or_meant_for_their_scopes(cluster, backend):
    cluster.on("POST", f"/{ALIAS}/_search", answer())

    backend.search("Beratung", kinds=["actor"], scopes=("actor:3", "staff"))

    (request,) = cluster.requests
    today = timezone.localdate().isoformat()
    allowed = [{"term": {"public": True}}, {"terms": {"audience": ["actor:3", "staff"]}}]
    assert request.body == search_body(
        "Beratung",
        "and",
        [
            {"terms": {"kind": ["actor"]}},
            {"bool": {"should": allowed, "minimum_should_match": 1}},
            {"bool": {"must_not": [{"range": {"visible_until": {"lt": today}}}]}},
        ],
    )


def test_it_asks_for_any_word_when_all_words_find_nothing(cluster, backend):
    cluster.on("POST", f"/{ALIAS}/_search", {"hits": {"hits": []}})
    backend.search("Quokka Wombat", public_only=False, limit=10)
    assert [r.body for r in cluster.requests] == [
        search_body("Quokka Wombat", "and", [], size=10),
        search_body("Quokka Wombat", "or", [], size=10),
    ]


def test_it_sends_nothing_for_a_query_without_words(cluster, backend):
    assert backend.search(" *** ") == []
    assert cluster.requests == []


def test_it_asks_the_edge_ngrams_for_suggestions(cluster, backend):
    cluster.on(
        "POST",
        f"/{ALIAS}/_search",
        answer({"kind": "page", "object_id": "3", "title": "Datenschutz", "url": "/datenschutz/"}),
    )
    (hit,) = backend.suggest("Daten", limit=8)
    assert cluster.requests[0].body == {
        "query": {
            "bool": {
                "must": [{"match": {"title.suggest": {"query": "Daten", "operator": "and"}}}],
                "filter": public_filters(),
            }
        },
        "size": 8,
        "_source": ["kind", "object_id", "title", "url"],
    }
    assert (hit.title, hit.url) == ("Datenschutz", "/datenschutz/")


def test_it_takes_the_sentences_of_a_page_of_hits_from_the_database_index(cluster, backend, db):
    backend.fallback.index(
        [
            SearchDocument(
                kind="actor",
                object_id="4",
                title="Beratungsstelle",
                body="Zeitz\nWeißenfels\nWir bieten Beratung an allen Tagen der Woche an.",
            )
        ]
    )
    hits = [hit_of("actor", "4")]

    passages = backend.highlight("Beratung", hits)

    assert passages == {
        ("actor", "4"): f"Wir bieten {MARK_START}Beratung{MARK_END} an allen Tagen der Woche an."
    }
    # A fragment cut by Elasticsearch read as a list of places wherever the match was in one.
    assert cluster.requests == []


def hit_of(kind: str, object_id: str):
    from search.backends import Hit

    return Hit(kind=kind, object_id=object_id, score=1.0, title="")


def test_it_counts_facets_with_one_filtered_aggregation_per_facet(cluster, backend):
    buckets = {
        "kind": [{"key": "actor", "doc_count": 2}],
        "topic": [{"key": "beratung", "doc_count": 2}, {"key": "arbeit", "doc_count": 1}],
        "municipality": [{"key": "zeitz", "doc_count": 2}],
        "language": [],
    }
    cluster.on(
        "POST",
        f"/{ALIAS}/_search",
        {
            "hits": {"hits": []},
            "aggregations": {
                facet: {"doc_count": 2, "values": {"buckets": values}}
                for facet, values in buckets.items()
            },
        },
    )
    selected = {"kind": set(), "topic": {"beratung"}, "municipality": set(), "language": set()}

    counts = backend.count_facets([hit_of("actor", "1"), hit_of("actor", "2")], selected)

    assert counts == {
        "kind": {"actor": 2},
        "topic": {"beratung": 2, "arbeit": 1},
        "municipality": {"zeitz": 2},
        "language": {},
    }
    chosen = [{"terms": {"topics": ["beratung"]}}]
    assert cluster.requests[0].body == {
        "query": {"ids": {"values": ["actor:1", "actor:2"]}},
        "size": 0,
        "aggs": {
            "kind": agg(chosen, "kind"),
            "topic": agg([], "topics"),
            "municipality": agg(chosen, "municipalities"),
            "language": agg(chosen, "languages"),
        },
    }


def agg(filters: list[dict], field: str) -> dict:
    condition = {"bool": {"filter": filters}} if filters else {"bool": {}}
    return {
        "filter": condition,
        "aggs": {"values": {"terms": {"field": field, "size": 100}}},
    }


def test_it_reports_the_cluster_health(cluster, backend):
    cluster.on("GET", "/_cluster/health", {"status": "yellow"})
    assert backend.health() == (True, "cluster yellow")
    cluster.on("GET", "/_cluster/health", {"status": "red"})
    assert backend.health() == (False, "cluster red")


# --- outages ---------------------------------------------------------------------------------


@pytest.fixture
def down() -> Cluster:
    return Cluster(reachable=False)


@pytest.fixture
def unreachable(down) -> ElasticsearchSearchBackend:
    return ElasticsearchSearchBackend(client=down.client(), alias=ALIAS)


def test_it_answers_from_the_database_while_unreachable(unreachable):
    unreachable.fallback.index([doc("1", "Quokka")])
    hits = unreachable.search("Quokka", kinds=[KIND])
    assert [hit.object_id for hit in hits] == ["1"]
    assert unreachable.highlight("Quokka", hits) == {(KIND, "1"): ""}
    assert unreachable.suggest("Quok")[0].title == "Quokka"


def test_it_logs_an_outage_once_and_its_end_once(cluster, down, caplog):
    backend = ElasticsearchSearchBackend(client=down.client(), alias=ALIAS)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            backend.search("Quokka")
        backend.index([doc("1", "Quokka")])
        assert [record.getMessage() for record in caplog.records] == [
            "Elasticsearch is unreachable (ConnectionError); "
            "searching the database until it answers."
        ]
        down.reachable = True
        down.on("POST", f"/{ALIAS}/_search", {"hits": {"hits": []}})
        backend.search("Quokka")
        backend.search("Quokka")
    assert len(caplog.records) == 2
    assert caplog.records[1].getMessage() == "Elasticsearch answers again; searching there again."


def test_it_does_not_fail_writes_while_unreachable(unreachable):
    unreachable.index([doc("1", "Quokka")])
    unreachable.delete(KIND, ["1"])
    unreachable.clear()


def test_it_reports_itself_unhealthy_while_unreachable(unreachable):
    ok, detail = unreachable.health()
    assert ok is False
    assert detail == "unreachable: ConnectionError"


class DatabaseTooBackend(ElasticsearchSearchBackend):
    """Writes reach the database too, as search.registry sends them there."""

    def index(self, documents):
        documents = list(documents)
        self.fallback.index(documents)
        super().index(documents)

    def delete(self, kind, object_ids):
        object_ids = list(object_ids)
        self.fallback.delete(kind, object_ids)
        super().delete(kind, object_ids)

    def clear(self, kind=None):
        self.fallback.clear(kind)
        super().clear(kind)


class TestElasticsearchDuringAnOutage(BackendTests):
    """The whole contract holds while Elasticsearch is down: the fallback answers everything."""

    def make_backend(self):
        return DatabaseTooBackend(client=Cluster(reachable=False).client(), alias=ALIAS)

    def test_it_reports_health(self, backend):
        assert backend.health()[0] is False
        assert backend.fallback.health()[0] is True
