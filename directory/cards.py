"""What a directory card answers at a glance: the actor, where, open now, without appointment,
which languages. Three queries for a page of actors, whatever its size: the actors with only the
fields a card shows, their languages, and their locations, each with its place and whether it is
open now and has walk-in hours (network.open_now, the same conditions as the list's filters); the
directory page hands over the sets its counts used (directory.flags, kept per process) instead.
The next event is the events app's (`{% with_next_events %}` in the template). Municipalities
are named in the visitor's language (network.municipalities): one more query outside German.

The page reads plain values rather than each actor's related managers: a prefetch per relation
cost about a millisecond of the ORM's work each, more than the rows themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper
from django.utils.html import format_html
from django.utils.safestring import SafeString

from directory.distance import Origin, kilometres, nearest_location
from directory.flags import Flags
from network.models import Actor, Location
from network.municipalities import municipality_names
from network.open_now import open_locations, walk_in_locations
from portal.localisation import german_name
from portal.templatetags.translation_tags import with_lang
from portal.translations import TranslatedText

CARD_FIELDS = ("name", "slug", "kind", "short_description", "logo", "works_online")


@dataclass
class Card:
    actor: Actor
    # a municipality's name (TranslatedText), or "town (municipality)" as marked-up HTML
    places: list[str] = field(default_factory=list)
    open_now: bool = False
    walk_in: bool = False
    # (code, name in its own script) in the order of the languages' German names
    languages: list[tuple[str, str]] = field(default_factory=list)
    # from the origin of a list sorted by distance, to the nearest place with coordinates
    km: float | None = None


def _place(town: str, german: str, name: TranslatedText) -> str:
    """ "Leißling (Weißenfels)" where the town is a part of a municipality of another name; the
    municipality in the visitor's language ("Leißling (Вайсенфельс)"), the town, a part of it
    with no name of its own in other languages, in German and marked so. Where the municipality
    keeps its German name, both stay one German phrase, isolated as one on right-to-left pages
    so that its brackets stay where German puts them."""
    town = town.strip()
    if not town or town.casefold() == german.casefold():
        return name
    if str(name) == german:
        return f"{town} ({german})"
    return format_html("{} ({})", german_name(town), with_lang(name))


def place_html(place: str) -> SafeString:
    """A card's place as HTML: marked up already, or a name marked in its language."""
    if isinstance(place, SafeString):
        return place
    if isinstance(place, TranslatedText):
        return with_lang(place)
    return german_name(place)


def cards_for(
    actor_ids: list[int],
    moment: dt.datetime,
    *,
    distance_from: Origin | None = None,
    flagged: Flags | None = None,
) -> list[Card]:
    """The cards of a page of actors, in the order of the ids; with `distance_from`, each with
    its distance (the same subquery the list was sorted by, for the page's actors only).
    `flagged`: the open-now and walk-in sets the list's counts used, if read already."""
    actors = Actor.objects.filter(pk__in=actor_ids).only(*CARD_FIELDS)
    if distance_from is not None:
        actors = actors.annotate(squared=nearest_location(distance_from))
    found = {actor.pk: actor for actor in actors}
    cards = {
        pk: Card(found[pk], km=kilometres(getattr(found[pk], "squared", None)))
        for pk in actor_ids
        if pk in found
    }
    spoken = (
        Actor.languages.through.objects.filter(actor_id__in=list(cards))
        .order_by("actor_id", "language__name", "language_id")
        .values_list("actor_id", "language__code", "language__native_name")
    )
    for actor_id, code, native_name in spoken:
        cards[actor_id].languages.append((code, native_name))
    rows = Location.objects.filter(actor_id__in=list(cards)).order_by(
        "actor_id", "sort_order", "pk"
    )
    if flagged is None:
        # Asked alone: whether each place is open now and has walk-in hours, in the same query.
        rows = rows.annotate(
            is_open=ExpressionWrapper(open_locations(moment), output_field=BooleanField()),
            has_walk_in=ExpressionWrapper(walk_in_locations(), output_field=BooleanField()),
        ).values_list(
            "actor_id", "town", "municipality_id", "municipality__name", "is_open", "has_walk_in"
        )
    else:
        rows = rows.values_list("actor_id", "town", "municipality_id", "municipality__name")
    names = municipality_names()
    for actor_id, town, municipality_id, municipality, *flags_of_place in rows:
        card = cards[actor_id]
        place = _place(
            town, municipality, names.by_pk.get(municipality_id) or names.german(municipality)
        )
        if place not in card.places:
            card.places.append(place)
        if flags_of_place:
            card.open_now = card.open_now or bool(flags_of_place[0])
            card.walk_in = card.walk_in or bool(flags_of_place[1])
    if flagged is not None:
        for actor_id, card in cards.items():
            card.open_now = actor_id in flagged.open_now
            card.walk_in = actor_id in flagged.walk_in
    return list(cards.values())
