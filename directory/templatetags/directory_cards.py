"""`{% actor_cards rows %}`: the directory's cards written in Python.

The same markup through the template engine, with its include-free but tag-heavy card, cost
about 0.3 ms a card (twenty per page) in variable lookups, filters and `{% translate %}` nodes;
here each card is a few string joins, with the strings of the page translated once. The parts
that carry a language (names in German, translated descriptions and titles, dates) come from the
same helpers the templates use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils import dateformat, timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from directory.cards import Card, place_html
from directory.distance import distance_text
from portal.localisation import german_name, list_separator
from portal.templatetags.translation_tags import day_and_month, translated_block, translated_inline

register = template.Library()

LINE = "\n                  "


@register.simple_tag
def actor_cards(rows: Iterable[tuple[Card, Any]]) -> SafeString:
    """The `<li>` of each (card, next event or None), as the list's `<ol>` holds them."""
    words = {
        "online": gettext("online"),
        "place": gettext("Ort:"),
        "open": gettext("jetzt geöffnet"),
        "walk_in": gettext("ohne Termin"),
        "languages": gettext("Sprachen:"),
        "event": gettext("Nächste Veranstaltung:"),
        "logo": gettext("Logo von %(name)s"),
        "comma": escape(list_separator()),
    }
    # Every value in a card is escaped where it is written (escape, german_name) or comes safe
    # from the sanitised translations (translated_block, translated_inline).
    cards = "".join(_card(card, event, words) for card, event in rows)
    return mark_safe(cards)  # noqa: S308  # nosec B308 B703


def _card(card: Card, next_event: Any, words: dict[str, str]) -> str:
    actor = card.actor
    logo = bool(actor.logo)
    parts = [
        f'<h3><a href="{escape(actor.get_absolute_url())}">{german_name(actor.name)}</a></h3>',
    ]
    if logo:
        alt = words["logo"] % {"name": escape(actor.name)}
        parts.append(
            f'<img class="actor-card__logo" src="{escape(actor.logo.url)}" alt="{alt}" '
            'width="56" height="56" loading="lazy" decoding="async">'
        )
    else:
        parts.append("")
    online = f" · {words['online']}" if actor.works_online else ""
    parts.append(f'<p class="meta">{escape(actor.get_kind_display())}{online}</p>')
    if card.places:
        places = "".join(
            f'<span class="actor-card__place">{place_html(place)}</span>' for place in card.places
        )
        parts.append(
            f'<p class="actor-card__places"><span class="visually-hidden">{words["place"]} '
            f"</span>{places}</p>"
        )
    else:
        parts.append("")
    if card.km is not None:
        parts.append(f'<p class="actor-card__distance">{escape(distance_text(card.km))}</p>')
    badges = ""
    if card.open_now:
        badges += f'<span class="badge badge--open">{words["open"]}</span>'
    if card.walk_in:
        badges += f'<span class="badge badge--walk-in">{words["walk_in"]}</span>'
    parts.append(f'<p class="badges">{badges}</p>' if badges else "")
    parts.append(translated_block(actor, "short_description", tag="p"))
    if card.languages:
        tags = "".join(
            f'<span class="tag" lang="{escape(code)}">{escape(name)}</span>'
            for code, name in card.languages
        )
        parts.append(
            f'<p class="langs"><span class="visually-hidden">{words["languages"]} </span>{tags}</p>'
        )
    else:
        parts.append("")
    parts.append(_next_event(next_event, words) if next_event else "")
    modifier = " actor-card--logo" if logo else ""
    return (
        f'\n                <li class="actor-card{modifier}">{LINE}'
        + LINE.join(parts)
        + "\n                </li>\n              "
    )


def _next_event(occurrence: Any, words: dict[str, str]) -> str:
    start = occurrence.start
    when = escape(day_and_month(start))
    if not occurrence.is_all_day:
        when += words["comma"] + escape(dateformat.time_format(timezone.localtime(start), "H:i"))
    event = occurrence.event
    return (
        f'<p class="actor-card__event"><span class="actor-card__event-label">{words["event"]}'
        f'</span> <time datetime="{escape(start.isoformat())}">{when}</time> '
        f'<a href="{escape(event.get_absolute_url())}">{translated_inline(event, "title")}</a></p>'
    )
