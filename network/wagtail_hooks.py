"""The network's data and vocabularies in the Wagtail admin.

Agency staff keep the vocabularies (topics, target groups, languages, municipalities). Actors and
agency units stay with administrators: editing an actor here would bypass the profile review, and
a unit's staff list decides who sees personal data of referrals.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, Panel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network import account_settings  # noqa: F401 - the account page's panels (hooks)
from network.fields import ACTOR, ADMIN, CONTACT, LOCATION, OFFER, SOCIAL_LINK, Editable
from network.models import Actor, AgencyUnit, Language, Municipality, TargetGroup, Topic
from network.permissions import AgencyStaffPolicy

for vocabulary in (Topic, TargetGroup, Language, Municipality):
    register_permission_policy(
        vocabulary, AgencyStaffPolicy(vocabulary, actions=frozenset({"add", "change", "view"}))
    )


def field_panels(items: Iterable[Editable]) -> list[Panel]:
    """Panels in declaration order; consecutive fields of one row share a FieldRowPanel."""
    panels: list[Panel] = []
    row: list[FieldPanel] = []
    row_name = ""
    for item in [*items, None]:
        if row and (item is None or item.row != row_name):
            panels.append(FieldRowPanel(row) if len(row) > 1 else row[0])
            row = []
        if item is None:
            break
        if item.row:
            row_name = item.row
            row.append(FieldPanel(item.name))
        else:
            panels.append(FieldPanel(item.name))
    return panels


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    menu_label = _("Akteure")
    list_display = ["name", "kind", "live", "is_trusted", "last_confirmed_at"]
    list_filter = ["kind", "live", "is_trusted", "topics", "languages"]
    search_fields = ["name", "short_description"]
    ordering = ["name"]
    panels = [
        *[
            MultiFieldPanel(field_panels(items), section)
            for section, items in ACTOR.sections(ADMIN)
            if section
        ],
        InlinePanel("offers", label=_("Angebote"), panels=field_panels(OFFER.items(ADMIN))),
        InlinePanel("locations", label=_("Standorte"), panels=field_panels(LOCATION.items(ADMIN))),
        InlinePanel(
            "contacts", label=_("Ansprechpersonen"), panels=field_panels(CONTACT.items(ADMIN))
        ),
        InlinePanel(
            "social_links",
            label=_("Social-Media-Links"),
            panels=field_panels(SOCIAL_LINK.items(ADMIN)),
        ),
        *field_panels(item for item in ACTOR.items(ADMIN) if not item.section),
    ]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "native_name", "code", "is_rtl"]
    search_fields = ["name", "native_name", "code"]


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "kind", "association"]
    list_filter = ["kind", "association"]
    search_fields = ["name", "towns"]


class AgencyUnitViewSet(SnippetViewSet):
    model = AgencyUnit
    icon = "home"
    list_display = ["name", "email", "is_intake"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("email"),
        FieldPanel("is_intake"),
        FieldPanel("actor"),
        FieldPanel("staff"),
    ]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Netzwerk")
    menu_icon = "group"
    menu_order = 200
    items = (
        ActorViewSet,
        AgencyUnitViewSet,
        TopicViewSet,
        TargetGroupViewSet,
        LanguageViewSet,
        MunicipalityViewSet,
    )


register_snippet(NetworkViewSetGroup)
