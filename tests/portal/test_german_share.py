"""How much of what a reader sees on the demo site is German, per language and page group.

People who read little German must be able to use the portal in their own language, so this
measures the demo the way such a reader meets it and holds the share of German words under a
ceiling: 5 % on what the platform itself says (home, the referral form and its confirmation,
the wayfinder, the agency's pages, the content pages), 15 % on the network's own content, where
an actor may not have translated yet: its lists (the directory, events and needs) and a sample
of its detail pages (the first profiles, events and needs those lists show, and the profiles of
the two organisations that wrote first in Ukrainian and Arabic).

The method, chosen to be robust rather than clever:

- **Visible text only.** The HTML is parsed; `<head>`, `script`, `style`, `template`,
  `noscript`, `svg` and elements marked `hidden` are skipped. What remains is split into words
  (runs of letters); the share is counted in words, so a long German paragraph weighs more than a
  German button.
- **A word is German** when the element it stands in says so (the nearest `lang` attribute is
  `de`, as the portal marks every German fallback), or when it stands in a piece of text that is
  also, unchanged, a piece of text of the German rendering of the same page (what the German
  reader sees): a translated page shares no sentences with the German one, so an identical text
  is German that was not translated, whether it is marked or not. Comparing against the German
  rendering needs no dictionary and cannot mistake a translated text for German.
- **Names are no language.** Words that are names in every language (the municipalities, streets
  and towns of places, contact persons, languages' own names such as "Deutsch" in the language
  switcher, the portal's and the agency's proper names) are left out of both counts; so are words
  with digits (times, rooms, phone numbers) and addresses (e-mail, web).

A German page is the same page under its address without a language prefix.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

# Without a database test in the session pytest-django would leave the module's fixture on the
# development database instead of the test database.
pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar", "uk", "ru", "fa", "tr")
PLATFORM_CEILING = 0.05
NETWORK_CEILING = 0.15
DETAIL_CEILING = 0.15

SKIPPED = {"head", "script", "style", "template", "noscript", "svg"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
BLOCK_BREAKS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "option", "label",
    "legend", "button", "a", "br", "div", "section", "summary", "figcaption", "blockquote",
}  # fmt: skip
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# Proper names of the portal that are no one's language (besides those read from the data).
FIXED_NAMES = {"Burgenlandkreis", "MiA", "Migrationsagentur", "Integrationsnetzwerk"}


@dataclass
class Piece:
    """A run of visible text and the language its nearest `lang` attribute gives it."""

    text: str
    lang: str


class VisibleText(HTMLParser):
    """The visible text of a page as pieces, each with its element's language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.pieces: list[Piece] = []
        self.buffer: list[str] = []
        self.buffer_lang = ""

    @property
    def hidden(self) -> bool:
        return any(is_hidden for _tag, _lang, is_hidden in self.stack)

    @property
    def lang(self) -> str:
        return next((lang for _tag, lang, _hidden in reversed(self.stack) if lang), "")

    def flush(self) -> None:
        text = " ".join(" ".join(self.buffer).split())
        if text:
            self.pieces.append(Piece(text, self.buffer_lang))
        self.buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in BLOCK_BREAKS or values.get("lang") is not None:
            self.flush()
        if tag in VOID:
            return
        is_hidden = tag in SKIPPED or "hidden" in values
        self.stack.append((tag, (values.get("lang") or "").split("-")[0].lower(), is_hidden))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                if tag in BLOCK_BREAKS or self.stack[index][1]:
                    self.flush()
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if self.hidden or not data.strip():
            return
        if self.buffer and self.lang != self.buffer_lang:
            self.flush()
        self.buffer_lang = self.lang
        self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self.flush()


