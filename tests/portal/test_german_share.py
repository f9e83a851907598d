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
- **Unmarked German fails on its own.** Beside the share, every German text outside `lang="de"`
  on a non-German page is listed and must not exist, whatever the share: a screen reader would
  read it with the wrong voice. A text whose words are also the visitor's language's own
  ("Telefon" and "Menü" in Turkish, "online" in English) is no German left standing.
- **Links keep the visitor's language.** An address on the portal that a non-German page links
  to is that language's own (`/ar/…`), unless the link says with `hreflang` that it leads to a
  page in another language on purpose.
- **Crisis mode and the mail.** With the demo's crisis situation switched on, its landing page
  and the pages that show its banner are measured as platform pages; the confirmation mail of a
  referral sent from the German form by a person who chose a language is held to the platform's
  ceiling in that language, line by line against the German mail.
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
FIXED_NAMES = {
    "Burgenlandkreis", "MiA", "Migrationsagentur", "Integrationsnetzwerk", "Telegram", "Mastodon",
}  # fmt: skip
# Words a language writes as German does: a text made only of these (and single letters) is the
# visitor's own language, not German left untranslated.
SAME_AS_GERMAN = {
    "en": {"Name", "normal", "online", "Website", "Hindi", "Somali", "Tigrinya", "Urdu"},
    "tr": {"Liste", "Menü", "normal", "Telefon"},
}
# Addresses of the portal that have one version for every language.
ONE_ADDRESS = re.compile(r"/(?:static|media|documents|api|admin|language|i18n|jsi18n)/")
INTERNAL_LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
CRISIS_SLUG = "ankunft-aus-der-ukraine"
CRISIS_PAGES = ["/", f"/crisis/{CRISIS_SLUG}/", "/referral/", "/wayfinder/", "/directory/"]


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
    unmarked: list[str] = field(default_factory=list)
    german_links: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.german / self.total if self.total else 0.0

    def add(self, other: Share) -> None:
        self.german += other.german
        self.total += other.total
        self.german_texts += other.german_texts
        self.unmarked += other.unmarked
        self.german_links += other.german_links


def german_share(page: str, german_page: str, names: re.Pattern[str], language: str = "") -> Share:
    """The German words of `page` (another language's rendering, `language`) measured against
    `german_page`, the German rendering of the same address; German outside `lang="de"` is
    listed in `unmarked` as well."""
    originals = {piece.text for piece in visible_pieces(german_page) if piece.lang == "de"}
    own_words = SAME_AS_GERMAN.get(language, set())
    share = Share()
    for piece in visible_pieces(page):
        counted = words(piece.text, names)
        share.total += len(counted)
        if counted and (piece.lang == "de" or piece.text in originals):
            share.german += len(counted)
            share.german_texts.append(piece.text)
            if piece.lang != "de" and any(
                len(word) > 1 and word not in own_words for word in counted
            ):
                share.unmarked.append(piece.text)
    return share


def german_links(page: str, language: str) -> list[str]:
    """Addresses of the portal that `page` (in `language`) links to in German or without a
    language, though no `hreflang` says the link leaves the visitor's language on purpose."""
    found = []
    for tag in INTERNAL_LINK.findall(page.split("<body", 1)[-1]):
        href = re.search(r'\bhref="(/[^"]*)"', tag)
        if href is None or "hreflang=" in tag:
            continue
        address = href.group(1)
        if not address.startswith(f"/{language}/") and not ONE_ADDRESS.match(address):
            found.append(address)
    return found


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
        share = german_share(page.text, german.text, names, language)
        share.unmarked = [f"{path}: {text}" for text in share.unmarked]
        share.german_links = [f"{path}: {link}" for link in german_links(page.text, language)]
        total.add(share)
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


GROUPS = {
    "platform": PLATFORM_CEILING,
    "crisis": PLATFORM_CEILING,
    "network": NETWORK_CEILING,
    "detail": DETAIL_CEILING,
}


def switch_crisis_on() -> None:
    """The demo's crisis situation on, as staff switch it: its banner on every page."""
    from django.utils import timezone

    from crisis.models import Situation

    situation = Situation.objects.get(slug=CRISIS_SLUG)
    situation.is_active = True
    situation.activated_at = timezone.now()
    situation.save()


def mail_share(mail: str, german_mail: str, names: re.Pattern[str]) -> Share:
    """The German words of a plain-text mail: a line that is, unchanged, a line of the German
    mail is German."""
    originals = {line.strip() for line in german_mail.splitlines() if line.strip()}
    share = Share()
    for line in filter(None, (line.strip() for line in mail.splitlines())):
        counted = words(line, names)
        share.total += len(counted)
        if counted and line in originals:
            share.german += len(counted)
            share.german_texts.append(line)
    return share


def confirmation_mails(client) -> dict[str, str]:
    """The confirmation mail (subject and body) per language a person chose on the German
    referral form, German for no choice."""
    from referrals.models import ConcernCategory, OutboxMail
    from tests.referrals.helpers import valid_form

    category = ConcernCategory.objects.filter(is_active=True).order_by("ordering", "pk").first()
    mails = {}
    for number, language in enumerate(("", *LANGUAGES)):
        address = f"person-{language or 'de'}@example.org"
        form = valid_form(language=language, email=address, categories=[category.slug])
        response = client.post("/referral/", form, REMOTE_ADDR=f"192.0.2.{100 + number}")
        assert response.status_code == 302, f"the form for {language or 'de'} was refused"
        mail = OutboxMail.objects.get(recipients=[address])
        mails[language or "de"] = f"{mail.subject}\n{mail.body}"
    return mails


