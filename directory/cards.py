"""What a directory card answers at a glance besides the name: where, open now, without
appointment. One query for a page of actors, whatever its size: the locations of the page's
actors, each with its place and whether it is open now and has walk-in hours (network.open_now,
the same conditions as the list's filters). Languages and the logo come with the actor; the next
event is the events app's (`{% with_next_events %}` in the template).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper

from network.models import Actor, Location
from network.open_now import open_locations, walk_in_locations


@dataclass
class Card:
    actor: Actor
    places: list[str] = field(default_factory=list)
    open_now: bool = False
    walk_in: bool = False


def _place(town: str, municipality: str) -> str:
    """ "Leißling (Weißenfels)" where the town is a part of a municipality of another name."""
    town = town.strip()
    if not town or town.casefold() == municipality.casefold():
        return municipality
    return f"{town} ({municipality})"


def cards_for(actors: list[Actor], moment: dt.datetime) -> list[Card]:
    cards = {actor.pk: Card(actor) for actor in actors}
    rows = (
        Location.objects.filter(actor_id__in=list(cards))
        .annotate(
            is_open=ExpressionWrapper(open_locations(moment), output_field=BooleanField()),
            has_walk_in=ExpressionWrapper(walk_in_locations(), output_field=BooleanField()),
        )
        .order_by("actor_id", "sort_order", "pk")
        .values_list("actor_id", "town", "municipality__name", "is_open", "has_walk_in")
    )
    for actor_id, town, municipality, is_open, has_walk_in in rows:
        card = cards[actor_id]
        place = _place(town, municipality)
        if place not in card.places:
            card.places.append(place)
        card.open_now = card.open_now or bool(is_open)
        card.walk_in = card.walk_in or bool(has_walk_in)
    return list(cards.values())
