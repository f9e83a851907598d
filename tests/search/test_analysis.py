"""search.analysis: what the index stores and what a query looks for, for German text."""

from __future__ import annotations

import pytest

from search.analysis import STOP_WORDS, fold, index_terms, query_terms, stem


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("Weißenfels", "Weissenfels"),
        ("Mütter", "Muetter"),
        ("Ökumene", "Oekumene"),
        ("Übersetzung", "Uebersetzung"),
        ("Straße", "Strasse"),
        ("Café", "Cafe"),
    ],
)
def test_it_folds_umlauts_sharp_s_and_their_transcriptions_alike(written, plain):
    assert fold(written) == fold(plain)
    assert stem(written) == stem(plain)
    assert index_terms(written) == index_terms(plain)
    assert query_terms(written) == query_terms(plain)


def test_it_folds_to_lower_case_plain_letters():
    assert fold("Weißenfels") == "weissenfels"
    assert fold("Mütter") == "mutter"
    assert fold("Muetter") == "mutter"


@pytest.mark.parametrize("word", ["Frauen", "Steuer", "Quelle", "Feuer", "Bauer"])
def test_it_keeps_ae_oe_ue_after_a_vowel_or_q(word):
    assert fold(word) == word.lower()


def test_it_stems_plural_and_singular_to_a_shared_prefix():
    singular, plural = stem("Sprachkurs"), stem("Sprachkurse")
    assert plural.startswith(singular) or singular.startswith(plural)
    assert stem("Beratungsstelle").startswith(stem("Beratung"))


def test_it_indexes_each_word_as_stem_and_folded_form():
    terms = index_terms("Sprachkurse in Weißenfels").split()
    assert stem("Sprachkurse") in terms
    assert "sprachkurse" in terms
    assert "weissenfels" in terms
    assert stem("Weißenfels") in terms


def test_it_does_not_repeat_a_word_whose_stem_is_its_folded_form():
    assert index_terms("Zeitz").split() == ["zeitz"]


def test_it_query_terms_are_stem_and_folded_pairs():
    assert query_terms("Sprachkurse") == [(stem("Sprachkurse"), "sprachkurse")]


def test_it_drops_stop_words_from_queries():
    terms = query_terms("Hilfe für Frauen in Zeitz")
    folded = [form for _stem, form in terms]
    assert folded == ["hilfe", "frauen", "zeitz"]
    assert "fur" in STOP_WORDS
    assert query_terms("Beratung fuer Frauen") == query_terms("Beratung für Frauen")


def test_it_still_searches_a_query_of_only_stop_words():
    terms = query_terms("und die")
    assert [form for _stem, form in terms] == ["und", "die"]


def test_it_drops_repeated_query_words():
    assert query_terms("Weißenfels Weissenfels weissenfels") == query_terms("Weißenfels")


def test_it_splits_words_at_underscores_in_index_and_query():
    assert index_terms("Deutsch_Kurs").split()[0] == stem("Deutsch")
    assert stem("Kurs") in index_terms("Deutsch_Kurs").split()
    assert query_terms("sprach_cafe") == [*query_terms("sprach"), *query_terms("cafe")]


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "()", "::", "-_-", "🙂🙂", "…"])
def test_it_finds_no_terms_in_queries_without_letters_or_digits(query):
    assert query_terms(query) == []
    assert index_terms(query) == ""


@pytest.mark.parametrize("query", ['"Weißenfels"', "Weißenfels*", "a:b", "NEAR(x", "x' OR '1'='1"])
def test_it_keeps_only_letters_and_digits_of_hostile_queries(query):
    for stemmed, folded in query_terms(query):
        assert stemmed.isalnum()
        assert folded.isalnum()
