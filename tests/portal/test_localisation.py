"""One Wagtail page tree per language: every German page has its copy in every locale, real
translations where the demo has them, aliases saying "only in German" elsewhere, and the
switcher, menu and footer lead to the pages of the visitor's language."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page

from demo.network.pages import ensure_pages
from portal.localisation import content_language, ensure_locales, synchronise_page_tree
from portal.models import ContentPage, HomePage
from tests.html import links, one, select, text_of

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture
def demo_pages(db) -> HomePage:
    """The pages as load_demo leaves them; returns the German home page."""
    assert ensure_pages() == []
    synchronise_page_tree()
    return HomePage.objects.get(depth=2, locale__language_code="de")


def german_page(home: HomePage, slug: str, title: str) -> ContentPage:
    page = ContentPage(title=title, slug=slug, intro=f"Über {title}.", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def main_html(html: str) -> str:
    """The page's main content, as markup."""
    return str(one(html, "main"))


def footer_links(html: str) -> list[str]:
    return links(html, "nav.footer-nav a[href]")


def test_it_has_a_locale_for_every_interface_language(db):
    locales = ensure_locales()

    assert locales[0].language_code == settings.LANGUAGE_CODE
    assert {locale.language_code for locale in Locale.objects.all()} == {
        code for code, _name in settings.LANGUAGES
    }
    ensure_locales()
    assert Locale.objects.count() == len(settings.LANGUAGES)


def test_a_page_created_in_german_gets_its_copy_in_every_locale(demo_pages):
    page = german_page(demo_pages, "sprachkurse", "Sprachkurse")

    assert synchronise_page_tree() == len(OTHER_LANGUAGES)

    copies = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    assert sorted(copy.locale.language_code for copy in copies) == sorted(OTHER_LANGUAGES)
    for copy in copies:
        assert copy.alias_of_id == page.pk
        assert copy.live
        assert copy.get_parent().specific.locale == copy.locale
        assert copy.get_parent().translation_key == demo_pages.translation_key


def test_synchronising_again_changes_nothing(demo_pages):
    pages = Page.objects.count()

    assert synchronise_page_tree() == 0
    assert ensure_pages() == []
    assert Page.objects.count() == pages


def test_the_alias_follows_the_german_page_when_it_is_published(demo_pages):
    page = german_page(demo_pages, "sprachkurse", "Sprachkurse")
    synchronise_page_tree()

    page.title = "Deutschkurse"
    page.save_revision().publish()

    assert Page.objects.get(
        translation_key=page.translation_key, locale__language_code="fa"
    ).title == ("Deutschkurse")


PAGES = [
    ("/", "Integrationsnetzwerk Burgenlandkreis"),
    ("/en/", "Integration network Burgenlandkreis"),
    ("/ar/", "Integrationsnetzwerk Burgenlandkreis"),
    ("/datenschutz/", "Datenschutz"),
    ("/en/datenschutz/", "Privacy notice"),
    ("/en/barrierefreiheit/", "Accessibility statement"),
    ("/uk/datenschutz/", "Datenschutz"),
    ("/tr/leichte-sprache/", "Die Migrations-Agentur in Leichter Sprache"),
    ("/ru/impressum/", "Impressum"),
]


def test_every_locale_serves_the_home_and_content_pages(client, demo_pages):
    for path, title in PAGES:
        response = client.get(path)

        assert response.status_code == 200, path
        assert text_of(response, "h1").startswith(title), path


def test_a_page_only_in_german_says_so_and_marks_its_text_german(client, demo_pages):
    for path in ("/ar/", "/fa/impressum/", "/uk/barrierefreiheit/"):
        main = main_html(client.get(path).content.decode())

        assert 'class="alert alert--warn page-language-note"' in main, path
        assert select(main, 'div[lang="de"][dir="ltr"] > h1:first-child'), path


def test_a_page_in_the_visitors_language_has_no_marker(client, demo_pages):
    for path in ("/", "/datenschutz/", "/en/", "/en/datenschutz/"):
        main = main_html(client.get(path).content.decode())

        assert "page-language-note" not in main, path
        assert 'lang="de"' not in main, path


