"""German-aware text analysis shared by the database backend's index and its queries.

Both sides of a match go through the same steps, so the database engines (SQLite FTS5 and
PostgreSQL) only compare plain tokens and behave alike:
fold umlauts and ß (Weißenfels = Weissenfels = Weißenfels), then Snowball-stem (Sprachkurse =
Sprachkurs). Each word is indexed as its stem and as its folded surface form, because Snowball
stems some singular and plural forms differently ("sprachkur" / "sprachkurs").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Letters and digits; the underscore would split differently in the engines' own parsers.
WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# ae/oe/ue written for ä/ö/ü, but not where the vowel follows another vowel or q
# (Frauen, Steuer, Quelle stay as they are), as Lucene's German normalisation does.
TRANSCRIBED_UMLAUT_RE = re.compile(r"(?<![aeiouäöüq])([aou])e")

# Words that carry no meaning for the directory's queries ("Hilfe für Frauen in Zeitz").
_STOP_WORDS = """
    aber alle als am an auch auf aus bei bin bis das dass dem den der des die dir du ein eine
    einem einen einer eines es für fuer hat ich ihr im in ist ja mit nach nicht noch oder
    sich sie sind so über ueber um und uns von vom vor was wie wir zu zum zur the and of for
    """

# A Snowball stemmer keeps the word it works on in itself: one per thread, since the web
# process builds the vocabulary in a thread of its own while requests stem their queries.
_local = threading.local()


def _stemmer_for(name: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if name not in stemmers:
        stemmers[name] = snowballstemmer.stemmer(name)
    return stemmers[name]


def fold(word: str) -> str:
    """Lower-case and fold German umlauts, ß and other accents to plain letters."""
    word = word.lower().replace("ß", "ss")
    word = TRANSCRIBED_UMLAUT_RE.sub(r"\1", word)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


STOP_WORDS = frozenset(fold(word) for word in _STOP_WORDS.split())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer_for("german").stemWord(fold(word))


def words(text: str) -> list[str]:
    return WORD_RE.findall(text or "")


def index_terms(text: str) -> str:
    """The space-separated tokens stored in the index for one field."""
    terms: list[str] = []
    for word in words(text):
        folded = fold(word)
        stemmed = stem(word)
        terms.append(stemmed)
        if folded != stemmed:
            terms.append(folded)
    return " ".join(terms)


def query_terms(query: str, language: str | None = None) -> list[tuple[str, ...]]:
    """For each meaningful query word: (stem, folded form), each to be matched as a prefix;
    with a `language` other than German, also its forms tagged for text translated into it.

    A lone stop word is kept, so that a query of only stop words still searches for something.
    """
    all_words = words(query)
    meaningful = [word for word in all_words if fold(word) not in STOP_WORDS] or all_words
    seen: set[tuple[str, ...]] = set()
    terms: list[tuple[str, ...]] = []
    for word in meaningful:
        term: tuple[str, ...] = (stem(word), fold(word))
        if language and language != "de":
            term += tagged_query_forms(language, word)
        if term not in seen and term[0]:
            seen.add(term)
            terms.append(term)
    return terms


# Text translated into the other languages (portal.translations) is indexed beside the German,
# each token tagged with its language: "0ar0" + the word. A tag starts with a digit and holds
# one, so no German query word (matched as a prefix) reaches it; a query finds the translated
# words of the visitor's language only, besides the German ones.
_TAGGED_STEMMERS = {
    "en": "english",
    "ar": "arabic",
    "ru": "russian",
    "fa": "persian",
    "tr": "turkish",
}
# Arabic and Persian letters written in more than one way, and the Arabic article.
_ARABIC_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ی": "ي", "ك": "ک", "ة": "ه", "ـ": None}
)


def tag(language: str) -> str:
    return f"0{language}0"


def _fold_for(language: str, word: str) -> str:
    if language == "tr":
        # Turkish capitals: the dotted one is i, the plain one the dotless i.
        word = word.replace("İ", "i").replace("I", "ı")
    folded = unicodedata.normalize("NFKD", word.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    if language in ("ar", "fa"):
        folded = folded.translate(_ARABIC_LETTERS)
    return folded


@lru_cache(maxsize=50_000)
def _forms_for(language: str, word: str) -> tuple[str, ...]:
    """A translated word's stem and folded form, without its tag; Arabic words also without
    their article (الدورة → دوره)."""
    folded = _fold_for(language, word)
    forms = [folded]
    if language == "ar" and folded.startswith("ال") and len(folded) > 4:
        forms.append(folded[2:])
    name = _TAGGED_STEMMERS.get(language)
    if name is not None:
        stemmer = _stemmer_for(name)
        forms += [stemmer.stemWord(form) for form in list(forms)]
    return tuple(dict.fromkeys(form for form in forms if form))


def tagged_terms(language: str, text: str) -> str:
    """The index tokens of a text in `language` (not German): each form tagged."""
    prefix = tag(language)
    return " ".join(prefix + form for word in words(text) for form in _forms_for(language, word))


def tagged_query_forms(language: str, word: str) -> tuple[str, ...]:
    """How a query word typed in `language` matches translated text: its tagged forms."""
    prefix = tag(language)
    return tuple(prefix + form for form in _forms_for(language, word))
