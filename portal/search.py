"""How a Wagtail page reads to the search index, and the page events that keep it in step.

Only live pages without a view restriction (password, sign-in, groups) are public; the others
are indexed as not public so that nobody outside finds them. Publishing, unpublishing, moving
and deleting re-index the page; Wagtail sends its own signals for those, saves of drafts do not
change what is published and are left alone.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.html import html_to_text
from search import registry
from search.addresses import default_language_url
from search.backends import SearchDocument

PAGE_KIND = "page"


def indexable_pages() -> QuerySet[Page]:
    """The German tree below the root: the other locales' copies would show each page twice.

    The address is made in the visitor's language when the results are shown.
    """
    return Page.objects.filter(depth__gt=1, locale__language_code=settings.LANGUAGE_CODE).specific()


def page_document(page: Page) -> SearchDocument:
    parts = [page.search_description, getattr(page, "intro", "")]
    parts += [html_to_text(getattr(page, name, "") or "") for name in ("body", "agency_text")]
    public = page.live and not page.get_view_restrictions().exists()
    return SearchDocument(
        kind=PAGE_KIND,
        object_id=str(page.pk),
        title=page.seo_title or page.title,
        body="\n".join(part for part in parts if part),
        public=public,
        url=default_language_url(lambda: page.get_url() or "") if page.live else "",
    )


def _page_changed(sender: type, instance: Page, **kwargs: object) -> None:
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
    page_published.connect(_page_changed, dispatch_uid="portal_page_published")
    page_unpublished.connect(_page_changed, dispatch_uid="portal_page_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="portal_page_moved")
    post_delete.connect(_deleted, sender=Page, dispatch_uid="portal_page_deleted")
