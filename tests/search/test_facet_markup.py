# ruff: noqa: E501  (the reference fragment keeps the template's lines as they were)
"""The facet checkboxes drawn in Python (search/facet_markup.py) read character for character
as the template fragment of templates/listing.html that drew them before, for every shape a
list page gives them: selected values, values without results, translated labels in another
language, escaped text, counts of one and of thousands, and every interface language."""

from __future__ import annotations

import pytest
from django.template import Context, Engine
from django.utils import translation

from portal.translations import TranslatedText
from search.facet_markup import facet_boxes
from search.listing import FacetGroup, FacetValue

# templates/listing.html's facet loops as they were, the reference the Python must match.
FRAGMENT = """{% load i18n translation_tags %}{% for name, label, values in facet_groups %}
          <details class="facet"{% if name == open_facet or name in selected_facets %} open{% endif %}>
            <summary>{{ label }}</summary>
            <fieldset>
              <legend class="visually-hidden">{{ label }}</legend>
              {% for value in values %}
                {% if value.count or value.selected %}
                  <div class="facet__value">
                    <input type="checkbox" name="{{ name }}" value="{{ value.value }}" id="f-{{ name }}-{{ value.value }}"{% if value.selected %} checked{% endif %}>
                    <label for="f-{{ name }}-{{ value.value }}">{{ value.label|with_lang }} <span class="count" aria-label="{% blocktranslate count counter=value.count %}{{ counter }} Treffer{% plural %}{{ counter }} Treffer{% endblocktranslate %}">{{ value.count }}</span></label>
                  </div>
                {% endif %}
              {% endfor %}
            </fieldset>
          </details>
        {% endfor %}
        {% for legend, boxes in yes_no_groups %}
          <fieldset class="facet facet--yes-no">
            <legend>{{ legend }}</legend>
            {% for box in boxes %}{% for value in box.values %}
              <div class="facet__value">
                <input type="checkbox" name="{{ box.name }}" value="{{ value.value }}" id="f-{{ box.name }}"{% if value.selected %} checked{% endif %}>
                <label for="f-{{ box.name }}">{{ box.label }} <span class="count" aria-label="{% blocktranslate count counter=value.count %}{{ counter }} Treffer{% plural %}{{ counter }} Treffer{% endblocktranslate %}">{{ value.count }}</span></label>
              </div>
            {% endfor %}{% endfor %}
          </fieldset>
        {% endfor %}"""

VALUES = [
    FacetValue("deutschkurs", "Deutschkurs", 12, False),
    FacetValue("a&b", 'Beratung <für> "alle" & jeden', 1, True),
    FacetValue("leer", "Ohne Treffer", 0, False),
    FacetValue("gewaehlt-leer", "Gewählt, ohne Treffer", 0, True),
    FacetValue("viele", "Viele", 12345, False),
    FacetValue("ar", TranslatedText("استشارة", "ar", False), 3, False),
    FacetValue("de", TranslatedText("Sprachcafé", "de", True), 2, False),
]
BOXES = [
    FacetGroup("open_now", "jetzt geöffnet", [FacetValue("1", "jetzt geöffnet", 4, True)]),
    FacetGroup("walk_in", "ohne Termin", [FacetValue("1", "ohne Termin", 0, False)]),
]
SHAPES = {
    "everything": {
        "facet_groups": [("topic", "Thema", VALUES), ("language", "Sprache <&>", VALUES[2:])],
        "yes_no_groups": [("Sprechzeiten", BOXES), ("Angebote", BOXES[1:])],
        "open_facet": "topic",
        "selected_facets": ["language"],
    },
    "no facets": {"facet_groups": [], "yes_no_groups": []},
    "lists only": {"facet_groups": [("kind", "Art", VALUES[:1])], "yes_no_groups": []},
    "boxes only": {"facet_groups": [], "yes_no_groups": [("Sprechzeiten", BOXES)]},
    "group without values": {"facet_groups": [("topic", "Thema", [])], "yes_no_groups": []},
}


@pytest.mark.parametrize("language", ["de", "en", "ar", "uk"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_it_draws_the_facets_as_the_template_did(shape, language):
    context = SHAPES[shape]
    with translation.override(language):
        expected = Engine.get_default().from_string(FRAGMENT).render(Context(context))
        drawn = facet_boxes(
            context["facet_groups"],
            context["yes_no_groups"],
            context.get("open_facet", ""),
            context.get("selected_facets", ()),
        )
    assert drawn == expected


def test_it_draws_the_tag_the_list_template_uses():
    context = SHAPES["everything"]
    tag = Engine.get_default().from_string("{% load listing_tags %}{% facet_boxes %}")
    reference = Engine.get_default().from_string(FRAGMENT)
    assert tag.render(Context(context)) == reference.render(Context(context))
