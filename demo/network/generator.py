"""Turns the demo specs into actors with offers, locations, hours, contacts and revisions.

All variation comes from one seeded random.Random, consumed in a fixed order, so that every
load produces the same network; only dates are relative to the day of loading, so that "last
confirmed" keeps looking recent.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from dataclasses import dataclass
from datetime import time, timedelta
from decimal import Decimal
from typing import TypeVar

from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.network.agency import AGENCY_ACTORS
from demo.network.archetypes import ARCHETYPES, Archetype
from demo.network.curated import CURATED
from demo.network.people import person_name
from demo.network.places import ORTSTEILE, PLACES, VILLAGE_STREETS, Ortsteil, Place
from demo.network.specs import (
    APPOINTMENT,
    COUNSELLING,
    NO_HOURS,
    OFFICE,
    TWICE,
    WEEKEND,
    WEEKLY,
    ActorSpec,
    OfferSpec,
    Slot,
)
from network.models import (
    Actor,
    ActorKind,
    AgencyUnit,
    Availability,
    ContactPerson,
    Language,
    Location,
    Municipality,
    Offer,
    OpeningHours,
    SocialLink,
    TargetGroup,
    Topic,
)
from network.slugs import german_slug

SEED = 20151015

# Languages that counselling in the district most often adds to German.
EXTRA_LANGUAGES: tuple[str, ...] = ("en", "ar", "fa", "uk", "ru", "tr", "ti", "ku", "fr", "pl")

CONTACT_ROLES: dict[str, tuple[str, ...]] = {
    ActorKind.VOLUNTEER_INITIATIVE: ("Ansprechperson", "Koordination der Ehrenamtlichen"),
    ActorKind.VOLUNTEER: ("Ehrenamtliche Ansprechperson",),
    ActorKind.MIGRANT_ORGANISATION: ("Vorstand", "Beratung", "Kassenwartin"),
    ActorKind.PROJECT: ("Projektleitung", "Jobcoach", "Sozialarbeit"),
    ActorKind.ASSOCIATION: ("Vorsitz", "Koordination", "Beratung", "Geschäftsführung"),
    ActorKind.AGENCY_UNIT: ("Teamleitung", "Sachbearbeitung"),
    ActorKind.PUBLIC_SERVICE: ("Sachgebietsleitung", "Sozialpädagogin", "Ansprechperson"),
}

DEFAULT_ELIGIBILITY: tuple[str, ...] = (
    "Alle Interessierten, unabhängig vom Aufenthaltsstatus.",
    "Menschen mit Wohnsitz im Burgenlandkreis.",
    "Offen für alle; Kinder in Begleitung Erwachsener.",
)
DEFAULT_ACCESS: tuple[str, ...] = (
    "Einfach vorbeikommen während der Öffnungszeiten.",
    "Bitte vorher telefonisch oder per E-Mail anmelden.",
    "Anmeldung vor Ort; bei Fragen hilft die Eingangszone der Migrationsagentur weiter.",
)
# Most offers take people in; the rest show the waiting-list and closed states in the directory.
AVAILABILITY_WEIGHTS: tuple[tuple[str, int], ...] = (
    (Availability.OPEN, 15),
    (Availability.WAITING_LIST, 4),
    (Availability.CLOSED, 1),
)
SOCIAL_PLATFORMS: tuple[str, ...] = (
    SocialLink.Platform.FACEBOOK,
    SocialLink.Platform.INSTAGRAM,
    SocialLink.Platform.MASTODON,
    SocialLink.Platform.TELEGRAM,
    SocialLink.Platform.YOUTUBE,
)
ORTSTEIL_SHARE = 0.25
SOCIAL_SHARE = 0.35
COORDINATE = Decimal("0.000001")

Term = TypeVar("Term")


@dataclass(frozen=True)
class Site:
    """The concrete place an actor sits: a main town or one of its Ortsteile."""

    municipality: str
    town: str
    postcode: str
    area_code: str
    latitude: Decimal
    longitude: Decimal
    streets: tuple[str, ...]
    spread: float


@dataclass(frozen=True)
class Terms:
    """Looked up once per load: the specs name terms by slug or code, the rows need instances."""

    topics: dict[str, Topic]
    target_groups: dict[str, TargetGroup]
    languages: dict[str, Language]
    municipalities: dict[str, Municipality]

    @classmethod
    def load(cls) -> Terms:
        return cls(
            topics={topic.slug: topic for topic in Topic.objects.all()},
            target_groups={group.slug: group for group in TargetGroup.objects.all()},
            languages={language.code: language for language in Language.objects.all()},
            municipalities={m.slug: m for m in Municipality.objects.all()},
        )


def site_for(municipality: str, town: str, terms: Terms) -> Site:
    place = PLACES[municipality]
    ortsteil = next((o for o in ORTSTEILE.get(municipality, ()) if o.name == town), None)
    if ortsteil is not None:
        return _ortsteil_site(place, ortsteil)
    centre = terms.municipalities[municipality]
    return Site(
        municipality=municipality,
        town=place.town,
        postcode=place.postcode,
        area_code=place.area_code,
        latitude=centre.latitude,
        longitude=centre.longitude,
        streets=place.streets,
        spread=place.spread,
    )


def _ortsteil_site(place: Place, ortsteil: Ortsteil) -> Site:
    return Site(
        municipality=place.municipality,
        town=ortsteil.name,
        postcode=ortsteil.postcode,
        area_code=place.area_code,
        latitude=Decimal(ortsteil.latitude),
        longitude=Decimal(ortsteil.longitude),
        streets=VILLAGE_STREETS,
        spread=0.003,
    )


def plan(rng: random.Random) -> list[ActorSpec]:
    """Curated actors first, then archetypes until each Gemeinde has its share, then the agency.

    An archetype is skipped in a Gemeinde where a curated actor already plays its part (no
    second "Sprachcafé Weißenfels" next to the real one).
    """
    specs = list(CURATED)
    placed = Counter(spec.municipality for spec in CURATED)
    for place in PLACES.values():
        missing = place.actors - placed[place.municipality]
        if missing <= 0:
            continue
        curated_names = [spec.name for spec in CURATED if spec.municipality == place.municipality]
        eligible = [
            archetype
            for archetype in ARCHETYPES
            if (place.is_urban or not archetype.urban_only)
            and not _plays_part_of(archetype, curated_names)
        ]
        for archetype in rng.sample(eligible, missing):
            specs.append(_instantiate(archetype, place, rng))
    specs.extend(AGENCY_ACTORS)
    return specs


def _plays_part_of(archetype: Archetype, names: list[str]) -> bool:
    keywords = {candidate.split()[0] for candidate in archetype.names}
    return any(keyword in name for keyword in keywords for name in names)


def _instantiate(archetype: Archetype, place: Place, rng: random.Random) -> ActorSpec:
    name = rng.choice(archetype.names)
    # Town-level services (Bürgerbüro, Tafel, projects) sit in the main town; village-level
    # ones (church, youth club, Sprachcafé) may as well be in an Ortsteil.
    ortsteile = () if archetype.urban_only else ORTSTEILE.get(place.municipality, ())
    town = rng.choice(ortsteile).name if ortsteile and rng.random() < ORTSTEIL_SHARE else ""
    label = town or place.label

    def fill(text: str) -> str:
        return text.replace("{town}", label)

    spec = archetype.spec
    languages = spec.languages
    if spec.kind not in (ActorKind.MIGRANT_ORGANISATION, ActorKind.VOLUNTEER):
        languages = (*languages, *rng.sample(EXTRA_LANGUAGES, rng.choice((0, 0, 1, 1, 2))))
    return dataclasses.replace(
        spec,
        name=fill(name),
        municipality=place.municipality,
        town=town,
        short_description=fill(spec.short_description),
        description=fill(spec.description),
        languages=tuple(dict.fromkeys(languages)),
        offers=tuple(
            dataclasses.replace(offer, name=fill(offer.name), description=fill(offer.description))
            for offer in spec.offers[: rng.randint(1, min(4, len(spec.offers)))]
        ),
    )


def _domain_label(slug: str) -> str:
    """A DNS label holds at most 63 characters; cut long names at a word boundary."""
    if len(slug) <= 63:
        return slug
    return slug[:64].rsplit("-", 1)[0]


def clock(text: str) -> time:
    """A "9:30" of a spec as a time."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _attach(actor: Actor, cluster: dict[str, list]) -> None:
    """Hand children and relations to the cluster in memory; the next save writes them."""
    for relation, items in cluster.items():
        setattr(actor, relation, items)


