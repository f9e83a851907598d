"""What of the network the shared page cache must know (portal/pagecache.py): the kinds of
content its models are shown as, and the pages showing them."""

from __future__ import annotations

from portal import pagecache

# Profiles with their offers, places, hours and contacts (the directory, the home page).
ACTORS = "actors"
# Topics, target groups, languages and places: filters, chips and labels on most pages.
VOCABULARIES = "vocabularies"
# The agency's units (names, contacts), shown on their Wagtail pages.
AGENCY = "agency"


def register() -> None:
    from network.models import (
        Actor,
        AgencyUnit,
        ContactPerson,
        Language,
        Location,
        LocationOpeningException,
        Municipality,
        Offer,
        OpeningHours,
        SocialLink,
        TargetGroup,
        Topic,
    )
    from network.pages import ConsultationHours, UnitOpeningException

    # Every page's footer shows the intake zone's phone, address and hours, which may come from
    # its unit's profile: a change to an agency unit's profile is a change of the agency too.
    def profile_kinds(actor_id: int | None) -> set[str]:
        if actor_id is not None and AgencyUnit.objects.filter(actor_id=actor_id).exists():
            return {ACTORS, AGENCY}
        return {ACTORS}

    pagecache.register_model(Actor, kinds_of=lambda actor: profile_kinds(actor.pk))
    pagecache.register_model(Location, kinds_of=lambda location: profile_kinds(location.actor_id))

    def place_kinds(location_id: int) -> set[str]:
        owner = Location.objects.filter(pk=location_id).values_list("actor_id", flat=True)
        return profile_kinds(owner.first())

    for model in (OpeningHours, LocationOpeningException):
        pagecache.register_model(model, kinds_of=lambda row: place_kinds(row.location_id))
    for model in (Offer, ContactPerson, SocialLink):
        pagecache.register_model(model, ACTORS)
    for model in (Topic, TargetGroup, Language, Municipality):
        pagecache.register_model(model, VOCABULARIES)
    pagecache.register_model(AgencyUnit, AGENCY)
    pagecache.register_everywhere(AGENCY)
    # A unit page's hours are edited with the page and published with it; saved on their own
    # (an exception entered in a hurry) they still change what the page shows.
    for model in (ConsultationHours, UnitOpeningException):
        pagecache.register_model(model, pagecache.PAGES)
    # The agency pages' profiles, hours and units; any other page type may show anything.
    for view in ("page:network.agencypage", "page:network.agencyunitpage"):
        pagecache.register_view(view, ACTORS, AGENCY)
    pagecache.register_view("wagtail_serve", ACTORS, VOCABULARIES, AGENCY)
