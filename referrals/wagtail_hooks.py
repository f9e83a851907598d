"""Administrators keep the concerns, the wayfinder's answers and the routing rules in the admin.

One menu, "Anliegen und Wegweiser": the concern categories (with their pictogram, network topics
and default unit), the "for whom" answers and the rules that route particular answers elsewhere.
The referral form and the wayfinder read the same rows, so they cannot disagree.

Referrals themselves are not in the admin: their personal data is only seen through the inbox,
where every view is logged.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from referrals.models import ConcernCategory, WayfinderAudience, WayfinderRule


class ConcernCategoryViewSet(SnippetViewSet):
    model = ConcernCategory
    icon = "list-ul"
    menu_label = _("Anliegen")
    list_display = ["name", "default_unit", "pictogram", "ordering", "is_active"]
    list_filter = ["default_unit", "is_active"]
    search_fields = ["name", "description"]
    ordering = ["ordering", "name"]
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("pictogram"),
        FieldPanel("default_unit"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("ordering"),
        FieldPanel("is_active"),
    ]


class WayfinderAudienceViewSet(SnippetViewSet):
    model = WayfinderAudience
    icon = "group"
    menu_label = _("Wegweiser: für wen")
    list_display = ["label", "ordering", "is_active"]
    ordering = ["ordering", "label"]
    copy_view_enabled = False
    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("pictogram"),
        FieldPanel("ordering"),
        FieldPanel("is_active"),
    ]


class WayfinderRuleViewSet(SnippetViewSet):
    model = WayfinderRule
    icon = "redirect"
    menu_label = _("Wegweiser-Regeln")
    list_display = ["__str__", "unit", "is_active"]
    list_filter = ["category", "unit", "is_active"]
    copy_view_enabled = False
    panels = [
        FieldPanel("category"),
        FieldPanel("audience"),
        FieldPanel("contact_unit"),
        FieldPanel("unit"),
        FieldPanel("is_active"),
    ]


class ConcernsGroup(SnippetViewSetGroup):
    items = (ConcernCategoryViewSet, WayfinderAudienceViewSet, WayfinderRuleViewSet)
    menu_icon = "list-ul"
    menu_label = _("Anliegen und Wegweiser")
    menu_name = "concerns"
    menu_order = 230


register_snippet(ConcernsGroup)
