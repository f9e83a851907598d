"""How an actor reads to the search index: its name first, then everything people type."""

from __future__ import annotations

from django.db.models import QuerySet

from network.models import Actor, Offer
from search.addresses import default_language_url
from search.backends import SearchDocument
from search.backends.base import Translation, audience_of_actor
from search.translations import merge, plain_text, split, translated_texts

ACTOR_KIND = "actor"
OFFER_KIND = "offer"


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
    parts.append(plain_text(actor.description))
    offers = list(actor.offers.all())
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
        audience=audience_of_actor(actor.pk),
        # Its own offers' names rank it as its name does: the college offering a German course
        # comes before a need that mentions one.
        keywords="\n".join(offer.name for offer in offers),
        translations=_actor_translations(actor, offers),
    )


def _actor_translations(actor: Actor, offers: list[Offer]) -> tuple[Translation, ...]:
    """The actor's texts and its offers' in each language they are translated into: the
    offers' names as keywords, their texts after the actor's."""
    own = translated_texts(Actor, [actor.pk]).get(actor.pk, {})
    groups = [
        [Translation(language, body=split(Actor, fields)[1]) for language, fields in own.items()]
    ]
    by_offer = translated_texts(Offer, [offer.pk for offer in offers])
    for offer in offers:
        for language, fields in by_offer.get(offer.pk, {}).items():
            name, body = split(Offer, fields)
            groups.append([Translation(language, keywords=name, body=body)])
    return merge(*groups)


def indexable_offers() -> QuerySet[Offer]:
    return Offer.objects.select_related("actor").prefetch_related(
        "topics", "target_groups", "languages", "actor__languages", "actor__locations__municipality"
    )


def offer_document(offer: Offer) -> SearchDocument:
    """An offer is its own hit, linked to its block on the actor's page; it is public exactly
    when its actor is, and found where the actor is."""
    actor = offer.actor
    parts: list[str] = [offer.description, offer.eligibility, offer.how_to_access, actor.name]
    parts += [topic.name for topic in offer.topics.all()]
    parts += [group.name for group in offer.target_groups.all()]
    languages = [*offer.languages.all()] or [*actor.languages.all()]
    parts += [f"{language.name} {language.native_name}" for language in languages]
    for location in actor.locations.all():
        parts += [location.town, location.municipality.name]
    return SearchDocument(
        kind=OFFER_KIND,
        object_id=str(offer.pk),
        title=offer.name,
        body="\n".join(part for part in parts if part),
        public=actor.live,
        url=f"{default_language_url(actor.get_absolute_url)}#offer-{offer.pk}",
        topics=_slugs(offer.topics.all()),
        municipalities=_slugs(location.municipality for location in actor.locations.all()),
        languages=tuple(sorted({language.code for language in languages})),
        audience=audience_of_actor(actor.pk),
    )


def _slugs(terms) -> tuple[str, ...]:
    return tuple(sorted({term.slug for term in terms}))