class ActorFactory:
    """Creates the rows of one actor after another, drawing from one shared random stream."""

    def __init__(self, rng: random.Random, terms: Terms) -> None:
        self.rng = rng
        self.terms = terms
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.slugs: set[str] = set(Actor.objects.values_list("slug", flat=True))

    def create(self, spec: ActorSpec) -> Actor:
        """Create the actor through revisions, as an editor in the admin would.

        save_revision() and publish() leave the same revision history, log entries and
        live_revision as the admin, so reviews and "last published" work on demo data too. A
        published actor's row is saved bare and its children arrive with publish(), which writes
        them anyway: saving them before as well would double the queries of the whole load.
        Drafts keep their children in the database, as a draft created in the admin does.
        """
        rng = self.rng
        slug = self._unique_slug(spec.slug or german_slug(spec.name))
        domain = f"{_domain_label(slug)}.example"
        site = site_for(spec.municipality, spec.town, self.terms)
        languages = tuple(dict.fromkeys(("de", *spec.languages)))
        is_volunteer = spec.kind == ActorKind.VOLUNTEER
        phone = spec.phone or self._phone(site.area_code)
        contacts = self._contacts(spec, domain, phone)
        if spec.email:
            email = spec.email
        elif is_volunteer and contacts:
            email = contacts[0].email
        else:
            email = f"{'info' if spec.has_website else 'kontakt'}@{domain}"
        website = spec.website or (f"https://www.{domain}/" if spec.has_website else "")
        locations = [self._location(spec, site, spec.hours, spec.slots)]
        locations += [
            self._location(spec, site_for(municipality, town, self.terms), WEEKLY)
            for municipality, town in spec.branches
        ]
        actor = Actor(
            name=spec.name,
            slug=slug,
            kind=spec.kind,
            short_description=spec.short_description,
            description=spec.description,
            website=website,
            email=email,
            phone="" if is_volunteer else phone,
            works_online=spec.works_online,
            last_confirmed_at=self.now - timedelta(days=rng.randint(0, 420)),
            live=False,
            has_unpublished_changes=True,
        )
        cluster: dict[str, list] = {
            "topics": self._pick(self.terms.topics, spec.topics),
            "target_groups": self._pick(self.terms.target_groups, spec.target_groups),
            "languages": self._pick(self.terms.languages, languages),
            "offers": [self._offer(offer, languages) for offer in spec.offers],
            "locations": locations,
            "contacts": contacts,
            "social_links": self._social_links(spec, slug),
        }
        if spec.live:
            actor.save()
            _attach(actor, cluster)
            actor.save_revision().publish()
            # publish() saves a copy made from the revision; bring this instance up to date.
            actor.refresh_from_db()
        else:
            _attach(actor, cluster)
            actor.save()
            actor.save_revision()
        if spec.agency_unit:
            AgencyUnit.objects.filter(slug=spec.agency_unit).update(actor=actor)
        return actor

    def _unique_slug(self, base: str) -> str:
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    @staticmethod
    def _pick(terms: dict[str, Term], keys: tuple[str, ...]) -> list[Term]:
        """Fail loudly on a mistyped key instead of quietly dropping the term."""
        return [terms[key] for key in keys]

    def _phone(self, area_code: str) -> str:
        """German subscriber numbers never begin with 0, so this one can ring no real line."""
        return f"{area_code} 0{self.rng.randint(1000, 99999)}"

    def _offer(self, spec: OfferSpec, actor_languages: tuple[str, ...]) -> Offer:
        rng = self.rng
        availability = (
            spec.availability
            or rng.choices(
                [value for value, _ in AVAILABILITY_WEIGHTS],
                weights=[weight for _, weight in AVAILABILITY_WEIGHTS],
            )[0]
        )
        confirmed = self.today - timedelta(days=rng.randint(2, 300))
        return Offer(
            name=spec.name,
            description=spec.description,
            topics=self._pick(self.terms.topics, spec.topics),
            target_groups=self._pick(self.terms.target_groups, spec.target_groups),
            languages=self._pick(self.terms.languages, spec.languages or actor_languages),
            is_free=spec.is_free,
            cost_note=spec.cost_note,
            eligibility=spec.eligibility or rng.choice(DEFAULT_ELIGIBILITY),
            how_to_access=spec.how_to_access or rng.choice(DEFAULT_ACCESS),
            availability=availability,
            availability_confirmed_on=confirmed if rng.random() < 0.85 else None,
        )

    def _location(
        self, spec: ActorSpec, site: Site, hours: str, slots: tuple[Slot, ...] = ()
    ) -> Location:
        rng = self.rng
        own_street = bool(spec.street) and site.municipality == spec.municipality
        street = spec.street if own_street else rng.choice(site.streets)
        number = spec.house_number if own_street and spec.house_number else rng.randint(1, 48)
        wheelchair = (
            spec.wheelchair_accessible
            if spec.wheelchair_accessible is not None
            else rng.random() < 0.4
        )
        return Location(
            name=spec.location_name if own_street else "",
            street=f"{street} {number}",
            postcode=site.postcode,
            town=site.town,
            municipality=self.terms.municipalities[site.municipality],
            latitude=self._jitter(site.latitude, site.spread),
            longitude=self._jitter(site.longitude, site.spread * 1.5),
            wheelchair_accessible=wheelchair,
            accessibility=(
                "Ebenerdiger Zugang, barrierefreies WC."
                if wheelchair
                else "Eingang über Stufen, bitte melden Sie sich, wir helfen gern."
            ),
            opening_hours=self._hours(hours, slots),
        )

    def _jitter(self, centre: Decimal, spread: float) -> Decimal:
        offset = Decimal(str(self.rng.uniform(-spread, spread)))
        return (centre + offset).quantize(COORDINATE)

    def _hours(self, style: str, written: tuple[Slot, ...] = ()) -> list[OpeningHours]:
        """The style's weekly slots, or the ones the spec writes out. The style's random draws
        are made either way, so that writing out one actor's hours changes no other actor."""
        rng = self.rng
        slots: list[tuple[int, int, int, bool]]  # weekday, opens, closes, by appointment
        if style == OFFICE:
            slots = [(day, 9, 12, False) for day in range(4)] + [(1, 13, 17, False)]
            if rng.random() < 0.5:
                slots.append((4, 9, 12, False))
        elif style == COUNSELLING:
            slots = [(0, 9, 12, False), (1, 13, 16, True), (3, 9, 12, False), (3, 13, 17, True)]
        elif style == APPOINTMENT:
            slots = [(day, 8, 16, True) for day in sorted(rng.sample(range(5), 3))]
        elif style == WEEKLY:
            start = rng.choice((10, 14, 15, 16, 17))
            slots = [(rng.randrange(5), start, start + 2, False)]
        elif style == TWICE:
            start = rng.choice((14, 15, 16, 17))
            slots = [(day, start, start + 2, False) for day in sorted(rng.sample(range(5), 2))]
        elif style == WEEKEND:
            slots = [(5, 10, 13, False)]
            if rng.random() < 0.5:
                slots.append((6, 15, 17, False))
        elif style == NO_HOURS:
            slots = []
        else:
            raise ValueError(f"Unknown opening hours style: {style!r}")
        if written:
            return [
                OpeningHours(
                    weekday=weekday,
                    opens=clock(opens),
                    closes=clock(closes),
                    by_appointment=booked,
                )
                for weekday, opens, closes, booked in written
            ]
        return [
            OpeningHours(
                weekday=weekday, opens=time(opens), closes=time(closes), by_appointment=booked
            )
            for weekday, opens, closes, booked in slots
        ]

    def _contacts(self, spec: ActorSpec, domain: str, phone: str) -> list[ContactPerson]:
        """Staff get an extension of the actor's number; volunteers give only an e-mail."""
        rng = self.rng
        if spec.contacts:
            people = list(spec.contacts)
        else:
            count = 1 if spec.kind == ActorKind.VOLUNTEER else rng.choice((0, 1, 1, 2))
            people = [
                (person_name(rng), rng.choice(CONTACT_ROLES[spec.kind])) for _ in range(count)
            ]
        contacts = []
        is_volunteer = spec.kind == ActorKind.VOLUNTEER
        for name, role in people:
            local = ".".join(german_slug(part) for part in name.split())
            email_domain = "mail.example" if is_volunteer else domain
            contacts.append(
                ContactPerson(
                    name=name,
                    role=role,
                    email=f"{local}@{email_domain}",
                    phone="" if is_volunteer else f"{phone}-{rng.randint(10, 39)}",
                )
            )
        return contacts

    def _social_links(self, spec: ActorSpec, slug: str) -> list[SocialLink]:
        rng = self.rng
        if spec.kind == ActorKind.VOLUNTEER or rng.random() >= SOCIAL_SHARE:
            return []
        platforms = rng.sample(SOCIAL_PLATFORMS, rng.choice((1, 1, 2)))
        return [
            SocialLink(platform=platform, url=f"https://{platform}.example/{slug}")
            for platform in platforms
        ]


def create_actors() -> list[Actor]:
    """Create the whole demo network; callers decide whether it may be created at all.

    Wagtail would rebuild an actor's reference index on each of its saves (draft, children,
    publish); indexing each actor once at the end gives the same index in a third of the time.
    """
    rng = random.Random(SEED)
    factory = ActorFactory(rng, Terms.load())
    with disable_reference_index_auto_update():
        actors = [factory.create(spec) for spec in plan(rng)]
    for actor in actors:
        ReferenceIndex.create_or_update_for_object(actor)
    return actors
