"""The site's own content in the shared page cache (portal/pagecache.py): Wagtail's pages (the
menu and footer are on every page), the footer's site settings, and translations, which change
whatever the translated object is shown as."""

from __future__ import annotations

from django.db import models

from portal import pagecache


def _kinds_of_translation(translation: models.Model) -> set[str]:
    return pagecache.kinds_of_model(translation.content_type.model_class(), translation)


def register() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site

    from portal.models import ContentTranslation, SiteSettings

    pagecache.register_everywhere(pagecache.PAGES, pagecache.SITE, pagecache.CRISIS)
    for model in (Page, Site, get_image_model(), get_document_model()):
        pagecache.register_model(model, pagecache.PAGES)
    pagecache.register_model(SiteSettings, pagecache.SITE)
    pagecache.register_model(ContentTranslation, kinds_of=_kinds_of_translation)
    for view in ("wagtail_serve", "page:portal.homepage", "page:portal.contentpage"):
        pagecache.register_view(view, pagecache.PAGES)
    pagecache.register_view("javascript-catalog", alone=True)
