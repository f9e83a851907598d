"""schema.org descriptions of actors, embedded as JSON-LD in profile pages."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from network.models import Actor, ActorKind
from portal.html import html_to_text

SCHEMA_TYPES = {
    ActorKind.ASSOCIATION: "NGO",
    ActorKind.MIGRANT_ORGANISATION: "NGO",
    ActorKind.AGENCY_UNIT: "GovernmentOrganization",
    ActorKind.PUBLIC_SERVICE: "GovernmentOrganization",
}


def actor_jsonld(actor: Actor, request: HttpRequest) -> dict[str, object]:
    url = request.build_absolute_uri(actor.get_absolute_url())
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(actor.kind, "Organization"),
        "@id": url,
        "name": actor.name,
        "url": url,
        "description": actor.short_description,
    }
    if actor.email:
        data["email"] = actor.email
    if actor.phone:
        data["telephone"] = actor.phone
    if actor.logo:
        data["logo"] = request.build_absolute_uri(actor.logo.url)
    same_as = [actor.website] if actor.website else []
    same_as += [link.url for link in actor.social_links.all()]
    if same_as:
        data["sameAs"] = same_as
    languages = [language.code for language in actor.languages.all()]
    if languages:
        data["knowsLanguage"] = languages
    locations = list(actor.locations.all())
    if locations:
        data["address"] = [
            {
                "@type": "PostalAddress",
                "streetAddress": location.street,
                "postalCode": location.postcode,
                "addressLocality": location.town,
                "addressRegion": "Sachsen-Anhalt",
                "addressCountry": "DE",
            }
            for location in locations
        ]
        data["areaServed"] = sorted({location.municipality.name for location in locations})
    offers = list(actor.offers.all())
    if offers:
        data["makesOffer"] = [
            {
                "@type": "Offer",
                **({"price": "0", "priceCurrency": "EUR"} if offer.is_free else {}),
                "itemOffered": {
                    "@type": "Service",
                    "name": offer.name,
                    "description": html_to_text(offer.description),
                },
            }
            for offer in offers
        ]
    return data


def as_script(data: dict[str, object]) -> SafeString:
    """A <script> element whose content cannot close the tag, whatever the data says."""
    payload = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    # Like django's json_script (which only writes type="application/json"): <, > and & escaped.
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  # nosec B308 B703
