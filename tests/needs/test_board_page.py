"""The public board /needs/: open needs of published actors, search, filters, pages, details."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from needs.models import Commitment, Need
from tests.factories import ActorFactory, MunicipalityFactory, NeedFactory
from tests.html import select, text_of
from tests.needs.helpers import board, facet_counts, html, need_titles, result_count


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def needs(terms, actor_a, actor_b):
    """Three public needs, spread over the test terms, plus the kinds that must stay hidden."""
    lernen = NeedFactory(
        actor=actor_a,
        title="Lernpaten für Grundschulkinder",
        topics=[terms.topic_a],
        languages=[terms.language_a],
        municipality=terms.place_a,
        commitment=Commitment.REGULAR,
    )
    fahren = NeedFactory(
        actor=actor_b,
        title="Fahrdienst zum Sprachkurs",
        description="<p>Morgens in die Kreisstadt fahren.</p>",
        topics=[terms.topic_b],
        languages=[terms.language_b],
        municipality=terms.place_b,
        commitment=Commitment.REGULAR,
    )
    dolmetschen = NeedFactory(
        actor=actor_b,
        title="Dolmetschen beim Elternabend",
        skills="Arabisch sicher sprechen",
        topics=[terms.topic_a, terms.topic_b],
        languages=[terms.language_a, terms.language_b],
        municipality=terms.place_a,
        commitment=Commitment.ONE_OFF,
        end_date=days(3),
    )
    NeedFactory(actor=actor_a, title="Schon besetzt", status=Need.Status.FILLED)
    NeedFactory(actor=actor_a, title="Längst vorbei", status=Need.Status.EXPIRED)
    NeedFactory(actor=actor_a, title="Gestern geendet", end_date=days(-1))
    NeedFactory(actor=ActorFactory(live=False), title="Bedarf eines Entwurfs")
    return {"lernen": lernen, "fahren": fahren, "dolmetschen": dolmetschen}


# --- listing ---------------------------------------------------------------------------------


def test_it_lists_open_needs_of_published_actors_newest_first(client, needs):
    response = client.get("/needs/")

    assert response.status_code == 200
    assert need_titles(response) == [
        "Dolmetschen beim Elternabend",
        "Fahrdienst zum Sprachkurs",
        "Lernpaten für Grundschulkinder",
    ]
    assert result_count(response) == 3


@pytest.mark.parametrize(
    "hidden", ["Schon besetzt", "Längst vorbei", "Gestern geendet", "Bedarf eines Entwurfs"]
)
def test_it_hides_needs_that_are_not_public(client, needs, hidden):
    assert hidden not in html(client.get("/needs/"))


def test_it_drops_a_need_the_day_after_its_end_without_the_command(client, needs):
    Need.objects.filter(pk=needs["dolmetschen"].pk).update(end_date=days(-1))

    assert "Dolmetschen beim Elternabend" not in board(client)
    assert Need.objects.get(pk=needs["dolmetschen"].pk).status == Need.Status.OPEN


def test_it_keeps_a_need_on_its_last_day(client, needs):
    Need.objects.filter(pk=needs["dolmetschen"].pk).update(end_date=days(0))

    assert "Dolmetschen beim Elternabend" in board(client)


def test_it_hides_needs_once_their_actor_is_unpublished(client, needs, actor_b):
    actor_b.live = False
    actor_b.save()

    assert board(client) == ["Lernpaten für Grundschulkinder"]
    assert board(client, q="Fahrdienst") == []


def test_it_shows_actor_place_and_commitment_on_each_card(client, needs):
    cards = {
        text_of(card, "h3"): text_of(card) for card in select(client.get("/needs/"), "li.need-card")
    }

    card = cards["Fahrdienst zum Sprachkurs"]
    assert "Sprachcafé Beta" in card
    assert "Testort Beta" in card
    assert "regelmäßig" in card


# --- filters ---------------------------------------------------------------------------------


def test_it_filters_by_topic(client, needs):
    assert board(client, topic="test-thema-beta") == [
        "Dolmetschen beim Elternabend",
        "Fahrdienst zum Sprachkurs",
    ]


def test_it_filters_by_language(client, needs):
    assert board(client, language="qaa") == [
        "Dolmetschen beim Elternabend",
        "Lernpaten für Grundschulkinder",
    ]


def test_it_filters_by_municipality(client, needs):
    assert board(client, municipality="test-ort-beta") == ["Fahrdienst zum Sprachkurs"]


def test_it_filters_by_commitment(client, needs):
    assert board(client, commitment="one_off") == ["Dolmetschen beim Elternabend"]


def test_it_widens_within_a_filter_and_narrows_across_filters(client, needs):
    assert len(board(client, municipality=["test-ort-alpha", "test-ort-beta"])) == 3
    assert board(client, municipality="test-ort-alpha", commitment="regular") == [
        "Lernpaten für Grundschulkinder"
    ]


def test_it_counts_each_filter_value_given_the_other_filters(client, needs):
    response = client.get("/needs/", {"commitment": "regular"})

    assert facet_counts(response, "municipality") == {"test-ort-alpha": 1, "test-ort-beta": 1}
    assert facet_counts(response, "commitment") == {"one_off": 1, "regular": 2}


@pytest.mark.parametrize(
    "params",
    [
        {"topic": "gibt-es-nicht"},
        {"language": "zz"},
        {"municipality": "atlantis"},
        {"commitment": "forever"},
        {"sort": "random"},
    ],
)
def test_it_answers_an_invalid_filter_with_400_and_a_message(client, needs, params):
    response = client.get("/needs/", params)

    assert response.status_code == 400
    assert "Diese Auswahl ist ungültig" in html(response)
    assert 'href="/needs/"' in html(response)


# --- search ----------------------------------------------------------------------------------


def test_it_finds_needs_by_title_words(client, needs):
    assert board(client, q="Fahrdienst") == ["Fahrdienst zum Sprachkurs"]


def test_it_finds_needs_by_description_skills_topic_actor_and_place(client, needs, actor_a):
    NeedFactory(
        actor=actor_a,
        title="Umzugshilfe",
        municipality=MunicipalityFactory(name="Quellendorf", slug="quellendorf"),
    )

    assert board(client, q="Kreisstadt") == ["Fahrdienst zum Sprachkurs"]
    assert board(client, q="Arabisch") == ["Dolmetschen beim Elternabend"]
    assert sorted(board(client, q="Testthema Alpha")) == [
        "Dolmetschen beim Elternabend",
        "Lernpaten für Grundschulkinder",
    ]
    assert sorted(board(client, q="Sprachcafé Beta")) == [
        "Dolmetschen beim Elternabend",
        "Fahrdienst zum Sprachkurs",
    ]
    assert board(client, q="Quellendorf") == ["Umzugshilfe"]


def test_it_ranks_title_matches_first(client, needs, actor_a):
    NeedFactory(actor=actor_a, title="Begleitung gesucht", skills="Erfahrung als Lernpate")

    assert board(client, q="Lernpate")[0] == "Lernpaten für Grundschulkinder"


def test_it_searches_within_the_filters(client, needs):
    assert board(client, q="Sprachkurs Elternabend Grundschulkinder", commitment="regular") in (
        ["Fahrdienst zum Sprachkurs", "Lernpaten für Grundschulkinder"],
        ["Lernpaten für Grundschulkinder", "Fahrdienst zum Sprachkurs"],
    )


def test_it_does_not_find_hidden_needs(client, needs):
    assert board(client, q="besetzt") == []
    assert board(client, q="Gestern") == []
    assert board(client, q="Entwurfs") == []


def test_it_explains_an_empty_result(client, needs):
    response = client.get("/needs/", {"q": "Quokkafütterung"})

    assert response.status_code == 200
    assert result_count(response) == 0
    assert "Zurzeit passt kein Bedarf zu Ihrer Suche." in html(response)


def test_it_shows_an_empty_board_without_error(client, db):
    response = client.get("/needs/")

    assert response.status_code == 200
    assert "Zurzeit passt kein Bedarf zu Ihrer Suche." in html(response)


# --- pages -----------------------------------------------------------------------------------


def test_it_pages_through_many_needs(client, actor_a):
    for n in range(23):
        NeedFactory(actor=actor_a, title=f"Bedarf Nummer {n:02d}")

    first = client.get("/needs/")
    second = client.get("/needs/", {"page": 2})

    assert len(need_titles(first)) == 20
    assert need_titles(second) == ["Bedarf Nummer 02", "Bedarf Nummer 01", "Bedarf Nummer 00"]
    assert 'rel="next" href="?page=2"' in html(first)
    assert result_count(second) == 23


def test_it_shows_the_last_page_for_a_page_number_out_of_range(client, actor_a):
    NeedFactory(actor=actor_a, title="Einziger Bedarf")

    assert board(client, page=99) == ["Einziger Bedarf"]


# --- detail ----------------------------------------------------------------------------------


def test_it_shows_a_public_need_with_its_facts_and_the_help_form(client, needs):
    need = needs["dolmetschen"]

    response = client.get(f"/needs/{need.pk}/")

    page = html(response)
    assert response.status_code == 200
    assert "<h1>Dolmetschen beim Elternabend</h1>" in page
    assert "Arabisch sicher sprechen" in page
    assert "einmalig" in page
    assert 'href="/directory/sprachcafe-beta/"' in page
    assert "Ich kann helfen" in page
    assert f'action="/needs/{need.pk}/#help-title"' in page


@pytest.mark.parametrize(
    "title", ["Schon besetzt", "Längst vorbei", "Gestern geendet", "Bedarf eines Entwurfs"]
)
def test_it_answers_404_for_a_need_that_is_not_public(client, needs, title):
    need = Need.objects.get(title=title)

    assert client.get(f"/needs/{need.pk}/").status_code == 404
    assert client.post(f"/needs/{need.pk}/", {"name": "X"}).status_code == 404


def test_it_answers_404_for_an_unknown_need(client, db):
    assert client.get("/needs/999999/").status_code == 404


def test_it_serves_the_board_in_english_under_en(client, needs):
    response = client.get("/en/needs/")

    assert response.status_code == 200
    assert '<html lang="en"' in html(response)


# --- the actor's public profile --------------------------------------------------------------


def render_profile_needs(actor) -> str:
    with translation.override("de"):
        return Template("{% load needs_tags %}{% actor_open_needs actor %}").render(
            Context({"actor": actor})
        )


def test_it_lists_an_actors_open_needs_on_its_profile(needs, actor_a):
    rendered = render_profile_needs(actor_a)

    assert "Lernpaten für Grundschulkinder" in rendered
    assert f'href="/needs/{needs["lernen"].pk}/"' in rendered
    assert "Schon besetzt" not in rendered
    assert "Gestern geendet" not in rendered


def test_it_renders_nothing_on_a_profile_without_open_needs(db):
    assert render_profile_needs(ActorFactory()).strip() == ""
