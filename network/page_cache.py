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

    for model in (
        Actor,
        Offer,
        Location,
        OpeningHours,
        LocationOpeningException,
        ContactPerson,
        SocialLink,
    ):
        pagecache.register_model(model, ACTORS)
    for model in (Topic, TargetGroup, Language, Municipality):
        pagecache.register_model(model, VOCABULARIES)
    pagecache.register_model(AgencyUnit, AGENCY)
    # A unit page's hours are edited with the page and published with it; saved on their own
    # (an exception entered in a hurry) they still change what the page shows.
    for model in (ConsultationHours, UnitOpeningException):
        pagecache.register_model(model, pagecache.PAGES)
    # The agency pages' profiles, hours and units; any other page type may show anything.
    for view in ("page:network.agencypage", "page:network.agencyunitpage"):
        pagecache.register_view(view, ACTORS, AGENCY)
    pagecache.register_view("wagtail_serve", ACTORS, VOCABULARIES, AGENCY)