def visible_pieces(html: str) -> list[Piece]:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.pieces


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One expression for all names, longest first, matching whole words only."""
    alternatives = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def words(text: str, names: re.Pattern[str]) -> list[str]:
    """The words a reader reads as language: no names, numbers or addresses."""
    return WORD.findall(names.sub(" ", ADDRESS.sub(" ", text)))


@dataclass
class Share:
    """German words and all words of a set of pages; `german_texts` keeps examples to fix."""

    german: int = 0
    total: int = 0
    german_texts: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.german / self.total if self.total else 0.0

    def add(self, other: Share) -> None:
        self.german += other.german
        self.total += other.total
        self.german_texts += other.german_texts


def german_share(page: str, german_page: str, names: re.Pattern[str]) -> Share:
    """The German words of `page` (another language's rendering) measured against
    `german_page`, the German rendering of the same address."""
    originals = {piece.text for piece in visible_pieces(german_page) if piece.lang == "de"}
    share = Share()
    for piece in visible_pieces(page):
        counted = words(piece.text, names)
        share.total += len(counted)
        if counted and (piece.lang == "de" or piece.text in originals):
            share.german += len(counted)
            share.german_texts.append(piece.text)
    return share


def proper_names() -> re.Pattern[str]:
    """The names the pages show that are the same in every language, read from the data."""
    from network.models import Actor, ContactPerson, Language, Location, Municipality

    texts: list[str] = [*FIXED_NAMES]
    texts += Actor.objects.values_list("name", flat=True)
    texts += Municipality.objects.values_list("name", flat=True)
    for values in Location.objects.values_list("name", "street", "town"):
        texts += values
    texts += ContactPerson.objects.values_list("name", flat=True)
    texts += Language.objects.values_list("native_name", flat=True)
    return names_pattern(text for text in texts if text)


def measure(client, paths: Iterable[str], language: str, names: re.Pattern[str]) -> Share:
    total = Share()
    for path in paths:
        german = client.get(path)
        assert german.status_code == 200, f"{path} answers {german.status_code}"
        page = client.get(f"/{language}{path}")
        assert page.status_code == 200, f"/{language}{path} answers {page.status_code}"
        total.add(german_share(page.text, german.text, names))
    return total


def platform_pages() -> list[str]:
    """What the platform itself says: home, referral form and confirmation, the wayfinder's
    steps and a result, the agency with every unit page, and every content page."""
    from wagtail.models import Locale

    from network.models import AgencyPage, AgencyUnitPage
    from portal.models import ContentPage
    from referrals.models import ConcernCategory, WayfinderAudience

    german = Locale.get_default()
    pages = ["/", "/referral/", "/referral/thanks/", "/wayfinder/"]
    concern = ConcernCategory.objects.filter(is_active=True).order_by("ordering", "pk").first()
    audience = WayfinderAudience.objects.filter(is_active=True).order_by("pk").first()
    pages += [
        f"/wayfinder/?concern={concern.slug}",
        f"/wayfinder/?concern={concern.slug}&for_whom={audience.slug}",
        f"/wayfinder/?concern={concern.slug}&for_whom={audience.slug}&language=ar",
        f"/wayfinder/?concern={concern.slug}&for_whom={audience.slug}&language=ar&contact=nein",
    ]
    for model in (ContentPage, AgencyPage, AgencyUnitPage):
        pages += [page.url for page in model.objects.live().filter(locale=german)]
    return pages


NETWORK_PAGES = ["/directory/", "/events/", "/needs/"]

# How many detail pages of each list the "detail" group reads, in the order the list shows them.
DETAIL_SAMPLE = {"/directory/": 6, "/events/": 3, "/needs/": 3}
# The profiles of the two organisations that wrote their texts first in Ukrainian and Arabic.
WRITTEN_FIRST_ELSEWHERE = [
    "ukrainische-gemeinschaft-burgenlandkreis-ev",
    "syrisch-deutscher-kulturverein-naumburg-ev",
]
DETAIL_LINK = re.compile(r'href="(/(?:directory|events|needs)/[^"?#/]+/)"')


def detail_pages(client) -> list[str]:
    """The first profiles, events and needs each German list links to, and the two profiles
    written first in another language."""
    pages = []
    for path, count in DETAIL_SAMPLE.items():
        response = client.get(path)
        assert response.status_code == 200, f"{path} answers {response.status_code}"
        links = [link for link in DETAIL_LINK.findall(response.text) if link.startswith(path)]
        sample = list(dict.fromkeys(links))[:count]
        assert len(sample) == count, f"{path} links to fewer than {count} pages: {sample}"
        pages += sample
    return pages + [f"/directory/{slug}/" for slug in WRITTEN_FIRST_ELSEWHERE]


GROUPS = {"platform": PLATFORM_CEILING, "network": NETWORK_CEILING, "detail": DETAIL_CEILING}


@dataclass
class Demo:
    """What the tests read from the loaded demo before it is rolled back."""

    shares: dict[tuple[str, str], Share]
    aliases: list[str]
    untranslated_terms: list[str]
    translated_again: int


def untranslated_terms() -> list[str]:
    """Terms the public sees (topics, target groups, units, concern categories) that lack a
    translation in one of the languages."""
    from network.models import AgencyUnit, TargetGroup, Topic
    from portal.translations import translated
    from referrals.models import ConcernCategory

    terms = [*Topic.objects.all(), *TargetGroup.objects.all(), *AgencyUnit.objects.all()]
    terms += ConcernCategory.objects.filter(is_active=True)
    return [
        f"{term} ({language})"
        for term in terms
        for language in LANGUAGES
        if translated(term, "label" if hasattr(term, "label") else "name", language).is_fallback
    ]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Demo:
    """The demo, loaded once for the module, measured per page group and language, and rolled
    back. The page cache is off, so every page is rendered from the demo just loaded."""
    from wagtail.models import Page

    from demo.network.page_translations import ensure_page_translations
    from network.models import AgencyPage, AgencyUnitPage
    from portal.models import ContentPage, HomePage

    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(PAGE_CACHE=False),
    ):
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        names = proper_names()
        client = Client()
        groups = {
            "platform": platform_pages(),
            "network": NETWORK_PAGES,
            "detail": detail_pages(client),
        }
        measured = Demo(
            shares={
                (group, language): measure(client, paths, language, names)
                for group, paths in groups.items()
                for language in LANGUAGES
            },
            aliases=[
                f"{page.url_path} ({page.locale.language_code})"
                for page in Page.objects.type(HomePage, ContentPage, AgencyPage, AgencyUnitPage)
                .filter(alias_of__isnull=False)
                .select_related("locale")
            ],
            untranslated_terms=untranslated_terms(),
            translated_again=ensure_page_translations(),
        )
        transaction.set_rollback(True)
    return measured


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("group", GROUPS)
def test_it_keeps_german_under_the_ceiling_of_each_page_group(demo, group, language):
    share = demo.shares[group, language]

    assert share.total > 500, "the pages show too little text to measure"
    assert share.ratio <= GROUPS[group], (
        f"{share.ratio:.1%} of the {group} pages in {language} is German; the most frequent: "
        f"{sorted(set(share.german_texts), key=share.german_texts.count, reverse=True)[:15]}"
    )


def test_it_translates_every_public_page_of_the_demo_instead_of_aliasing_it(demo):
    assert demo.aliases == []


def test_it_leaves_existing_page_translations_alone_on_a_second_run(demo):
    assert demo.translated_again == 0


def test_it_names_every_term_the_public_sees_in_every_language(demo):
    assert demo.untranslated_terms == []


def test_it_counts_untranslated_german_and_german_marked_as_such():
    names = names_pattern(["Weißenfels"])
    german = (
        '<html lang="de"><body><h1>Beratung in Weißenfels</h1><p>Wir helfen gern.</p>'
        "<script>var x = 'Deutsch';</script></body></html>"
    )
    english = (
        '<html lang="en"><body><h1>Beratung in Weißenfels</h1>'
        '<p>We are glad to help. <span lang="de">Nur auf Deutsch</span></p>'
        "<p hidden>Versteckt</p></body></html>"
    )

    share = german_share(english, german, names)

    # "Beratung in" is the German heading unchanged, "Nur auf Deutsch" is marked German; the
    # town's name, the script and the hidden paragraph are not counted.
    assert (share.german, share.total) == (5, 10)
    assert share.german_texts == ["Beratung in Weißenfels", "Nur auf Deutsch"]


def test_it_does_not_count_a_translation_or_another_language_as_german():
    german = '<html lang="de"><body><p>Wir helfen gern.</p><p lang="uk">Ласкаво просимо</p>'
    ukrainian = '<html lang="uk"><body><p>Ми радо допомагаємо.</p><p>Ласкаво просимо</p>'

    share = german_share(ukrainian, german + "</body></html>", names_pattern(["-"]))

    assert (share.german, share.total) == (0, 5)
