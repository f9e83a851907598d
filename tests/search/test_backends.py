"""The SearchBackend contract, run against every backend.

BackendTests holds the tests; each backend gets a subclass that says how to build it (as
Wagtail's search tests do). The database backend runs on whatever database the suite uses:
SQLite (FTS5) by default, PostgreSQL when DATABASE_URL points there.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest
from django.utils import timezone

from search.backends import Hit, SearchBackend, SearchDocument
from search.backends.base import MARK_END, MARK_START
from search.backends.database import DatabaseSearchBackend

KIND = "testdoc"
OTHER_KIND = "testnote"

HOSTILE_QUERIES = [
    '"',
    '""',
    "'",
    "*",
    "**",
    "OR",
    "AND",
    "NOT",
    "OR OR AND",
    "NEAR(",
    "NEAR(a b",
    "a:b",
    "title:x",
    "^x",
    "-x",
    "+x",
    "(",
    ")",
    "[]{}",
    "x' OR '1'='1",
    "'; DROP TABLE search_indexentry; --",
    'Robert"); DROP TABLE search_fts;--',
    "%_%",
    "\\",
    "\x00",
    "a & b | !c <-> d",
    "x:* & y:*",
    "🙂",
    "👩‍👩‍👧 Beratung 🇩🇪",
    "½ ² ﬁ",
    "Ω≈ç√∫",
    "العربية",
    "中文",
    "x" * 500,
    " ".join(f"w{n}" for n in range(250))[:500],
    ("Beratung Weißenfels " * 30)[:500],
]


def doc(object_id: str, title: str, body: str = "", *, kind: str = KIND, public: bool = True):
    return SearchDocument(kind=kind, object_id=object_id, title=title, body=body, public=public)


def ids(hits: list[Hit]) -> list[str]:
    return [hit.object_id for hit in hits]


class BackendTests:
    """Every backend must pass these; subclasses provide `make_backend`."""

    def make_backend(self) -> SearchBackend:
        raise NotImplementedError

    @pytest.fixture
    def backend(self, db) -> SearchBackend:
        backend = self.make_backend()
        backend.clear(KIND)
        backend.clear(OTHER_KIND)
        return backend

    def search(self, backend: SearchBackend, query: str, **kwargs) -> list[str]:
        kwargs.setdefault("kinds", [KIND])
        return ids(backend.search(query, **kwargs))

    def test_it_finds_an_indexed_document_by_a_title_word(self, backend):
        backend.index([doc("1", "Sprachcafé Zeitz", "Treffen am Dienstag")])

        hits = backend.search("Zeitz", kinds=[KIND])

        assert len(hits) == 1
        assert hits[0] == Hit(
            kind=KIND, object_id="1", score=hits[0].score, title="Sprachcafé Zeitz"
        )

    def test_it_finds_nothing_for_words_not_indexed(self, backend):
        backend.index([doc("1", "Sprachcafé Zeitz", "Treffen am Dienstag")])

        assert self.search(backend, "Fahrradwerkstatt") == []

    @pytest.mark.parametrize(
        ("indexed", "query"),
        [("Sprachkurs", "Sprachkurse"), ("Sprachkurse", "Sprachkurs")],
    )
    def test_it_matches_singular_and_plural(self, backend, indexed, query):
        backend.index([doc("1", "Volkshochschule", f"Wir bieten {indexed} an.")])

        assert self.search(backend, query) == ["1"]

    @pytest.mark.parametrize(
        "query",
        [
            "Beratungsstelle Weissenfels",
            "Beratungsstelle Weißenfels",
            "beratungsstelle WEISSENFELS",
        ],
    )
    def test_it_folds_umlauts_and_sharp_s(self, backend, query):
        backend.index(
            [
                doc("1", "Migrationsberatung", "Unsere Beratungsstelle in Weißenfels"),
                doc("2", "Migrationsberatung", "Unsere Beratungsstelle in Zeitz"),
            ]
        )

        assert self.search(backend, query) == ["1"]

    def test_it_matches_transcribed_umlauts_both_ways(self, backend):
        backend.index(
            [
                doc("1", "Treff für Mütter", "Kinderbetreuung"),
                doc("2", "Muetterzentrum", "Kinderbetreuung"),
            ]
        )

        assert sorted(self.search(backend, "Muetter")) == ["1", "2"]
        assert sorted(self.search(backend, "Mütter")) == ["1", "2"]

    def test_it_matches_the_head_of_a_compound(self, backend):
        backend.index([doc("1", "Verein", "Unsere Beratungsstelle hilft.")])

        assert self.search(backend, "Beratung") == ["1"]

    def test_it_does_not_match_the_middle_of_a_word(self, backend):
        backend.index([doc("1", "Verein", "Unsere Migrationsberatungsstelle hilft.")])

        assert self.search(backend, "Stelle") == []

    def test_it_requires_all_words_when_some_document_has_them_all(self, backend):
        backend.index(
            [
                doc("1", "Verein A", "Sprachkurs in Zeitz"),
                doc("2", "Verein B", "Sprachkurs in Naumburg"),
                doc("3", "Verein C", "Fahrradwerkstatt in Zeitz"),
            ]
        )

        assert self.search(backend, "Sprachkurs Zeitz") == ["1"]

    def test_it_falls_back_to_any_word_when_no_document_has_all(self, backend):
        backend.index(
            [
                doc("1", "Verein A", "Sprachkurs in Naumburg"),
                doc("2", "Verein B", "Fahrradwerkstatt in Zeitz"),
                doc("3", "Verein C", "Kleiderkammer in Hohenmölsen"),
            ]
        )

        assert sorted(self.search(backend, "Sprachkurs Zeitz")) == ["1", "2"]

    def test_it_ignores_stop_words_in_queries(self, backend):
        backend.index([doc("1", "Verein", "Hilfe für Frauen in Zeitz")])

        assert self.search(backend, "Hilfe für die Frauen aus Zeitz") == ["1"]

    def test_it_searches_a_query_of_only_stop_words(self, backend):
        backend.index([doc("1", "Verein und Partner", "Treffpunkt"), doc("2", "Treff", "Kaffee")])

        assert self.search(backend, "und") == ["1"]

    def test_it_ranks_title_matches_before_body_only_matches(self, backend):
        body_heavy = "Sprachkurs " * 20
        backend.index(
            [
                doc("body", "Volkshochschule", body_heavy),
                doc("title", "Sprachkurs am Abend", "Wir treffen uns dienstags."),
                doc("none", "Kleiderkammer", "Kleidung für alle"),
            ]
        )

        assert self.search(backend, "Sprachkurse") == ["title", "body"]

    def test_it_ranks_documents_matching_more_title_words_first(self, backend):
        backend.index(
            [
                doc("one", "Beratung", "Migrationsberatung in Weißenfels"),
                doc("both", "Beratung Weißenfels", "Migrationsberatung"),
            ]
        )

        assert self.search(backend, "Beratung Weißenfels") == ["both", "one"]

    def test_it_returns_scores_in_hits(self, backend):
        backend.index([doc("1", "Sprachkurs", "Sprachkurs")])

        (hit,) = backend.search("Sprachkurs", kinds=[KIND])

        assert isinstance(hit.score, float)

    def test_it_filters_by_kinds(self, backend):
        backend.index([doc("1", "Sprachkurs"), doc("2", "Sprachkurs", kind=OTHER_KIND)])

        assert self.search(backend, "Sprachkurs", kinds=[KIND]) == ["1"]
        assert self.search(backend, "Sprachkurs", kinds=[OTHER_KIND]) == ["2"]
        hits = backend.search("Sprachkurs", kinds=[KIND, OTHER_KIND])
        assert sorted((hit.kind, hit.object_id) for hit in hits) == [(KIND, "1"), (OTHER_KIND, "2")]

    def test_it_searches_every_kind_without_a_kinds_filter(self, backend):
        backend.index([doc("1", "Quokkazucht"), doc("2", "Quokkazucht", kind=OTHER_KIND)])

        hits = backend.search("Quokkazucht", kinds=None)

        assert sorted((hit.kind, hit.object_id) for hit in hits) == [(KIND, "1"), (OTHER_KIND, "2")]

    def test_it_keeps_ids_apart_per_kind(self, backend):
        backend.index([doc("1", "Sprachkurs"), doc("1", "Kleiderkammer", kind=OTHER_KIND)])

        assert self.search(backend, "Sprachkurs", kinds=[KIND, OTHER_KIND]) == ["1"]
        assert self.search(backend, "Kleiderkammer", kinds=[OTHER_KIND]) == ["1"]

    def test_it_hides_non_public_documents_unless_asked(self, backend):
        backend.index([doc("public", "Sprachkurs"), doc("draft", "Sprachkurs", public=False)])

        assert self.search(backend, "Sprachkurs") == ["public"]
        assert self.search(backend, "Sprachkurs", public_only=True) == ["public"]
        assert sorted(self.search(backend, "Sprachkurs", public_only=False)) == [
            "draft",
            "public",
        ]

    def test_it_hides_public_documents_after_their_last_day(self, backend):
        today = timezone.localdate()
        backend.index(
            [
                replace(
                    doc("1", "Quokka gestern"), visible_until=today - datetime.timedelta(days=1)
                ),
                replace(doc("2", "Quokka heute"), visible_until=today),
                doc("3", "Quokka immer"),
            ]
        )
        assert sorted(self.search(backend, "Quokka")) == ["2", "3"]
        assert sorted(self.search(backend, "Quokka", public_only=False)) == ["1", "2", "3"]

    def test_it_returns_the_url_and_facet_values_of_a_hit(self, backend):
        backend.index(
            [
                replace(
                    doc("1", "Quokka"),
                    url="/directory/quokka/",
                    topics=("beratung",),
                    municipalities=("zeitz", "naumburg"),
                    languages=("ar",),
                )
            ]
        )
        (hit,) = backend.search("Quokka", kinds=[KIND])
        assert hit.url == "/directory/quokka/"
        assert hit.topics == ("beratung",)
        assert sorted(hit.municipalities) == ["naumburg", "zeitz"]
        assert hit.languages == ("ar",)

    def test_it_highlights_the_matched_words_of_a_hit(self, backend):
        backend.index([doc("1", "Quokka", "Wir bieten Sprachkurse und Beratung an.")])
        hits = backend.search("Sprachkurs", kinds=[KIND])
        passages = backend.highlight("Sprachkurs", hits)
        assert f"{MARK_START}Sprachkurse{MARK_END}" in passages[(KIND, "1")]

    def test_it_widens_a_query_word_to_its_synonyms(self, backend):
        backend.index([doc("1", "Sprachkurs für Frauen"), doc("2", "Kochkurs")])
        assert self.search(backend, "Deutschkurs") == ["1"]

    def test_it_suggests_titles_for_the_start_of_a_word(self, backend):
        backend.index([doc("1", "Beratungsstelle Zeitz"), doc("2", "Kochkurs", public=True)])
        assert [hit.object_id for hit in backend.suggest("Berat", limit=8) if hit.kind == KIND] == [
            "1"
        ]

    def test_it_suggests_a_title_before_many_passing_mentions(self, backend):
        mentions = [doc(str(n), f"Treffpunkt {n}", "Quokka Quokka Quokka") for n in range(100)]
        backend.index([*mentions, doc("title", "Quokkahaus")])
        assert ids(backend.suggest("Quokk", limit=8))[0] == "title"

    def test_it_counts_facet_values_with_the_other_facets_applied(self, backend):
        backend.index(
            [
                replace(doc("1", "Quokka eins"), topics=("a",), municipalities=("zeitz",)),
                replace(doc("2", "Quokka zwei"), topics=("b",), municipalities=("zeitz",)),
                replace(doc("3", "Quokka drei"), topics=("a",), municipalities=("naumburg",)),
            ]
        )
        hits = backend.search("Quokka", kinds=[KIND])
        selected = {"kind": set(), "topic": {"a"}, "municipality": set(), "language": set()}
        counts = backend.count_facets(hits, selected)
        assert counts["topic"] == {"a": 2, "b": 1}
        assert counts["municipality"] == {"zeitz": 1, "naumburg": 1}
        assert counts["kind"] == {KIND: 2}

    def test_it_respects_the_limit(self, backend):
        backend.index([doc(str(n), f"Sprachkurs {n}") for n in range(5)])

        assert len(self.search(backend, "Sprachkurs", limit=3)) == 3

    def test_it_deletes_documents(self, backend):
        backend.index([doc("1", "Sprachkurs"), doc("2", "Sprachkurs"), doc("3", "Sprachkurs")])

        backend.delete(KIND, ["1", "3"])

        assert self.search(backend, "Sprachkurs") == ["2"]

    def test_it_ignores_unknown_ids_when_deleting(self, backend):
        backend.index([doc("1", "Sprachkurs")])

        backend.delete(KIND, ["404", "1"])
        backend.delete(KIND, [])

        assert self.search(backend, "Sprachkurs") == []

    def test_it_deletes_only_within_the_kind(self, backend):
        backend.index([doc("1", "Sprachkurs"), doc("1", "Sprachkurs", kind=OTHER_KIND)])

        backend.delete(OTHER_KIND, ["1"])

        assert self.search(backend, "Sprachkurs", kinds=[KIND, OTHER_KIND]) == ["1"]
        assert self.search(backend, "Sprachkurs", kinds=[OTHER_KIND]) == []

    def test_it_clears_one_kind(self, backend):
        backend.index([doc("1", "Sprachkurs"), doc("2", "Sprachkurs", kind=OTHER_KIND)])

        backend.clear(OTHER_KIND)

        assert self.search(backend, "Sprachkurs", kinds=[KIND, OTHER_KIND]) == ["1"]

    def test_it_clears_everything(self, backend):
        backend.index([doc("1", "Sprachkurs"), doc("2", "Sprachkurs", kind=OTHER_KIND)])

        backend.clear()

        assert backend.search("Sprachkurs", kinds=None, public_only=False) == []

    def test_it_replaces_a_document_indexed_again(self, backend):
        backend.index([doc("1", "Sprachkurs", "in Zeitz")])

        backend.index([doc("1", "Kleiderkammer", "in Naumburg")])

        assert self.search(backend, "Sprachkurs") == []
        assert self.search(backend, "Zeitz") == []
        assert self.search(backend, "Kleiderkammer Naumburg") == ["1"]
        assert backend.search("Kleiderkammer", kinds=[KIND])[0].title == "Kleiderkammer"

    def test_it_keeps_one_entry_per_document_however_often_indexed(self, backend):
        for round_ in range(3):
            backend.index([doc("1", "Sprachkurs", f"Runde {round_}")])
        backend.index([doc("1", "Sprachkurs", "Runde 3"), doc("1", "Sprachkurs", "Runde 4")])

        assert self.search(backend, "Sprachkurs") == ["1"]
        assert self.search(backend, "Runde 4") == ["1"]

    def test_it_updates_the_public_flag_on_reindexing(self, backend):
        backend.index([doc("1", "Sprachkurs")])
        backend.index([doc("1", "Sprachkurs", public=False)])

        assert self.search(backend, "Sprachkurs") == []
        assert self.search(backend, "Sprachkurs", public_only=False) == ["1"]

        backend.index([doc("1", "Sprachkurs", public=True)])

        assert self.search(backend, "Sprachkurs") == ["1"]

    def test_it_indexes_nothing_for_an_empty_batch(self, backend):
        backend.index([])

        assert self.search(backend, "Sprachkurs") == []

    def test_it_indexes_a_generator_of_documents(self, backend):
        backend.index(doc(str(n), f"Sprachkurs {n}") for n in range(3))

        assert sorted(self.search(backend, "Sprachkurs")) == ["0", "1", "2"]

    def test_it_handles_long_titles_and_bodies(self, backend):
        title = "Sprachkurs " + "sehr " * 100
        body = " ".join(f"wort{n}" for n in range(5000)) + " Quokkazucht"

        backend.index([doc("1", title, body)])

        assert self.search(backend, "Quokkazucht") == ["1"]
        assert self.search(backend, "Sprachkurs") == ["1"]

    def test_it_reports_health(self, backend):
        backend.index([doc("1", "Sprachkurs")])

        ok, detail = backend.health()

        assert ok is True
        assert isinstance(detail, str)
        assert detail

    def test_it_returns_nothing_for_an_empty_query(self, backend):
        backend.index([doc("1", "Sprachkurs")])

        assert self.search(backend, "") == []
        assert self.search(backend, "   ") == []

    @pytest.mark.parametrize("query", HOSTILE_QUERIES)
    def test_it_never_raises_on_hostile_queries(self, backend, query):
        backend.index(
            [doc("1", "Beratung Weißenfels", "Sprachkurs OR NEAR AND x"), doc("2", "Verein")]
        )

        hits = backend.search(query, kinds=[KIND])
        backend.search(query, kinds=None, public_only=False)

        assert all(isinstance(hit, Hit) for hit in hits)
        # the index still works afterwards
        assert self.search(backend, "Beratung") == ["1"]

    @pytest.mark.parametrize(
        "query", ["Sprachkurs OR", '"Sprachkurs"', "Sprachkurs*", "(Sprachkurs"]
    )
    def test_it_treats_query_syntax_as_plain_text(self, backend, query):
        backend.index([doc("1", "Sprachkurs"), doc("2", "Kleiderkammer")])

        assert self.search(backend, query) == ["1"]

    def test_it_indexes_hostile_text_without_breaking(self, backend):
        nasty = "\"'*() NEAR( a:b OR AND NOT ^ -- ; DROP TABLE x; 🙂 ½ <script>"
        backend.index([doc("1", nasty, nasty), doc("2", "Sprachkurs", nasty)])

        assert self.search(backend, "Sprachkurs") == ["2"]
        assert self.search(backend, "script") == ["1", "2"]


class TestDatabaseBackend(BackendTests):
    def make_backend(self) -> SearchBackend:
        return DatabaseSearchBackend()

    def test_it_suggests_from_the_text_when_no_title_starts_so(self, backend):
        backend.index([doc("1", "Treffpunkt", "Wir sprechen Quokka."), doc("2", "Kochkurs")])
        assert ids(backend.suggest("Quokk", limit=8)) == ["1"]
