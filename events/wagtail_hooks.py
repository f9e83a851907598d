"""Agency staff see and correct events in the Wagtail admin, with drafts and revisions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Event
from events.review import bump_sequence_if_republished
from network import audit
from network.permissions import AgencyStaffPolicy

register_permission_policy(
    Event,
    AgencyStaffPolicy(Event, actions=frozenset({"add", "change", "delete", "view", "publish"})),
)


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Veranstaltungen")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "actor", "start_date", "frequency", "status", "live"]
    list_filter = ["status", "frequency", "live", "topics", "municipality"]
    search_fields = ["title"]
    ordering = ["-start_date"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("actor"),
                FieldPanel("co_organisers"),
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("description"),
                FieldPanel("image"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]),
            ],
            _("Veranstaltung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("frequency"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                InlinePanel("exceptions", label=_("Ausnahmen")),
            ],
            _("Termin und Wiederholung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_kind"),
                FieldPanel("location"),
                FieldPanel("venue"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("municipality"),
                FieldPanel("online_url"),
            ],
            _("Ort"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("target_groups"), FieldPanel("languages")],
            _("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost_note")]),
                FieldPanel("registration"),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_email")]),
                FieldPanel("capacity"),
            ],
            _("Kosten und Anmeldung"),
        ),
    ]


register_snippet(EventViewSet)


@hooks.register("after_edit_snippet")
def tell_calendars_about_published_edits(request, instance) -> None:
    """Staff publishing a change in the admin bump SEQUENCE like an approved member change."""
    if not isinstance(instance, Event):
        return
    instance.refresh_from_db()
    if instance.live and not instance.has_unpublished_changes:
        bump_sequence_if_republished(instance)
        audit.record(
            "event.published",
            user=request.user,
            actor=instance.actor,
            obj=instance,
            sequence=instance.sequence,
            via="admin",
        )