def test_the_content_language_of_an_alias_is_that_of_its_german_page(demo_pages):
    english = Page.objects.filter(locale__language_code="en", depth=3)

    assert content_language(english.get(slug="impressum")) == "de"
    assert content_language(english.get(slug="datenschutz")) == "en"


def test_the_switcher_on_a_wagtail_page_leads_to_its_translation(client, demo_pages):
    german = german_page(demo_pages, "kontakt", "Kontakt")
    synchronise_page_tree()
    english = Page.objects.get(translation_key=german.translation_key, locale__language_code="en")
    english.slug = "contact"
    english.alias_of = None
    english.save()

    html = client.get("/kontakt/", {"from": "flyer"}).content.decode()

    assert 'href="/language/en/?next=%2Fen%2Fcontact%2F%3Ffrom%3Dflyer"' in html
    assert 'href="/language/ar/?next=%2Far%2Fkontakt%2F%3Ffrom%3Dflyer"' in html
    assert 'href="/language/de/?next=%2Fkontakt%2F%3Ffrom%3Dflyer"' in html
    back = client.get("/en/contact/").content.decode()
    assert 'href="/language/de/?next=%2Fkontakt%2F"' in back


def test_the_menu_shows_the_pages_of_the_visitors_language(client, demo_pages):
    german = german_page(demo_pages, "kontakt", "Kontakt")
    synchronise_page_tree()
    english = ContentPage.objects.get(
        translation_key=german.translation_key, locale__language_code="en"
    )
    ConvertAliasPageAction(english).execute(skip_permission_checks=True)
    english.title = "Contact"
    english.save_revision().publish()

    response = client.get("/en/")

    menu = [
        (page.url, page.title, page.content_language) for page in response.context["menu_pages"]()
    ]
    assert menu == [
        ("/en/ueber-uns/", "Über das Netzwerk", "de"),
        ("/en/kontakt/", "Contact", "en"),
    ]
    html = response.content.decode()
    assert '<a href="/en/ueber-uns/" lang="de">Über das Netzwerk</a>' in html
    assert '<a href="/en/kontakt/">Contact</a>' in html


def test_every_page_links_the_statement_easy_read_and_privacy_notice(client, demo_pages):
    for path, prefix in [("/", ""), ("/directory/", ""), ("/en/events/", "/en"), ("/ar/", "/ar")]:
        links = footer_links(client.get(path).content.decode())

        assert links == [
            f"{prefix}/leichte-sprache/",
            f"{prefix}/barrierefreiheit/",
            f"{prefix}/datenschutz/",
            f"{prefix}/impressum/",
        ], path


def test_the_footer_stays_empty_without_those_pages(client, db):
    assert footer_links(client.get("/").content.decode()) == []


def test_the_accessibility_statement_covers_what_bitv_asks_for(client, demo_pages):
    main = main_html(client.get("/barrierefreiheit/").content.decode())

    for heading in (
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung",
        "Barrieren melden: Feedback und Kontakt",
        "Durchsetzungsverfahren",
    ):
        assert f"<h2>{heading}</h2>" in main
    assert "mailto:barrierefreiheit@" in main
    assert "Ombudsstelle" in main


def test_the_easy_read_page_is_german_and_says_where_when_and_what_to_bring(client, demo_pages):
    html = client.get("/leichte-sprache/").content.decode()
    main = main_html(html)

    assert '<html lang="de"' in html
    for heading in ("Wo ist die Migrations-Agentur?", "Wann können Sie kommen?", "Was bringen"):
        assert heading in main
    assert "Sie brauchen keinen Termin." in main
    assert "page-language-note" not in main


def test_the_command_brings_an_installation_into_every_language(db):
    out = StringIO()

    call_command("synchronise_page_tree", stdout=out)

    assert out.getvalue().strip() == f"Created {len(OTHER_LANGUAGES)} page copies."
    assert HomePage.objects.filter(depth=2).count() == len(settings.LANGUAGES)
