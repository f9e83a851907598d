"""One published actor as an HSDS 3.0 organization with its services, locations and contacts.

Optional fields are left out rather than sent empty (HSDS formats such as email and uri do not
admit ""); the importer reads a missing field as empty. Labels are German whatever the request's
language, so that every export of the same data is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Model
from django.utils import translation

from directory.hsds import vocabulary as v
from directory.hsds.ids import hsds_id, organization_id, service_id
from network.fields import ACTOR, LOCATION, OFFER, Declared
from network.models import Actor, ActorKind, Availability, ContactPerson, Location, Offer


def ordered(children: Iterable[Model]) -> list[Model]:
    """Children in the order staff arranged them; rows never sorted get their creation order."""
    return sorted(
        children,
        key=lambda child: (child.sort_order is None, child.sort_order or 0, child.pk),
    )


def _present(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in ("", None)}


def _phone(owner_key: str, owner_id: str, number: str) -> dict[str, Any]:
    return {"id": hsds_id("phone", owner_id), owner_key: owner_id, "number": number}


def _terms(link_entity: str, link_id: str, taxonomy_name: str, terms: Iterable[Any]) -> list:
    return [
        v.attribute(link_entity, link_id, taxonomy_name, term.slug, term.name)
        for term in sorted(terms, key=lambda term: term.slug)
    ]


def features(declared: Declared, link_entity: str, link_id: str, obj: Model) -> list:
    """The declared yes/no fields that are set, as feature attributes named like the field."""
    return [
        v.attribute(link_entity, link_id, v.FEATURE, item.name, str(declared.label(item.name)))
        for item in declared.hsds_features()
        if getattr(obj, item.name)
    ]


def schedule(location_id: str, position: int, hours: Any) -> dict[str, Any]:
    return {
        "id": hsds_id("schedule", location_id, position),
        "location_id": location_id,
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": v.WEEKDAY_CODES[hours.weekday],
        "opens_at": hours.opens.strftime("%H:%M"),
        "closes_at": hours.closes.strftime("%H:%M"),
        "attending_type": v.BY_APPOINTMENT if hours.by_appointment else v.OPEN_CONSULTATION,
        "description": str(hours),
    }


def location(actor: Actor, position: int, place: Location) -> dict[str, Any]:
    location_id = hsds_id("location", actor.slug, position)
    hours = sorted(place.opening_hours.all(), key=lambda slot: (slot.weekday, slot.opens))
    attributes = features(LOCATION, "location", location_id, place)
    data = _present(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": organization_id(actor.slug),
            "name": place.name,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
        }
    )
    data["addresses"] = [
        {
            "id": hsds_id("address", location_id),
            "location_id": location_id,
            "address_1": place.street,
            "city": place.town,
            "region": place.municipality.name,
            "state_province": "Sachsen-Anhalt",
            "postal_code": place.postcode,
            "country": "DE",
            "address_type": "physical",
        }
    ]
    data["accessibility"] = (
        [
            {
                "id": hsds_id("accessibility", location_id),
                "location_id": location_id,
                "description": place.accessibility,
            }
        ]
        if place.accessibility
        else []
    )
    data["schedules"] = [schedule(location_id, index, slot) for index, slot in enumerate(hours)]
    data["attributes"] = attributes
    return data


def service(actor: Actor, position: int, offer: Offer, location_ids: list[str]) -> dict[str, Any]:
    this_id = service_id(actor.slug, position)
    data = _present(
        {
            "id": this_id,
            "organization_id": organization_id(actor.slug),
            "name": offer.name,
            "description": offer.description,
            "status": "active",
            "eligibility_description": offer.eligibility,
            "application_process": offer.how_to_access,
            "fees_description": offer.cost_note,
            "assured_date": (
                offer.availability_confirmed_on.isoformat()
                if offer.availability_confirmed_on
                else None
            ),
        }
    )
    data["languages"] = [
        {
            "id": hsds_id("language", this_id, language.code),
            "service_id": this_id,
            "name": language.name,
            "code": language.code,
        }
        for language in sorted(offer.languages.all(), key=lambda language: language.code)
    ]
    data["cost_options"] = (
        [
            {
                "id": hsds_id("cost_option", this_id),
                "service_id": this_id,
                "option": v.FREE,
                "amount": 0,
                "currency": "EUR",
            }
        ]
        if offer.is_free
        else []
    )
    data["service_at_locations"] = [
        {
            "id": hsds_id("service_at_location", this_id, location_id),
            "service_id": this_id,
            "location_id": location_id,
        }
        for location_id in location_ids
    ]
    data["attributes"] = [
        *_terms("service", this_id, v.TOPIC, offer.topics.all()),
        *_terms("service", this_id, v.TARGET_GROUP, offer.target_groups.all()),
        v.attribute(
            "service",
            this_id,
            v.AVAILABILITY,
            offer.availability,
            str(Availability(offer.availability).label),
        ),
        *features(OFFER, "service", this_id, offer),
    ]
    return data


def contact(actor: Actor, position: int, person: ContactPerson) -> dict[str, Any]:
    contact_id = hsds_id("contact", actor.slug, position)
    data = _present(
        {
            "id": contact_id,
            "organization_id": organization_id(actor.slug),
            "name": person.name,
            "title": person.role,
            "email": person.email,
        }
    )
    data["phones"] = [_phone("contact_id", contact_id, person.phone)] if person.phone else []
    return data


def organization_summary(actor: Actor, base_url: str) -> dict[str, Any]:
    """The one-to-one fields of an organization (HSDS organization_list)."""
    return _present(
        {
            "id": organization_id(actor.slug),
            "name": actor.name,
            "description": actor.short_description,
            "email": actor.email,
            "website": actor.website,
            "logo": f"{base_url}{actor.logo.url}" if actor.logo else None,
            "uri": f"{base_url}{actor.get_absolute_url()}",
        }
    )


def organization(actor: Actor, base_url: str) -> dict[str, Any]:
    """The whole public profile; the actor comes with directory.hsds.services.EXPORT_PREFETCH."""
    with translation.override("de"):
        return _organization(actor, base_url)


def _organization(actor: Actor, base_url: str) -> dict[str, Any]:
    this_id = organization_id(actor.slug)
    data = organization_summary(actor, base_url)
    data["organization_identifiers"] = [
        {
            "id": hsds_id("organization_identifier", this_id, kind),
            "organization_id": this_id,
            "identifier_scheme": v.SCHEME,
            "identifier_type": kind,
            "identifier": value,
        }
        for kind, value in (
            (v.SLUG_IDENTIFIER, actor.slug),
            (v.EXTERNAL_IDENTIFIER, actor.external_id),
        )
        if value
    ]
    data["phones"] = [_phone("organization_id", this_id, actor.phone)] if actor.phone else []
    data["contacts"] = [
        contact(actor, index, person) for index, person in enumerate(ordered(actor.contacts.all()))
    ]
    data["locations"] = [
        location(actor, index, place) for index, place in enumerate(ordered(actor.locations.all()))
    ]
    location_ids = [place["id"] for place in data["locations"]]
    data["services"] = [
        service(actor, index, offer, location_ids)
        for index, offer in enumerate(ordered(actor.offers.all()))
    ]
    attributes = [
        v.attribute(
            "organization", this_id, v.ACTOR_KIND, actor.kind, str(ActorKind(actor.kind).label)
        ),
        *_terms("organization", this_id, v.TOPIC, actor.topics.all()),
        *_terms("organization", this_id, v.TARGET_GROUP, actor.target_groups.all()),
        *[
            v.attribute("organization", this_id, v.LANGUAGE, language.code, language.name)
            for language in sorted(actor.languages.all(), key=lambda language: language.code)
        ],
    ]
    attributes += features(ACTOR, "organization", this_id, actor)
    if actor.description:
        attributes.append(
            v.attribute(
                "organization",
                this_id,
                v.FEATURE,
                v.LONG_DESCRIPTION,
                v.FEATURE_NAMES[v.LONG_DESCRIPTION],
                actor.description,
            )
        )
    data["attributes"] = attributes
    return data
