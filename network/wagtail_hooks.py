"""The network's data and vocabularies in the Wagtail admin.

Agency staff keep the vocabularies (topics, target groups, languages, municipalities). Actors and
agency units stay with administrators: editing an actor here would bypass the profile review, and
a unit's staff list decides who sees personal data of referrals.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network.models import Actor, AgencyUnit, Language, Municipality, TargetGroup, Topic
from network.permissions import AgencyStaffPolicy

for vocabulary in (Topic, TargetGroup, Language, Municipality):
    register_permission_policy(
        vocabulary, AgencyStaffPolicy(vocabulary, actions=frozenset({"add", "change", "view"}))
    )


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    menu_label = _("Akteure")
    list_display = ["name", "kind", "live", "is_trusted", "last_confirmed_at"]
    list_filter = ["kind", "live", "is_trusted", "topics", "languages"]
    search_fields = ["name", "short_description"]
    ordering = ["name"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("short_description"),
                FieldPanel("description"),
                FieldPanel("logo"),
            ],
            _("Profil"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("website"),
                FieldPanel("works_online"),
                InlinePanel("social_links", label=_("Social-Media-Links")),
            ],
            _("Erreichbarkeit"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("target_groups"), FieldPanel("languages")],
            _("Einordnung"),
        ),
        InlinePanel(
            "offers",
            label=_("Angebote"),
            panels=[
                FieldPanel("name"),
                FieldPanel("description"),
                FieldPanel("topics"),
                FieldPanel("target_groups"),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost_note")]),
                FieldPanel("eligibility"),
                FieldPanel("how_to_access"),
                FieldRowPanel(
                    [FieldPanel("availability"), FieldPanel("availability_confirmed_on")]
                ),
            ],
        ),
        InlinePanel(
            "locations",
            label=_("Standorte"),
            panels=[
                FieldPanel("name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")]),
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("wheelchair_accessible"),
                FieldPanel("accessibility"),
            ],
        ),
        InlinePanel("contacts", label=_("Ansprechpersonen")),
        FieldPanel("external_id"),
        FieldPanel("is_trusted"),
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
