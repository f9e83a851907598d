"""A list page's facet checkboxes drawn in Python, with exactly the markup of the template
they came from.

The directory shows about 120 facet values; drawing each through the template engine (loops,
conditions, a `blocktranslate` per count) cost 6 to 7 ms of a page's rendering. `facet_boxes`
writes the same characters (tests/search/test_facet_markup.py renders the former template
fragment beside it) and escapes every text as `{{ }}` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext

from portal.templatetags.translation_tags import with_lang
from search.listing import FacetGroup, FacetValue


def _text(value: object) -> str:
    """What `{{ value }}` writes: localised, then escaped."""
    return conditional_escape(localize(value))


def _hits(count: int) -> str:
    """The counted label of `{% blocktranslate count counter=… %}{{ counter }} Treffer…`."""
    return _hits_in(get_language(), count)


@lru_cache(maxsize=4096)
def _hits_in(language: str | None, count: int) -> str:
    """Per language and count: the catalogues and number formats do not change in a process."""
    return ngettext("%(counter)s Treffer", "%(counter)s Treffer", count) % {"counter": _text(count)}


def _value_list(name: str, label: str, values: Sequence[FacetValue], is_open: bool) -> str:
    parts = [
        f'\n          <details class="facet"{" open" if is_open else ""}>'
        f"\n            <summary>{_text(label)}</summary>"
        "\n            <fieldset>"
        f'\n              <legend class="visually-hidden">{_text(label)}</legend>'
        "\n              "
    ]
    escaped_name = _text(name)
    for value in values:
        parts.append("\n                ")
        if value.count or value.selected:
            identifier = f"f-{escaped_name}-{_text(value.value)}"
            parts.append(
                '\n                  <div class="facet__value">'
                f'\n                    <input type="checkbox" name="{escaped_name}" '
                f'value="{_text(value.value)}" id="{identifier}"'
                f"{' checked' if value.selected else ''}>"
                f'\n                    <label for="{identifier}">{with_lang(value.label)} '
                f'<span class="count" aria-label="{_hits(value.count)}">{_text(value.count)}'
                "</span></label>"
                "\n                  </div>"
                "\n                "
            )
        parts.append("\n              ")
    parts.append("\n            </fieldset>\n          </details>\n        ")
    return "".join(parts)


def _yes_no_group(legend: str, boxes: Iterable[FacetGroup]) -> str:
    parts = [
        '\n          <fieldset class="facet facet--yes-no">'
        f"\n            <legend>{_text(legend)}</legend>"
        "\n            "
    ]
    for box in boxes:
        identifier = f"f-{_text(box.name)}"
        for value in box.values:
            parts.append(
                '\n              <div class="facet__value">'
                f'\n                <input type="checkbox" name="{_text(box.name)}" '
                f'value="{_text(value.value)}" id="{identifier}"'
                f"{' checked' if value.selected else ''}>"
                f'\n                <label for="{identifier}">{_text(box.label)} '
                f'<span class="count" aria-label="{_hits(value.count)}">{_text(value.count)}'
                "</span></label>"
                "\n              </div>"
                "\n            "
            )
    parts.append("\n          </fieldset>\n        ")
    return "".join(parts)


def facet_boxes(
    facet_groups: Sequence[tuple[str, str, Sequence[FacetValue]]],
    yes_no_groups: Sequence[tuple[str, Sequence[FacetGroup]]],
    open_facet: str = "",
    selected_facets: Sequence[str] = (),
) -> SafeString:
    """The value lists (a `<details>` each, open for `open_facet` and the filters in use)
    and the yes/no boxes by group, as listing.html's facet loops wrote them."""
    drawn = [
        _value_list(name, label, values, name == open_facet or name in selected_facets)
        for name, label, values in facet_groups
    ]
    drawn.append("\n        ")
    drawn += [_yes_no_group(legend, boxes) for legend, boxes in yes_no_groups]
    # Every text above went through conditional_escape (or with_lang, which escapes).
    return mark_safe("".join(drawn))  # noqa: S308  # nosec B308 B703
