"""How an actor reads to the search index: its name first, then everything people type."""

from __future__ import annotations

from django.db.models import QuerySet

from network.models import Actor
from portal.html import html_to_text
from search.addresses import default_language_url
from search.backends import SearchDocument

ACTOR_KIND = "actor"


def indexable_actors() -> QuerySet[Actor]:
    return Actor.objects.prefetch_related(
        "topics",
        "target_groups",
        "languages",
        "offers__topics",
        "offers__target_groups",
        "locations__municipality",
    )


def actor_document(actor: Actor) -> SearchDocument:
    parts: list[str] = [actor.short_description, actor.get_kind_display()]
    parts += [topic.name for topic in actor.topics.all()]
    parts += [group.name for group in actor.target_groups.all()]
    parts += [f"{language.name} {language.native_name}" for language in actor.languages.all()]
    for offer in actor.offers.all():
        parts += [offer.name, offer.description, offer.eligibility]
        parts += [topic.name for topic in offer.topics.all()]
        parts += [group.name for group in offer.target_groups.all()]
    for location in actor.locations.all():
        parts += [location.name, location.street, location.town, location.municipality.name]
        parts += location.municipality.town_list
    parts.append(html_to_text(actor.description))
    return SearchDocument(
        kind=ACTOR_KIND,
        object_id=str(actor.pk),
        title=actor.name,
        body="\n".join(part for part in parts if part),
        public=actor.live,
        url=default_language_url(actor.get_absolute_url),
        topics=_slugs(
            [*actor.topics.all(), *(t for o in actor.offers.all() for t in o.topics.all())]
        ),
        municipalities=_slugs(location.municipality for location in actor.locations.all()),
        languages=tuple(sorted({language.code for language in actor.languages.all()})),
    )


def _slugs(terms) -> tuple[str, ...]:
    return tuple(sorted({term.slug for term in terms}))
