"""One search across every registered kind: the results page and the suggestions as you type.

The backend ranks public hits of every kind (at most MAX_HITS); facets are counted over them in
Python, each with every other facet applied, as the directory's are; then one page is
highlighted and shown. The work is a fixed number of queries whatever the number of hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from network.models import Language, Municipality, Topic
from network.permissions import User, is_agency_staff, member_actors
from search import registry, spelling
from search.addresses import in_current_language
from search.backends import get_search_backend
from search.backends.base import FACETS, Hit
from search.listing import FacetValue
from search.snippets import mark, render
from search.synonyms import query_forms

MAX_QUERY_LENGTH = 200
MAX_HITS = 1000
PAGE_SIZE = 20
SUGGESTIONS = 8
FACET_VALUE_RE = re.compile(r"^[\w-]{1,100}$")


class InvalidQuery(ValueError):
    """Input that cannot be searched, with the reasons per parameter."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid search")
        self.errors = errors


@dataclass(frozen=True)
class ResultItem:
    kind: str
    kind_label: str
    title: SafeString
    url: str
    snippet: SafeString
    # The languages of the title and the snippet: the visitor's where translated, else German.
    title_lang: str = "de"
    snippet_lang: str = "de"


@dataclass
class SearchResult:
    query: str
    total: int = 0
    page: Page | None = None
    items: list[ResultItem] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    did_you_mean: str | None = None

    @property
    def did_you_mean_url(self) -> str:
        return f"?{urlencode({'q': self.did_you_mean})}" if self.did_you_mean else ""


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str
    url: str

    def as_json(self) -> dict[str, str]:
        """The suggestion as /search/suggest/ answers it; `kind_label` names the kind in the
        visitor's language (what the list shows beside the label)."""
        return {
            "label": self.label,
            "kind": self.kind,
            "url": self.url,
            "kind_label": kind_label(self.kind),
        }


def kind_label(kind: str) -> str:
    if kind == "term":
        return _("Suchbegriff")
    return str(registry.get(kind).label) if kind in registry.kinds() else ""


