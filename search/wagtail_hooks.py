"""Agency staff and administrators keep the synonym list in the Wagtail admin."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from network.permissions import AgencyStaffPolicy
from search.models import Synonym

register_permission_policy(
    Synonym, AgencyStaffPolicy(Synonym, actions=frozenset({"add", "change", "delete", "view"}))
)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonyme")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["terms"]
    search_fields = ["terms"]
    copy_view_enabled = False
    panels = [FieldPanel("terms")]


register_snippet(SynonymViewSet)
