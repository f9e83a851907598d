"""How a Wagtail page reads to the search index, and the page events that keep it in step.

Pages are Wagtail's (the site's page types live in portal/models.py and network/pages.py); this
module reads only their common fields, so the search app registers them as its own kind.

This is the one index of pages: /search/ reads it for the public, and the admin's page search
reads it through search.wagtail_backend, which writes nothing of pages into Wagtail's index.
Only live pages of the German tree without a view restriction (password, sign-in, groups) are
public; the others (drafts, restricted pages, the other languages' copies) are indexed as not
public, so that the admin finds them and nobody outside does. Every save of a page row (creating,
publishing, unpublishing; a draft of a live page leaves the row's text alone), every move and
every deletion re-index the page.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_unpublished, post_page_move

from portal.html import html_to_text
from search import registry
from search.addresses import default_language_url
from search.backends import SearchDocument

PAGE_KIND = "page"


def indexable_pages() -> QuerySet[Page]:
    """Every page below the root, in every locale (the admin searches them all)."""
    return Page.objects.filter(depth__gt=1).select_related("locale").specific()


def page_document(page: Page) -> SearchDocument:
    parts = [page.search_description, getattr(page, "intro", "")]
    parts += [html_to_text(getattr(page, name, "") or "") for name in ("body", "agency_text")]
    # The public finds the German page, whose address is made in the visitor's language when
    # the results are shown; the other locales' copies would show each page twice.
    german = page.locale.language_code == settings.LANGUAGE_CODE
    public = german and page.live and not page.get_view_restrictions().exists()
    return SearchDocument(
        kind=PAGE_KIND,
        object_id=str(page.pk),
        title=page.seo_title or page.title,
        body="\n".join(part for part in parts if part),
        public=public,
        url=default_language_url(lambda: page.get_url() or "") if page.live else "",
    )


def _page_changed(sender: type, instance: object, **kwargs: object) -> None:
    if isinstance(instance, Page):
        registry.update(PAGE_KIND, instance.pk)


def _page_moved(sender: type, instance: Page, **kwargs: object) -> None:
    """A moved page changes its own address and those of the pages below it."""
    with registry.deferred():
        for pk in instance.get_descendants(inclusive=True).values_list("pk", flat=True):
            registry.update(PAGE_KIND, pk)


def _deleted(sender: type, instance: Page, **kwargs: object) -> None:
    """Sent for the base row, which goes last: the page is gone by then."""
    registry.update(PAGE_KIND, instance.pk)


def connect() -> None:
    post_save.connect(_page_changed, dispatch_uid="search_page_saved")
    page_unpublished.connect(_page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="search_page_moved")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="search_page_deleted")
