"""A small demo-like network behind the public pages that the accessibility, page-weight, no-JS
and right-to-left checks walk: a few actors with offers, places, hours and contacts, a need, an
event and the editorial pages (home texts, privacy notice).

Built from the factories rather than `load_demo`, which takes too long to run per test module.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from demo.network.pages import ensure_pages
from network.models import Actor
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    ContactPersonFactory,
    LanguageFactory,
    LocationFactory,
    MunicipalityFactory,
    NeedFactory,
    OfferFactory,
    OpeningHoursFactory,
    TopicFactory,
)

FILTERED_DIRECTORY = "/directory/?topic=deutschkurs"
PROFILE_NAME = "Sprachcafé Weißenfels"


# What the accessibility and page-size checks visit: the site's pages, and the referral form
# again after a failed submit (its errors shown), in German, English and Arabic.
CHECKED_LANGUAGES = ("de", "en", "ar")
CHECKED_PAGES = (
    "home",
    "directory",
    "profile",
    "needs",
    "need",
    "events",
    "event",
    "referral",
    "referral-errors",
    "search",
    "privacy",
)


@dataclass(frozen=True)
class PublicSite:
    """The public pages' paths (without language prefix) over the data made for them."""

    pages: dict[str, str]
    actor: Actor


def make_public_site() -> PublicSite:
    """Four actors, one need, one event and the editorial pages; returns the pages to visit."""
    ensure_pages()
    deutschkurs = TopicFactory(slug="deutschkurs", name="Deutschkurs")
    beratung = TopicFactory(slug="beratung", name="Beratung")
    arbeit = TopicFactory(slug="arbeit", name="Arbeit")
    german = LanguageFactory(code="de", name="Deutsch", native_name="Deutsch")
    arabic = LanguageFactory(code="ar", name="Arabisch", native_name="العربية", is_rtl=True)
    ukrainian = LanguageFactory(code="uk", name="Ukrainisch", native_name="Українська")
    weissenfels = MunicipalityFactory(slug="weissenfels", name="Weißenfels")
    zeitz = MunicipalityFactory(slug="zeitz", name="Zeitz")

    cafe = ActorFactory(
        name=PROFILE_NAME,
        slug="sprachcafe-weissenfels",
        short_description="Deutsch sprechen üben bei Kaffee und Kuchen.",
        topics=[deutschkurs],
        languages=[german, arabic, ukrainian],
        website="https://sprachcafe.example.org",
        email="kontakt@sprachcafe.example.org",
        phone="03443 123456",
    )
    OfferFactory(actor=cafe, name="Offener Deutschtreff", description="Jeden Dienstag.")
    OfferFactory(actor=cafe, name="Hausaufgabenhilfe", description="Für Schulkinder.")
    place = LocationFactory(
        actor=cafe,
        municipality=weissenfels,
        street="Marienstraße 2",
        postcode="06667",
        latitude="51.199400",
        longitude="11.968100",
    )
    OpeningHoursFactory(location=place, weekday=1)
    OpeningHoursFactory(
        location=place, weekday=3, opens=datetime.time(14), closes=datetime.time(18)
    )
    ContactPersonFactory(actor=cafe, name="Samira Beispiel", email="samira@example.org")

    advice = ActorFactory(
        name="Beratungsstelle Zeitz",
        slug="beratungsstelle-zeitz",
        short_description="Beratung zu Aufenthalt, Arbeit und Wohnen.",
        topics=[beratung, arbeit],
        languages=[german, ukrainian],
    )
    OfferFactory(actor=advice, name="Sprechstunde")
    LocationFactory(actor=advice, municipality=zeitz, postcode="06712")
    course = ActorFactory(
        name="Volkshochschule Zeitz",
        slug="vhs-zeitz",
        short_description="Integrationskurse und Berufssprachkurse.",
        topics=[deutschkurs, arbeit],
        languages=[german],
    )
    LocationFactory(actor=course, municipality=zeitz, postcode="06712")
    ActorFactory(
        name="Jobpaten Burgenlandkreis",
        slug="jobpaten",
        short_description="Ehrenamtliche begleiten in Ausbildung und Arbeit.",
        topics=[arbeit],
        languages=[german, arabic],
    )

    need = NeedFactory(
        actor=cafe,
        title="Lernpatinnen für Grundschulkinder",
        municipality=weissenfels,
        topics=[deutschkurs],
        languages=[german, arabic],
    )
    event = EventFactory(
        actor=cafe,
        title="Sprachcafé am Abend",
        slug="sprachcafe-am-abend",
        municipality=weissenfels,
        start_date=timezone.localdate() + datetime.timedelta(days=2),
        topics=[deutschkurs],
        languages=[german, arabic],
    )
    pages = {
        "home": "/",
        "directory": FILTERED_DIRECTORY,
        "profile": f"/directory/{cafe.slug}/",
        "needs": "/needs/",
        "need": f"/needs/{need.pk}/",
        "events": "/events/",
        "event": f"/events/{event.slug}/",
        "referral": "/referral/",
        "search": "/search/?q=Sprachcafé",
        "privacy": "/datenschutz/",
    }
    return PublicSite(pages=pages, actor=cafe)
