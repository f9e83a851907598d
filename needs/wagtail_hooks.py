"""Agency staff see and correct needs in the Wagtail admin; helpers' replies are read-only there.

The replies (names, e-mails, phones, messages) are shown only to those needs.permissions lets
read them: the need's actor's members, the intake zone and administrators. The listing is
filtered and every view of a single reply answers 404 for any other, as the member pages do.
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from needs.models import HelpOffer, Need
from needs.permissions import readable_help_offers
from network.permissions import AgencyStaffPolicy

register_permission_policy(
    Need, AgencyStaffPolicy(Need, actions=frozenset({"add", "change", "delete", "view"}))
)
register_permission_policy(HelpOffer, AgencyStaffPolicy(HelpOffer, actions=frozenset({"view"})))


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "help"
    menu_label = _("Bedarfe")
    list_display = ["title", "actor", "status", "end_date", "created_at"]
    list_filter = ["status", "commitment", "topics", "municipality"]
    search_fields = ["title", "skills"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("actor"),
                FieldPanel("title"),
                FieldPanel("description"),
                FieldPanel("skills"),
                FieldPanel("status"),
            ],
            _("Bedarf"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("is_online")]),
            ],
            _("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("commitment"), FieldPanel("hours")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("helpers_wanted"),
                FieldPanel("contact_person"),
            ],
            _("Einsatz"),
        ),
    ]


class ReadableOfferOnly:
    """A single reply's admin view, for those who may read that reply (404 for other staff).

    People the policy does not admit at all are left to its refusal, as on every admin page.
    """

    def get_object(self, *args, **kwargs):
        offer = super().get_object(*args, **kwargs)
        user = self.request.user
        admitted = self.permission_policy.user_has_permission(user, "view")
        if admitted and not readable_help_offers(user).filter(pk=offer.pk).exists():
            raise Http404("No such offer of help.")
        return offer


class HelpOfferViewSet(SnippetViewSet):
    model = HelpOffer
    icon = "mail"
    menu_label = _("Hilfsangebote")
    list_display = ["name", "need", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "need__title"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "need",
        "name",
        "email",
        "phone",
        "message",
        "languages",
        "status",
        "created_at",
    ]
    inspect_view_class = type("HelpOfferInspectView", (ReadableOfferOnly, InspectView), {})
    history_view_class = type("HelpOfferHistoryView", (ReadableOfferOnly, HistoryView), {})
    usage_view_class = type("HelpOfferUsageView", (ReadableOfferOnly, UsageView), {})
    edit_view_class = type("HelpOfferEditView", (ReadableOfferOnly, EditView), {})
    delete_view_class = type("HelpOfferDeleteView", (ReadableOfferOnly, DeleteView), {})

    def get_queryset(self, request):
        return readable_help_offers(request.user)


class NeedsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Bedarfe")
    menu_icon = "help"
    menu_order = 210
    items = (NeedViewSet, HelpOfferViewSet)


register_snippet(NeedsViewSetGroup)
