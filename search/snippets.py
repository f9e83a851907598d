"""Passages and titles with the matched words marked, safe to put into a page.

A hit's passage is made of sentences of its text, the ones holding most of the query's words,
not a stretch of the index's lists (town names, languages, topics that a document carries for
matching): the body is cut at its lines and sentence ends, a piece of fewer than four words
without a full stop counts as a list entry and is never shown, and the sentences are ranked by
how many different query terms they hold, then by their place in the text. When no sentence
holds a query word (the match was in a list), the text's first sentences stand instead.

Backends mark matches with MARK_START/MARK_END (private-use characters, never markup); `render`
escapes everything else and only then turns those into <mark>, so indexed text cannot inject
HTML whatever it contains.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import WORD_RE, fold, stem, tagged_query_forms
from search.backends.base import MARK_END, MARK_START

PASSAGE_LENGTH = 220
# A piece of text with fewer words is an entry of a list, never shown; one with fewer than
# SENTENCE_WORDS (an offer's name) is shown only where it holds a query word.
PHRASE_WORDS = 3
SENTENCE_WORDS = 4
# After a sentence's end: white space, or none where rich text joined two paragraphs
# ("… leben.Wir helfen"), told from "e.V." by the two small letters before the stop.
SENTENCE_END_RE = re.compile(r"(?<=[.!?…؟।])\s+|(?<=[a-zäöüß]{2}[.!?])(?=[A-ZÄÖÜ])")
# Words written with a stop that do not end a sentence ("z. B.", "Nr. 5", "Dr. Weber").
ABBREVIATIONS = frozenset(
    ["bzw", "ca", "dr", "evtl", "ggf", "hr", "fr", "inkl", "nr", "str", "st", "usw", "vgl", "tel"]
)
ENDS_AS_SENTENCE = (".", "!", "?", "…", "؟")


class Passage(str):
    """A passage in `lang` (the visitor's when it comes from a translation, else German);
    `title` is the hit's title in the visitor's language where it has one translated."""

    lang: str
    title: str

    def __new__(cls, text: str, lang: str = "de", title: str = "") -> Passage:
        value = super().__new__(cls, text)
        value.lang = lang
        value.title = title
        return value


@lru_cache(maxsize=20_000)
def _word_forms(word: str, language: str | None) -> tuple[str, ...]:
    forms = (stem(word), fold(word))
    if language and language != "de":
        forms += tagged_query_forms(language, word)
    return forms


def _matched_terms(
    word: str, terms: Sequence[Sequence[str]], language: str | None = None
) -> frozenset[int]:
    return _term_indexes(word, tuple(tuple(term) for term in terms), language)


# A page's twenty passages ask about the same words again and again (folding a word took half
# of cutting them): the answers are kept per word, query terms and language.
@lru_cache(maxsize=20_000)
def _term_indexes(
    word: str, terms: tuple[tuple[str, ...], ...], language: str | None
) -> frozenset[int]:
    forms = _word_forms(word, language)
    return frozenset(
        index
        for index, term in enumerate(terms)
        if any(form.startswith(prefix) for prefix in term for form in forms)
    )


def _matches(word: str, terms: Sequence[Sequence[str]], language: str | None = None) -> bool:
    return bool(_matched_terms(word, terms, language))


def mark(text: str, terms: Sequence[Sequence[str]], language: str | None = None) -> str:
    """The whole text with every word matching a query term marked."""
    parts: list[str] = []
    position = 0
    for match in WORD_RE.finditer(text):
        if _matches(match.group(), terms, language):
            parts += [text[position : match.start()], MARK_START, match.group(), MARK_END]
            position = match.end()
    parts.append(text[position:])
    return "".join(parts)


def _split(line: str) -> list[str]:
    """A line cut after each sentence end that a capital (or a letter of a script without
    capitals) follows: "ca. 5 Stunden" and "z. B. für" stay whole."""
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(line):
        following = line[match.end() : match.end() + 1]
        before = WORD_RE.findall(line[max(start, match.start() - 12) : match.start()])
        if before and (len(before[-1]) == 1 or before[-1].lower() in ABBREVIATIONS):
            continue
        if following and (
            following.isupper()
            or (following.isalpha() and following.lower() == following.upper())
            or following in '„"«('
        ):
            pieces.append(line[start : match.start()])
            start = match.end()
    pieces.append(line[start:])
    return pieces


def _word_count(piece: str) -> int:
    return sum(1 for word in WORD_RE.findall(piece) if len(word) > 1)


def sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences and phrases of a text, in order, each with whether it is a whole
    sentence (ending as one does); the pieces of fewer than three words (a place, "Deutsch
    Deutsch") are entries of a list and left out."""
    found: list[tuple[str, bool]] = []
    for line in (text or "").splitlines():
        for piece in _split(" ".join(line.split())):
            piece = piece.strip(" ·,;")
            count = _word_count(piece) if piece else 0
            if count >= PHRASE_WORDS:
                whole = piece.endswith(ENDS_AS_SENTENCE)
                found.append((piece, whole))
    return found


def _cut(sentence: str, terms: Sequence[Sequence[str]], language: str | None, length: int) -> str:
    """A sentence longer than the passage, cut around its first matched word."""
    words = list(WORD_RE.finditer(sentence))
    first = next((m.start() for m in words if _matches(m.group(), terms, language)), 0)
    start = max(0, first - length // 4)
    if start:
        start = sentence.find(" ", start) + 1 or start
    end = min(len(sentence), start + length)
    if end < len(sentence):
        space = sentence.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start else "") + sentence[start:end] + (" …" if end < len(sentence) else "")


def best_sentences(
    text: str,
    terms: Sequence[Sequence[str]],
    language: str | None = None,
    length: int = PASSAGE_LENGTH,
) -> tuple[str, bool]:
    """The sentences of the text that hold most query terms (up to about `length` characters,
    in their order in the text), marked; and whether any of them holds a query word."""
    found = sentences(text)
    if not found:
        return "", False
    scored = []
    for position, (sentence, whole) in enumerate(found):
        matched: set[int] = set()
        for word in WORD_RE.findall(sentence):
            matched |= _matched_terms(word, terms, language)
        # Most query terms first; among equals, whole sentences before fields of a few words.
        scored.append((-len(matched), not whole, position, sentence))
    scored.sort()
    matched_any = scored[0][0] < 0
    if not matched_any:
        # No sentence holds a query word: the text's opening sentences say what it is.
        whole_ones = [(s, whole) for s, whole in found if whole] or [
            (s, whole) for s, whole in found if _word_count(s) >= SENTENCE_WORDS
        ]
        if not whole_ones:
            return "", False
        scored = [(0, False, position, s) for position, (s, _whole) in enumerate(whole_ones)]
        found = whole_ones
    chosen: list[tuple[int, str]] = []
    total = 0
    for misses, _partial, position, sentence in scored:
        if chosen and (total + len(sentence) > length or (matched_any and misses == 0)):
            break
        chosen.append((position, sentence))
        total += len(sentence) + 1
    chosen.sort()
    pieces: list[str] = []
    for index, (position, sentence) in enumerate(chosen):
        if len(sentence) > length:
            sentence = _cut(sentence, terms, language, length)
        if index:
            gap = position != chosen[index - 1][0] + 1
            if gap:
                pieces.append("…")
            elif not pieces[-1].endswith(ENDS_AS_SENTENCE):
                pieces.append("·")
        pieces.append(sentence)
    return mark(" ".join(pieces), terms, language), matched_any


def passage(
    text: str,
    terms: Sequence[Sequence[str]],
    length: int = PASSAGE_LENGTH,
    *,
    translated: str = "",
    language: str | None = None,
) -> Passage:
    """The sentences of a hit to show: from its translation into the visitor's language when
    that holds a query word or the German does not, else from the German text."""
    german, german_matched = best_sentences(text, terms, None, length)
    if translated and language:
        other, other_matched = best_sentences(translated, terms, language, length)
        if other and (other_matched or not german_matched):
            return Passage(other, language)
    return Passage(german, "de")


def render(marked: str) -> SafeString:
    """Escaped text with the marked words in <mark>."""
    html = escape(marked).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    # Everything is escaped first; only our own markers become tags afterwards.
    return mark_safe(html)  # noqa: S308  # nosec B308 B703