@dataclass
class Demo:
    """What the tests read from the loaded demo before it is rolled back."""

    shares: dict[tuple[str, str], Share]
    mails: dict[str, Share]
    aliases: list[str]
    untranslated_terms: list[str]
    vocabularies: list[str]
    translated_again: int


def vocabulary_terms() -> list[str]:
    """The vocabularies of which the public sees at least one object now."""
    from portal.translations import translatable_models

    return sorted(
        registered.model.__name__
        for registered in translatable_models()
        if registered.vocabulary and registered.public is not None and registered.public()
    )


def untranslated_terms() -> list[str]:
    """Texts the staff own and the public sees (every vocabulary registered as translatable:
    topics, target groups, units, municipalities, concern categories, the wayfinder's answers,
    the crisis situation with its steps and temporary offers) that lack a translation in a
    language."""
    from portal.translations import german_text, translatable_models, translated

    return [
        f"{registered.model.__name__} {term} {name} ({language})"
        for registered in translatable_models()
        if registered.vocabulary and registered.public is not None
        for term in registered.public()
        for name in registered.fields
        if german_text(term, name).strip()
        for language in LANGUAGES
        if translated(term, name, language).is_fallback
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
        shares = {
            (group, language): measure(client, paths, language, names)
            for group, paths in groups.items()
            for language in LANGUAGES
        }
        mails = confirmation_mails(client)
        switch_crisis_on()
        for language in LANGUAGES:
            shares["crisis", language] = measure(client, CRISIS_PAGES, language, names)
        measured = Demo(
            shares=shares,
            mails={
                language: mail_share(mails[language], mails["de"], names) for language in LANGUAGES
            },
            aliases=[
                f"{page.url_path} ({page.locale.language_code})"
                for page in Page.objects.type(HomePage, ContentPage, AgencyPage, AgencyUnitPage)
                .filter(alias_of__isnull=False)
                .select_related("locale")
            ],
            # After the crisis situation is switched on, so its texts count as public.
            untranslated_terms=untranslated_terms(),
            vocabularies=vocabulary_terms(),
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_marks_every_german_text_it_shows_on_another_languages_page(demo, language):
    unmarked = [text for group in GROUPS for text in demo.shares[group, language].unmarked]

    assert unmarked == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_links_the_pages_of_the_visitors_language(demo, language):
    links = [link for group in GROUPS for link in demo.shares[group, language].german_links]

    assert links == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_writes_the_confirmation_mail_in_the_language_the_person_chose(demo, language):
    share = demo.mails[language]

    assert share.total > 40, "the mail says too little to measure"
    assert share.ratio <= PLATFORM_CEILING, f"German lines: {share.german_texts}"


def test_it_translates_every_public_page_of_the_demo_instead_of_aliasing_it(demo):
    assert demo.aliases == []


def test_it_leaves_existing_page_translations_alone_on_a_second_run(demo):
    assert demo.translated_again == 0


def test_it_names_every_term_the_public_sees_in_every_language(demo):
    assert demo.untranslated_terms == []
    assert demo.vocabularies == [
        "AgencyUnit", "ConcernCategory", "KeyStep", "Municipality", "Situation", "TargetGroup",
        "TemporaryOffer", "Topic", "WayfinderAudience",
    ]  # fmt: skip


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


def test_it_lists_german_outside_lang_de_but_not_the_languages_own_words():
    german = '<html lang="de"><body><p>Telefon:</p><p>Wir helfen gern.</p></body></html>'
    turkish = '<html lang="tr"><body><p>Telefon:</p><p>Wir helfen gern.</p></body></html>'

    share = german_share(turkish, german, names_pattern(["-"]), "tr")

    assert share.unmarked == ["Wir helfen gern."]


def test_it_finds_links_that_leave_the_visitors_language_unannounced():
    page = (
        '<body><a href="/ar/directory/">a</a> <a href="/directory/">b</a> '
        '<a href="/leichte-sprache/" hreflang="de">c</a> <a href="/static/x.css">d</a></body>'
    )

    assert german_links(page, "ar") == ["/directory/"]


def test_it_counts_the_lines_a_mail_keeps_from_the_german_mail():
    share = mail_share(
        "Hello,\nWir helfen gern.\n", "Guten Tag,\nWir helfen gern.\n", names_pattern(["-"])
    )

    assert (share.german, share.total) == (3, 4)


def test_it_does_not_count_a_translation_or_another_language_as_german():
    german = '<html lang="de"><body><p>Wir helfen gern.</p><p lang="uk">Ласкаво просимо</p>'
    ukrainian = '<html lang="uk"><body><p>Ми радо допомагаємо.</p><p>Ласкаво просимо</p>'

    share = german_share(ukrainian, german + "</body></html>", names_pattern(["-"]))

    assert (share.german, share.total) == (0, 5)
