"""/search/: one ranked list of every kind, with facets, snippets, pages and help."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from needs.models import Need
from search import spelling
from tests.factories import (
    ActorFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def search(client, **params):
    return client.get("/search/", params)


def titles(response) -> list[str]:
    return [
        item.title.replace("<mark>", "").replace("</mark>", "")
        for item in response.context["result"].items
    ]


@pytest.fixture
def network(db):
    zeitz = MunicipalityFactory(name="Zeitz", slug="zeitz")
    deutsch = TopicFactory(name="Deutschkurs", slug="deutschkurs")
    arabic = LanguageFactory(code="ar", name="Arabisch", native_name="العربية")
    school = ActorFactory(name="Quokka-Sprachschule", topics=[deutsch], languages=[arabic])
    LocationFactory(actor=school, municipality=zeitz)
    OfferFactory(
        actor=school, name="Deutschkurs für Anfänger", description="Quokka lernen Deutsch."
    )
    NeedFactory(actor=school, title="Quokka-Fahrdienst", municipality=zeitz, topics=[deutsch])
    return {"zeitz": zeitz, "deutsch": deutsch, "school": school}


def test_it_lists_hits_of_every_kind_with_their_kind(client, network):
    response = search(client, q="Quokka")
    assert response.status_code == 200
    kinds = {item.kind: item.kind_label for item in response.context["result"].items}
    assert kinds == {"actor": "Akteur", "need": "Bedarf", "offer": "Angebot"}
    html = response.content.decode()
    assert "Akteur" in html and "Bedarf" in html and "Angebot" in html


def test_it_links_each_hit_to_its_page(client, network):
    response = search(client, q="Quokka-Sprachschule")
    item = response.context["result"].items[0]
    assert item.url == network["school"].get_absolute_url()
    assert client.get(item.url).status_code == 200


def test_it_links_to_the_english_pages_under_en(client, network):
    response = client.get("/en/search/", {"q": "Quokka-Sprachschule"})
    assert response.context["result"].items[0].url.startswith("/en/directory/")


def test_it_marks_the_matched_words_in_title_and_snippet(client, network):
    response = search(client, q="Anfänger")
    actor, offer = response.context["result"].items
    assert (actor.kind, offer.kind) == ("actor", "offer")
    assert offer.title == "Deutschkurs für <mark>Anfänger</mark>"
    assert "<mark>Anfänger</mark>" in actor.snippet
    assert "<mark>Anfänger</mark>" in response.content.decode()


def test_it_escapes_indexed_text_in_titles_and_snippets(client, db):
    ActorFactory(
        name="<script>alert(1)</script> Quokka",
        short_description='<img src=x onerror="alert(2)"> Quokka',
    )
    html = search(client, q="Quokka").content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_it_counts_facets_over_the_hits(client, network):
    ActorFactory(name="Quokka-Treff")
    facets = search(client, q="Quokka").context["result"].facets
    kind_counts = {value.value: value.count for value in facets["kind"]}
    assert kind_counts == {"actor": 2, "need": 1, "offer": 1}
    assert {value.value: value.count for value in facets["topic"]} == {"deutschkurs": 2}
    assert {value.value: value.count for value in facets["municipality"]} == {"zeitz": 3}
    assert [(value.value, value.label) for value in facets["language"]] == [
        ("ar", "Arabisch (العربية)")
    ]


def test_it_narrows_by_a_facet_and_counts_the_others_with_it(client, network):
    ActorFactory(name="Quokka-Treff")
    result = search(client, q="Quokka", kind="need").context["result"]
    assert [item.kind for item in result.items] == ["need"]
    assert result.total == 1
    kind_counts = {value.value: value.count for value in result.facets["kind"]}
    # its own facet ignores its choice
    assert kind_counts == {"actor": 2, "need": 1, "offer": 1}
    assert {value.value: value.count for value in result.facets["topic"]} == {"deutschkurs": 1}


def test_it_paginates(client, db):
    for number in range(25):
        ActorFactory(name=f"Quokka {number}")
    first = search(client, q="Quokka")
    second = search(client, q="Quokka", page=2)
    assert first.context["result"].total == 25
    assert len(first.context["result"].items) == 20
    assert len(second.context["result"].items) == 5
    assert 'rel="next"' in first.content.decode()
    assert set(titles(first)).isdisjoint(titles(second))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x" * 201}, "q"),
        ({"q": "Quokka", "kind": "spaceship"}, "kind"),
        ({"q": "Quokka", "topic": "<script>"}, "topic"),
        ({"q": "Quokka", "page": "zwei"}, "page"),
        ({"q": "Quokka", "page": "0"}, "page"),
    ],
)
def test_it_answers_bad_input_with_400_and_the_reason(client, db, params, field):
    response = search(client, **params)
    assert response.status_code == 400
    assert field in response.context["errors"]
    assert "Diese Suche ist ungültig" in response.content.decode()


def test_it_shows_help_and_did_you_mean_when_nothing_is_found(client, network):
    spelling.refresh_vocabulary.call()  # as the worker does after the index changed
    response = search(client, q="Quokak")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"].total == 0
    assert "Nichts gefunden" in html
    assert response.context["result"].did_you_mean == "Quokka"
    assert 'href="?q=Quokka"' in html


def test_it_shows_only_the_search_box_without_a_query(client, db):
    response = search(client)
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert response.context["result"].items == []


def test_it_works_without_javascript_as_a_plain_get_form(client, db):
    html = search(client, q="Quokka").content.decode()
    assert '<form class="directory" method="get" action="/search/">' in html
    assert '<meta name="viewport"' in html


# --- only public content ---------------------------------------------------------------------


def test_it_never_finds_unpublished_actors(client, db):
    ActorFactory(name="Quokka-Entwurf", live=False)
    assert search(client, q="Quokka-Entwurf").context["result"].total == 0


def test_it_drops_an_actor_once_it_is_unpublished(client, network):
    school = network["school"]
    school.live = False
    school.save()
    result = search(client, q="Quokka").context["result"]
    assert result.total == 0  # its need went with it


def test_it_never_finds_filled_needs(client, network):
    need = Need.objects.get(title="Quokka-Fahrdienst")
    need.status = Need.Status.FILLED
    need.save()
    assert search(client, q="Quokka-Fahrdienst", kind="need").context["result"].total == 0


def test_it_never_finds_needs_past_their_end_even_before_they_are_marked_expired(
    client, network, monkeypatch
):
    need = Need.objects.get(title="Quokka-Fahrdienst")
    need.end_date = timezone.localdate()
    need.save()
    assert search(client, q="Quokka-Fahrdienst", kind="need").context["result"].total == 1
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert search(client, q="Quokka-Fahrdienst", kind="need").context["result"].total == 0


# --- suggestions -----------------------------------------------------------------------------


def test_it_suggests_titles_and_words_as_json(client, network):
    spelling.refresh_vocabulary.call()  # as the worker does after the index changed
    response = client.get("/search/suggest/", {"q": "Quokk"})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "Quokk"
    labels = [suggestion["label"] for suggestion in body["suggestions"]]
    assert "Quokka-Sprachschule" in labels
    assert all(
        set(suggestion) == {"label", "kind", "url", "kind_label"}
        for suggestion in body["suggestions"]
    )
    assert any(suggestion["kind"] == "term" for suggestion in body["suggestions"])
    assert len(body["suggestions"]) <= 8


def test_it_suggests_at_most_eight(client, db):
    for number in range(12):
        ActorFactory(name=f"Quokka {number}")
    assert len(client.get("/search/suggest/", {"q": "Quokka"}).json()["suggestions"]) == 8


def test_it_suggests_in_a_fixed_number_of_queries(client, network, django_assert_max_num_queries):
    spelling.refresh_vocabulary.call()  # as the worker does after the index changed
    client.get("/search/suggest/", {"q": "Quo"})
    with django_assert_max_num_queries(2):
        client.get("/search/suggest/", {"q": "Quokka"})


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}])
def test_it_refuses_a_missing_or_oversized_suggestion_query(client, db, params):
    response = client.get("/search/suggest/", params)
    assert response.status_code == 400
    assert "q" in response.json()["errors"]


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "a & b | !c", "'; DROP TABLE x; --", "🙂", "\\"]
)
def test_it_never_fails_on_query_syntax(client, network, query):
    assert search(client, q=query).status_code == 200
    assert client.get("/search/suggest/", {"q": query}).status_code == 200
