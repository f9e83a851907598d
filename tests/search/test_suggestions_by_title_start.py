"""The suggestions' titles come from the table of title starts that triggers keep in step with
the database index (search.suggestions, search/migrations/_title_starts.py): a title is
suggested in the transaction that indexes it, a lookup is one statement whatever the index
holds, and it matches what the full-text statement matched."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from search.backends import SearchDocument
from search.backends.database import DatabaseSearchBackend
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db
KIND = "testdoc"


@pytest.fixture
def backend() -> DatabaseSearchBackend:
    return DatabaseSearchBackend()


def doc(object_id: str, title: str, body: str = "", **fields) -> SearchDocument:
    return SearchDocument(
        kind=KIND, object_id=object_id, title=title, body=body, url=f"/x/{object_id}/", **fields
    )


def suggested(client, query: str) -> list[str]:
    response = client.get("/search/suggest/", {"q": query})
    assert response.status_code == 200
    return [s["label"] for s in response.json()["suggestions"] if s["kind"] != "term"]


def test_it_suggests_a_title_in_the_transaction_that_indexes_it(client, backend):
    backend.index([doc("1", "Quokkahaus")])
    assert suggested(client, "Quok") == ["Quokkahaus"]

    backend.index([doc("1", "Wombathaus")])
    assert suggested(client, "Quok") == []
    assert suggested(client, "Womb") == ["Wombathaus"]

    backend.delete(KIND, ["1"])
    assert suggested(client, "Womb") == []


def test_it_suggests_what_a_rebuild_of_the_index_wrote(client):
    ActorFactory(name="Quokkaverein Zeitz", live=True)
    call_command("search_index", "rebuild", verbosity=0)
    assert suggested(client, "Quokkav") == ["Quokkaverein Zeitz"]


def test_it_suggests_the_shortest_titles_of_more_than_it_reads(client, backend):
    backend.index([doc(str(n), f"Quokka-Treffpunkt Nummer {n} im Landkreis") for n in range(80)])
    backend.index([doc("short", "Quokka")])
    assert suggested(client, "Quo")[0] == "Quokka"


def test_it_needs_every_word_to_start_a_word_of_the_title(client, backend):
    backend.index(
        [doc("1", "Quokka Zeitz"), doc("2", "Quokka Weißenfels"), doc("3", "Wombat Zeitz")]
    )
    assert suggested(client, "Quokka Zei") == ["Quokka Zeitz"]
    assert suggested(client, "Zeitz Quo") == ["Quokka Zeitz"]
    assert suggested(client, "Quokka Weiss") == ["Quokka Weißenfels"]


def test_it_matches_words_longer_than_the_starts_it_stores(client, backend):
    backend.index(
        [
            doc("1", "Integrationskursberatungsstelle Zeitz"),
            doc("2", "Integrationskursberatungsteam Zeitz"),
        ]
    )
    assert suggested(client, "Integrationskursberatungss") == [
        "Integrationskursberatungsstelle Zeitz"
    ]
    assert len(suggested(client, "Integrationskursberatung")) == 2


def test_it_suggests_an_item_by_its_keywords(client, backend):
    backend.index([doc("1", "Volkshochschule Zeitz", keywords="Quokkakurs am Abend")])
    assert suggested(client, "Quokkak") == ["Volkshochschule Zeitz"]


def test_it_suggests_the_public_and_what_the_visitor_may_see_only(client, backend):
    backend.index(
        [
            doc("1", "Quokka öffentlich"),
            doc("2", "Quokka intern", public=False),
            doc("3", "Quokka für Mitarbeitende", public=False, audience=("staff",)),
        ]
    )
    assert suggested(client, "Quokka") == ["Quokka öffentlich"]


def test_it_asks_the_texts_when_no_title_starts_so(client, backend):
    backend.index([doc("1", "Treffpunkt", "Wir sprechen Quokka."), doc("2", "Kochkurs")])
    assert suggested(client, "Quokk") == ["Treffpunkt"]


def test_it_looks_titles_up_in_one_statement_whatever_the_index_holds(
    client, backend, django_assert_num_queries
):
    backend.index([doc(str(n), f"Quokka {n}") for n in range(8)])
    suggested(client, "Quo")  # the synonyms, read once and cached
    with django_assert_num_queries(1):
        suggested(client, "Quo")
    backend.index([doc(str(n), f"Quokka {n}") for n in range(8, 200)])
    with django_assert_num_queries(1) as captured:
        assert len(suggested(client, "Quo")) == 8
    assert "FROM search_titlestart" in captured.captured_queries[0]["sql"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's flush deletes rows")
def test_it_empties_the_starts_when_the_index_is_truncated(client, backend):
    """Django's flush truncates: a new entry then takes an old one's id."""

    def truncate() -> None:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_indexentry RESTART IDENTITY")

    truncate()
    backend.index([doc("1", "Quokkahaus")])
    truncate()
    backend.index([doc("2", "Wombathaus")])
    assert suggested(client, "Quok") == []
    assert suggested(client, "Womb") == ["Wombathaus"]
