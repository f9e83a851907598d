"""Crisis situations in the Wagtail admin: agency staff look, the intake zone keeps them.

The intake zone's staff and administrators create situations and keep the texts, steps and
temporary offers here (crisis.permissions says why only they); other units' staff may look.
Switching a situation on or off is not a field of this form but the explicit action on
/crisis/<slug>/switch/, which the listing links to.
Nothing is deleted in the admin: the situations and their switching history are kept.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from crisis.forms import SituationAdminForm
from crisis.models import Situation
from crisis.permissions import can_switch_situations
from network.permissions import is_agency_staff

KEEPING = frozenset({"add", "change"})


class SituationPolicy(BasePermissionPolicy):
    """View for agency staff; add and change for those who switch (never delete: history)."""

    def user_has_permission(self, user, action: str) -> bool:
        if action in KEEPING:
            return can_switch_situations(user)
        return action == "view" and is_agency_staff(user)

    def users_with_any_permission(self, actions) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if "view" in actions:
            return (
                users.filter(is_superuser=True) | users.filter(agency_units__isnull=False)
            ).distinct()
        if KEEPING.intersection(actions):
            return (
                users.filter(is_superuser=True) | users.filter(agency_units__is_intake=True)
            ).distinct()
        return users.none()


register_permission_policy(Situation, SituationPolicy(Situation))


class SituationViewSet(SnippetViewSet):
    model = Situation
    icon = "warning"
    menu_label = _("Krisenmodus")
    add_to_admin_menu = True
    menu_order = 240
    list_display = ["title", "is_active", "activated_at", "deactivated_at"]
    list_filter = ["is_active"]
    search_fields = ["title", "banner_text"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("banner_text"),
                    FieldPanel("banner_languages"),
                    FieldPanel("intro"),
                ],
                _("Banner und Seite"),
            ),
            MultiFieldPanel(
                [FieldPanel("concern_category"), FieldPanel("routed_unit")],
                _("Anliegen im Formular"),
            ),
            InlinePanel(
                "steps",
                label=_("Die wichtigsten Schritte"),
                panels=[FieldPanel("title"), FieldPanel("text")],
            ),
            InlinePanel(
                "temporary_offers",
                label=_("Vorübergehende Angebote"),
                panels=[
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldPanel("where"),
                    FieldPanel("provider"),
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldPanel("hours"),
                ],
            ),
        ],
        base_form_class=SituationAdminForm,
    )


register_snippet(SituationViewSet)


@hooks.register("register_snippet_listing_buttons")
def switch_button(snippet: object, user: object, next_url: str | None = None):
    if isinstance(snippet, Situation) and can_switch_situations(user):
        yield ListingButton(
            _("Ausschalten …") if snippet.is_active else _("Einschalten …"),
            reverse("crisis:switch", kwargs={"slug": snippet.slug}),
            icon_name="warning",
            priority=5,
        )
