"""German-aware text analysis shared by the database backend's index and its queries.

Both sides of a match go through the same steps, so the database engines (SQLite FTS5 and
PostgreSQL) only compare plain tokens and behave alike:
fold umlauts and ß (Weißenfels = Weissenfels = Weißenfels), then Snowball-stem (Sprachkurse =
Sprachkurs). Each word is indexed as its stem and as its folded surface form, because Snowball
stems some singular and plural forms differently ("sprachkur" / "sprachkurs").
"""

from __future__ import annotations

import re
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

_stemmer = snowballstemmer.stemmer("german")


def fold(word: str) -> str:
    """Lower-case and fold German umlauts, ß and other accents to plain letters."""
    word = word.lower().replace("ß", "ss")
    word = TRANSCRIBED_UMLAUT_RE.sub(r"\1", word)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


STOP_WORDS = frozenset(fold(word) for word in _STOP_WORDS.split())


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(fold(word))


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


def query_terms(query: str) -> list[tuple[str, str]]:
    """For each meaningful query word: (stem, folded form), each to be matched as a prefix.

    A lone stop word is kept, so that a query of only stop words still searches for something.
    """
    all_words = words(query)
    meaningful = [word for word in all_words if fold(word) not in STOP_WORDS] or all_words
    seen: set[tuple[str, str]] = set()
    terms: list[tuple[str, str]] = []
    for word in meaningful:
        term = (stem(word), fold(word))
        if term not in seen and term[0]:
            seen.add(term)
            terms.append(term)
    return terms
