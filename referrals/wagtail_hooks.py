"""Administrators keep the concern categories and their routing rules in the Wagtail admin.

Referrals themselves are not in the admin: their personal data is only seen through the inbox,
where every view is logged.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from referrals.models import ConcernCategory


class ConcernCategoryViewSet(SnippetViewSet):
    model = ConcernCategory
    icon = "list-ul"
    menu_label = _("Anliegen")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["name", "default_unit", "ordering", "is_active"]
    list_filter = ["default_unit", "is_active"]
    search_fields = ["name", "description"]
    ordering = ["ordering", "name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("default_unit"),
        FieldPanel("ordering"),
        FieldPanel("is_active"),
    ]


register_snippet(ConcernCategoryViewSet)
