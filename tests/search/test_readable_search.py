"""Search that reads well (issue 20): passages are sentences of the item with the query's words
marked, not the index's lists; an actor's own offers rank it like its name; text translated
into Arabic, Ukrainian, Russian, Persian and Turkish is found by queries in that language on
the pages in that language; suggestions name their kind and link to their item."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType

from needs.models import Need
from portal.models import ContentTranslation
from portal.translations import digest
from search import registry
from search.backends.base import MARK_END, MARK_START
from search.snippets import best_sentences, passage, sentences
from search.synonyms import query_forms
from tests.factories import ActorFactory, NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db


def translate(obj, field: str, text: str, language: str) -> ContentTranslation:
    return ContentTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        field=field,
        text=text,
        source_digest=digest(str(getattr(obj, field))),
    )


def hits(client, path: str, query: str) -> list[BeautifulSoup]:
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".search-hit")


BODY = "\n".join(
    [
        "Beratung für Zugewanderte",
        "Weißenfels",
        "Weißenfels",
        "Langendorf",
        "Deutsch Deutsch",
        "Englisch English",
        "Wir beraten Zugewanderte in Weißenfels zu Aufenthalt, Arbeit und Wohnen.",
        "Termine gibt es ca. 2 Wochen im Voraus, z. B. telefonisch.",
    ]
)


def test_it_shows_sentences_not_the_lists_of_the_index():
    found, matched = best_sentences(BODY, query_forms("Weißenfels"))

    assert matched
    assert found == (
        f"Wir beraten Zugewanderte in {MARK_START}Weißenfels{MARK_END} zu Aufenthalt, "
        "Arbeit und Wohnen."
    )


def test_it_keeps_abbreviations_inside_their_sentence():
    assert ("Termine gibt es ca. 2 Wochen im Voraus, z. B. telefonisch.", True) in sentences(BODY)


def test_it_parts_paragraphs_that_rich_text_ran_together():
    assert [
        text for text, _whole in sentences("Wir helfen Ihnen gern.Sie kommen einfach vorbei.")
    ] == [
        "Wir helfen Ihnen gern.",
        "Sie kommen einfach vorbei.",
    ]


def test_it_opens_with_the_first_sentences_when_only_a_list_matched():
    found, matched = best_sentences(BODY, query_forms("Langendorf"))

    assert not matched
    assert found.startswith("Wir beraten Zugewanderte in Weißenfels")
    assert "Langendorf" not in found


def test_it_prefers_the_sentences_holding_most_query_words():
    body = (
        "Wir bieten Beratung an.\nDer Deutschkurs beginnt im März in Zeitz.\nAlle sind willkommen."
    )

    found, _matched = best_sentences(body, query_forms("Deutschkurs Zeitz"))

    assert found == (
        f"Der {MARK_START}Deutschkurs{MARK_END} beginnt im März in {MARK_START}Zeitz{MARK_END}."
    )


def test_it_takes_the_passage_from_the_translation_that_holds_the_words():
    text = "Wir beraten Familien zu allen Fragen des Alltags."
    translated = "Мы консультируем семьи по всем вопросам повседневной жизни."

    found = passage(text, query_forms("консультируем", "ru"), translated=translated, language="ru")

    assert found.lang == "ru"
    assert f"{MARK_START}консультируем{MARK_END}" in found


def test_it_shows_sentences_with_marks_on_the_results_page(client):
    ActorFactory(
        name="Beratungsstelle Langendorf",
        short_description="Beratung für Zugewanderte.",
        description=(
            "<p>Wir beraten in Weißenfels und Langendorf.</p><p>Termine nach Absprache.</p>"
        ),
    )

    (hit,) = hits(client, "/search/", "Langendorf")

    snippet = hit.select_one(".search-hit__snippet")
    assert snippet.decode_contents() == ("Wir beraten in Weißenfels und <mark>Langendorf</mark>.")


def test_it_ranks_the_actor_offering_it_before_a_need_mentioning_it(client):
    need_actor = ActorFactory(name="Verein Mobil", short_description="Fahrten für alle.")
    NeedFactory(
        actor=need_actor,
        title="Fahrdienst zum Sprachkurs",
        description="Wir suchen Fahrerinnen und Fahrer für den Weg zum Deutschkurs.",
        status=Need.Status.OPEN,
    )
    college = ActorFactory(name="Volkshochschule", short_description="Bildung für Erwachsene.")
    OfferFactory(actor=college, name="Deutschkurs A1", description="Deutsch für den Alltag.")
    registry.update("actor", college.pk)

    found = hits(client, "/search/", "Deutschkurs")

    titles = [hit.select_one(".search-hit__title").get_text(" ", strip=True) for hit in found]
    assert titles, Need.objects.values_list("title", "status")
    assert titles.index("Volkshochschule") < titles.index("Fahrdienst zum Sprachkurs")


TRANSLATED = {
    "ar": ("دورات اللغة الألمانية للكبار في المساء.", "دورات"),
    "uk": ("Курси німецької мови для дорослих увечері.", "курси"),
    "ru": ("Курсы немецкого языка для взрослых по вечерам.", "курсы"),
    "fa": ("کلاس‌های زبان آلمانی برای بزرگسالان در عصرها.", "کلاس"),
    "tr": ("Yetişkinler için akşamları Almanca kursları.", "Almanca"),
}


@pytest.mark.parametrize("language", sorted(TRANSLATED))
def test_it_finds_text_translated_into_the_visitors_language(client, language):
    text, query = TRANSLATED[language]
    actor = ActorFactory(
        name="Abendschule Zeitz", short_description="Deutschkurse für Erwachsene am Abend."
    )
    translate(actor, "short_description", text, language)

    (hit,) = hits(client, f"/{language}/search/", query)

    assert hit.select_one(".search-hit__title").get_text(strip=True) == "Abendschule Zeitz"
    snippet = hit.select_one(".search-hit__snippet")
    assert snippet.mark is not None
    assert snippet.get("lang") is None  # in the page's language, not marked German
    # The German page searches the German text: the translated words are not found there.
    assert hits(client, "/search/", query) == []


def test_it_finds_a_translated_offer_through_its_actor_and_a_translated_need_title(client):
    actor = ActorFactory(name="Treffpunkt Naumburg", short_description="Offener Treff.")
    offer = OfferFactory(actor=actor, name="Nähcafé", description="Gemeinsam nähen.")
    translate(offer, "name", "Кафе шиття", "uk")
    need = NeedFactory(actor=actor, title="Lesepatin gesucht", status=Need.Status.OPEN)
    translate(need, "title", "Шукаємо читацьку наставницю", "uk")

    found = hits(client, "/uk/search/", "шиття")
    assert "Treffpunkt Naumburg" in [h.select_one("h3").get_text(strip=True) for h in found]

    (need_hit,) = hits(client, "/uk/search/", "наставницю")
    assert need_hit.select_one("h3").get_text(" ", strip=True) == "Шукаємо читацьку наставницю"

    response = client.get("/uk/search/suggest/", {"q": "Шукаємо"})
    labels = [s["label"] for s in response.json()["suggestions"]]
    assert "Шукаємо читацьку наставницю" in labels


def test_it_drops_a_deleted_translation_from_the_index(client):
    actor = ActorFactory(name="Stadtteiltreff", short_description="Ein Treff für alle.")
    row = translate(actor, "short_description", "Зустрічі для всіх сусідів.", "uk")
    assert hits(client, "/uk/search/", "сусідів")

    row.delete()

    assert hits(client, "/uk/search/", "сусідів") == []


def test_it_suggests_items_with_their_address_and_kind(client):
    actor = ActorFactory(name="Quokka-Treff", short_description="Ein Treff.")

    response = client.get("/search/suggest/", {"q": "Quokk"})

    assert response.status_code == 200
    first = response.json()["suggestions"][0]
    assert first == {
        "label": "Quokka-Treff",
        "kind": "actor",
        "url": actor.get_absolute_url(),
        "kind_label": "Akteur",
    }