def _query(params: QueryDict, *, required: bool) -> str:
    query = " ".join((params.get("q") or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidQuery(
            {
                "q": [
                    _("Die Suche darf höchstens %(max)d Zeichen lang sein.")
                    % {"max": MAX_QUERY_LENGTH}
                ]
            }
        )
    if required and not query:
        raise InvalidQuery({"q": [_("Bitte einen Suchbegriff angeben.")]})
    return query


def _selected(params: QueryDict) -> dict[str, set[str]]:
    errors: dict[str, list[str]] = {}
    selected: dict[str, set[str]] = {}
    for name in FACETS:
        values = set(params.getlist(name))
        bad = sorted(v for v in values if not FACET_VALUE_RE.match(v))
        if name == "kind":
            bad += sorted(values - set(registry.kinds()) - set(bad))
        if bad:
            errors[name] = [_("Unbekannter Wert: %(value)s") % {"value": value} for value in bad]
        selected[name] = values
    if errors:
        raise InvalidQuery(errors)
    return selected


def _page_number(params: QueryDict) -> int:
    raw = params.get("page") or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidQuery({"page": [_("Die Seitenzahl muss eine positive ganze Zahl sein.")]})
    return int(raw)


def _labels(facet: str, values: set[str]) -> dict[str, str]:
    if facet == "kind":
        return {kind: str(registry.get(kind).label) for kind in values if kind in registry.kinds()}
    if not values:
        return {}
    if facet == "language":
        return {
            language.code: str(language) for language in Language.objects.filter(code__in=values)
        }
    model = {"topic": Topic, "municipality": Municipality}[facet]
    return {term.slug: str(term) for term in model.objects.filter(slug__in=values)}


def _facets(
    counts: dict[str, dict[str, int]], selected: dict[str, set[str]]
) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {}
    for facet in FACETS:
        labels = _labels(facet, set(counts.get(facet, {})) | selected[facet])
        facets[facet] = sorted(
            (
                FacetValue(
                    value, label, counts.get(facet, {}).get(value, 0), value in selected[facet]
                )
                for value, label in labels.items()
            ),
            key=lambda value: (-value.count, value.label),
        )
    return facets


def scopes_of(user: User | None) -> tuple[str, ...]:
    """The audiences a person belongs to (SearchDocument.audience): the actors they are a
    member of and, for agency staff, "staff"; nobody's for the public."""
    if user is None or not user.is_authenticated:
        return ()
    scopes = [f"actor:{pk}" for pk in member_actors(user).values_list("pk", flat=True)]
    if is_agency_staff(user):
        scopes.append("staff")
    return tuple(scopes)


def visitor_language() -> str | None:
    """The language whose translations a query also searches: the page's, unless German."""
    language = (get_language() or "de").split("-")[0]
    return None if language == "de" else language


def in_list_order(hits: list[Hit]) -> list[Hit]:
    """The backend's ranking, with the hits of kinds that follow the others moved after them
    (search.registry.Indexable.follows_others); the sort keeps each group's order."""
    follows = {kind: registry.follows_others(kind) for kind in {hit.kind for hit in hits}}
    return sorted(hits, key=lambda hit: follows[hit.kind])


def search_everything(params: QueryDict, user: User | None = None) -> SearchResult:
    """Hits of every kind the user may see (the public ones for the public) for the parameters
    q, kind, topic, municipality, language and page. Raises InvalidQuery naming the parameter
    and the reason."""
    query = _query(params, required=False)
    selected = _selected(params)
    number = _page_number(params)
    result = SearchResult(query=query)
    if not query:
        return result
    backend = get_search_backend()
    language = visitor_language()
    hits = backend.search(
        query, public_only=True, limit=MAX_HITS, scopes=scopes_of(user), language=language
    )
    hits = in_list_order(hits)
    result.facets = _facets(backend.count_facets(hits, selected), selected)
    # Without a chosen facet value every hit stays, and asking each of them is a loop for nothing.
    chosen = [hit for hit in hits if hit.chosen(selected)] if any(selected.values()) else hits
    result.total = len(chosen)
    result.page = Paginator(chosen, PAGE_SIZE).get_page(number)
    on_page = list(result.page.object_list)
    passages = backend.highlight(query, on_page, language)
    terms = query_forms(query, language)
    result.items = [_item(hit, passages.get(hit.key, ""), terms, language) for hit in on_page]
    if result.total < PAGE_SIZE // 4:
        result.did_you_mean = spelling.did_you_mean(query)
    return result


def _item(hit: Hit, passage: str, terms: list, language: str | None) -> ResultItem:
    title = getattr(passage, "title", "") or hit.translated_title
    return ResultItem(
        kind=hit.kind,
        kind_label=kind_label(hit.kind),
        title=render(mark(title or hit.title, terms, language)),
        url=in_current_language(hit.url),
        snippet=render(passage),
        title_lang=(language or "de") if title else "de",
        snippet_lang=getattr(passage, "lang", "de"),
    )


def suggest(params: QueryDict, user: User | None = None) -> tuple[str, list[Suggestion]]:
    """Up to SUGGESTIONS titles of hits the user may see, then words of the vocabulary, for a
    query being typed. Raises InvalidQuery for a missing or oversized q."""
    query = _query(params, required=True)
    hits = in_list_order(
        get_search_backend().suggest(
            query, limit=SUGGESTIONS, scopes=scopes_of(user), language=visitor_language()
        )
    )
    suggestions = [
        Suggestion(
            label=hit.translated_title or hit.title,
            kind=hit.kind,
            url=in_current_language(hit.url),
        )
        for hit in hits
    ]
    last_word = query.split()[-1]
    page = reverse("search:results")
    for word in spelling.completions(last_word, limit=SUGGESTIONS - len(suggestions)):
        term = " ".join([*query.split()[:-1], word])
        suggestions.append(
            Suggestion(label=term, kind="term", url=f"{page}?{urlencode({'q': term})}")
        )
    return query, suggestions[:SUGGESTIONS]
