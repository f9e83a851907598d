from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The event calendar: events of the actors, recurrence, iCal feeds."""

    name = "events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        from events import signals
        from events.fields import EVENT
        from events.models import Event
        from events.review import EVENT_REVIEW
        from events.search import EVENT_KIND, event_document, indexable_events
        from network.audit import register_actions
        from network.profiles import register_reviewable
        from portal.translations import register_translatable
        from search import registry

        registry.register(
            EVENT_KIND,
            queryset=indexable_events,
            document=event_document,
            label=_("Veranstaltung"),
        )
        register_reviewable(Event, EVENT_REVIEW)
        register_translatable(
            Event,
            EVENT.translated(),
            html=EVENT.translated_html(),
            public=Event.objects.published,
        )
        register_actions(
            {
                "event.created": _("Veranstaltung angelegt"),
                "event.submitted": _("Veranstaltung zur Freigabe eingereicht"),
                "event.approved": _("Veranstaltung freigegeben"),
                "event.returned": _("Veranstaltung zurückgegeben"),
                "event.published": _("Veranstaltung veröffentlicht"),
                "event.withdrawn": _("Veranstaltung zurückgezogen"),
            }
        )
        signals.connect()

        # Its pages in the shared page cache (portal/pagecache).
        from events import page_cache

        page_cache.register()
