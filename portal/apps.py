from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project and its Wagtail site. The kernel modules beside them (sanitiser, mail, rate
    limits, translations, security, cache, languages) know no app: the apps register with them
    in their own AppConfig.ready(), as the site's pages register with the search here."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from portal import images, search
        from search import registry

        registry.register(
            search.PAGE_KIND,
            queryset=search.indexable_pages,
            document=search.page_document,
            label=_("Seite"),
        )
        search.connect()
        images.connect()
