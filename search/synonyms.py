"""Query-time synonyms for the database backend: each query word also matches its group.

The groups come from the Synonym model (kept by staff in the admin) and are cached until one
changes. Words are compared by their analysed stem, so "Sprachkurse" finds the group of
"Sprachkurs".
"""

from __future__ import annotations

from django.core.cache import cache

from search.analysis import fold, query_terms, stem

Term = tuple[str, ...]


def groups() -> list[list[str]]:
    """Every synonym group as surface words."""
    from search.models import SYNONYMS_CACHE_KEY, Synonym

    cached = cache.get(SYNONYMS_CACHE_KEY)
    if cached is None:
        cached = [synonym.words for synonym in Synonym.objects.all()]
        cache.set(SYNONYMS_CACHE_KEY, cached, timeout=None)
    return cached


def _forms(word: str) -> Term:
    return tuple(dict.fromkeys((stem(word), fold(word))))


def expand(terms: list[Term]) -> list[Term]:
    """Each query term with the stems and folded forms of every word of its groups added."""
    by_stem: dict[str, list[str]] = {}
    for group in groups():
        for word in group:
            by_stem.setdefault(stem(word), []).extend(group)
    expanded: list[Term] = []
    for term in terms:
        forms = list(term)
        for word in by_stem.get(term[0], ()):
            forms += _forms(word)
        expanded.append(tuple(dict.fromkeys(forms)))
    return expanded


def query_forms(query: str, language: str | None = None) -> list[Term]:
    """The query's terms as the database backend and the snippets match them: each word's
    stem and folded form (and its forms in `language`'s translations), widened by its
    synonyms, every form matched as a word's start."""
    return expand(query_terms(query, language))
