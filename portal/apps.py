from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project and its Wagtail site. The kernel modules beside them (sanitiser, mail, rate
    limits, translations, transactions, security, cache, languages) know no app: the apps
    register with them in their own AppConfig.ready()."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        # Uploaded images move to the public media when their owner is published (portal/images).
        from portal import collation, images

        images.connect()
        # Names sorted in the visitor's alphabet also on SQLite (portal/collation).
        collation.connect()

        # Pages, site settings and translations in the shared page cache (portal/pagecache).
        from portal import site_cache

        site_cache.register()
