"""The needs board's filters, shared by the HTML page and the JSON API."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from needs.models import Commitment, Need
from network.models import Language, Municipality, Topic
from search.listing import ChoiceFacet, Facet, TermFacet, YesNoFacet, YesNoFilter, term_filter


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "-created"
    START = "start"
    CHOICES = [
        (RELEVANCE, _("Relevanz")),
        (NEWEST, _("neueste zuerst")),
        (START, _("frühester Beginn")),
    ]
    ORDERING = {
        NEWEST: ["-created_at", "-pk"],
        START: ["start_date", "-created_at", "-pk"],
    }


class NeedFilter(django_filters.FilterSet):
    """Multi-value filters: values of one filter widen the result (or), filters narrow it (and)."""

    q = django_filters.CharFilter(label=_("Suche"), method="keep", max_length=200)
    topic = term_filter(_("Thema"), "topics", Topic)
    language = term_filter(_("Sprache"), "languages", Language, key="code")
    municipality = term_filter(_("Gemeinde"), "municipality", Municipality, distinct=False)
    commitment = django_filters.MultipleChoiceFilter(
        label=_("Einsatz"), choices=Commitment.choices, widget=forms.CheckboxSelectMultiple
    )
    online = YesNoFilter(label=_("auch online möglich"), field_name="is_online")
    sort = django_filters.ChoiceFilter(
        label=_("Sortierung"), choices=Sort.CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Need
        fields: list[str] = []

    # The one list of the board's filters: the page's boxes and chips and the counts follow it.
    FACETS: tuple[Facet, ...] = (
        TermFacet("topic", Topic, "needs"),
        TermFacet("language", Language, "needs", key="code"),
        TermFacet("municipality", Municipality, "needs"),
        ChoiceFacet("commitment", "commitment", Commitment.choices),
        YesNoFacet("online", _("Ort")),
    )
    FILTERS = tuple(facet.name for facet in FACETS)

    def keep(self, queryset, name, value):
        """Search and order are applied by search.listing, not as filters."""
        return queryset
