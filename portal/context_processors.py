from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from portal import pagecache
from portal.localisation import with_content_languages
from portal.site_cache import remembered

# Pages every visitor must be able to reach from every page (privacy notice, imprint, the
# accessibility statement BITV 2.0 asks for, and the page in Leichte Sprache), found by the slug
# of the German page. The link texts are interface strings so that they read in the visitor's
# language even where the page itself is only in German.
FOOTER_PAGES: tuple[tuple[str, Promise], ...] = (
    ("leichte-sprache", _("Leichte Sprache")),
    ("barrierefreiheit", _("Barrierefreiheit")),
    ("datenschutz", _("Datenschutz")),
    ("impressum", _("Impressum")),
)


# What the apps add to every page's context, by name (the network: whether the visitor works in
# the agency), each computed only when a template asks.
_providers: dict[str, Callable[[HttpRequest], object]] = {}


def register_context(name: str, provider: Callable[[HttpRequest], object]) -> None:
    """Called from an app's AppConfig.ready()."""
    _providers[name] = provider


@dataclass(frozen=True)
class FooterLink:
    label: Promise
    url: str
    page_id: int


def _footer_links(request: HttpRequest, site: Site | None) -> list[FooterLink]:
    if site is None:
        return []
    german = Page.objects.child_of(site.root_page).live().public()
    by_slug = dict(
        german.filter(slug__in=[slug for slug, _label in FOOTER_PAGES]).values_list(
            "slug", "translation_key"
        )
    )
    copies = Page.objects.filter(
        translation_key__in=by_slug.values(), locale=Locale.get_active(), live=True
    )
    localized = {copy.translation_key: copy for copy in copies}
    links = []
    for slug, label in FOOTER_PAGES:
        page = localized.get(by_slug.get(slug))
        if page is None and slug in by_slug:
            page = german.get(slug=slug)
        if page is not None and (url := page.get_url(request)):
            links.append(FooterLink(label=label, url=url, page_id=page.pk))
    return links


def _menu_pages(site: Site) -> list[Page]:
    root = site.root_page.localized
    pages = list(root.get_children().live().public().in_menu().specific())
    return list(with_content_languages(pages))


def navigation(request: HttpRequest) -> dict[str, object]:
    """Menu pages below the site root (in the visitor's locale where a translation exists, each
    with the language its text is in), the footer's links, and what the apps registered; all
    are evaluated only when a template asks. Menu and footer are the same on every page of a
    site and language: each process keeps them until a page changes (portal.site_cache)."""

    def per_site(name: str, compute: Callable[[Site], list]) -> list:
        site = Site.find_for_request(request)
        if site is None:
            return []
        key = (site.pk, get_language())
        return remembered(request, name, key, [pagecache.PAGES], partial(compute, site))

    def menu() -> list[Page]:
        return per_site("menu", _menu_pages)

    def footer_links() -> list[FooterLink]:
        return per_site("footer", partial(_footer_links, request))

    return {
        "menu_pages": menu,
        "footer_links": footer_links,
        **{name: partial(provider, request) for name, provider in _providers.items()},
    }
