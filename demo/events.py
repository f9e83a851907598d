"""Demo events for the demo network: a calendar that looks used whenever the demo is loaded.

Dates are relative to today, so the events are upcoming. A third of them recur (weekly,
every other week, monthly on the first or last weekday, ending on a date or after a count),
some with a cancelled or a moved date; one event is cancelled, several are online, several
take registrations. The demo editor's actor gets the weekly language café.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from demo.network.curated import EDITOR_ACTOR_SLUG
from events.models import (
    Event,
    EventException,
    EventStatus,
    ExceptionKind,
    Frequency,
    LocationKind,
    Registration,
)
from events.recurrence import rule_of
from events.services import unique_slug
from network.models import Actor, AgencyUnit, Language, Municipality, TargetGroup, Topic

ONCE = Frequency.ONCE
WEEKLY = Frequency.WEEKLY
BIWEEKLY = Frequency.BIWEEKLY
MONTHLY = Frequency.MONTHLY_WEEKDAY
MONTHLY_LAST = Frequency.MONTHLY_LAST_WEEKDAY


@dataclass(frozen=True)
class EventSpec:
    title: str
    description: str
    topics: tuple[str, ...]
    days_ahead: int
    hours: tuple[int, int, int, int] | None  # start h, m, end h, m; None: all day
    frequency: str = ONCE
    count: int | None = None
    weeks: int | None = None  # repeat until this many weeks after the start
    groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("de",)
    online: bool = False
    registration: str = Registration.NONE
    capacity: int | None = None
    cost: str = ""
    cancelled: bool = False
    cancel_dates: tuple[int, ...] = ()  # indexes of occurrences that are cancelled
    move_date: int | None = None  # index of an occurrence moved by one day
    weekday: int | None = None  # the first date on this weekday (0 = Monday), as its texts say


SPECS: tuple[EventSpec, ...] = (
    EventSpec(
        "Sprachcafé: Deutsch sprechen bei Tee und Kuchen",
        "<p>Jede Woche treffen sich Menschen aus aller Welt, um in entspannter Runde Deutsch zu "
        "sprechen. Keine Anmeldung, keine Vorkenntnisse nötig – kommen Sie einfach vorbei!</p>",
        ("sprachcafe", "kultur-und-begegnung"),
        1,
        # The Sprachcafé's own profile says "jeden Mittwoch", "mittwochs 16 bis 18 Uhr".
        (16, 0, 18, 0),
        WEEKLY,
        weeks=26,
        groups=("neuzugewanderte", "gefluechtete"),
        languages=("de", "ar", "uk"),
        cancel_dates=(3,),
        move_date=5,
        weekday=2,
    ),
    EventSpec(
        "Elterncafé mit Kinderbetreuung",
        "<p>Austausch für Eltern rund um Kita, Schule und Familienalltag. Die Kinder spielen "
        "nebenan.</p>",
        ("kinder-und-familie",),
        3,
        (9, 30, 11, 0),
        BIWEEKLY,
        count=10,
        groups=("familien",),
        languages=("de", "ar"),
    ),
    EventSpec(
        "Offene Rechtsberatung zum Aufenthalt",
        "<p>Eine Anwältin beantwortet Fragen zu Aufenthaltstitel, Familiennachzug und "
        "Einbürgerung. Bitte bringen Sie Ihre Unterlagen mit.</p>",
        ("rechtsberatung", "aufenthalt"),
        0,
        (14, 0, 17, 0),
        MONTHLY,
        count=6,
        groups=("gefluechtete",),
        languages=("de", "en", "fa"),
        registration=Registration.EMAIL,
        capacity=12,
    ),
    EventSpec(
        "Frauentreff: Stricken, Reden, Ankommen",
        "<p>Ein geschützter Raum für Frauen – mit Handarbeit, Gesprächen und Tee.</p>",
        ("frauen", "kultur-und-begegnung"),
        2,
        (15, 0, 17, 0),
        WEEKLY,
        count=12,
        groups=("frauen",),
        languages=("de", "ar", "ru"),
        cancel_dates=(2,),
    ),
    EventSpec(
        "Online-Sprechstunde Anerkennung ausländischer Abschlüsse",
        "<p>Per Video: Welche Stelle erkennt meinen Abschluss an, was kostet es, wie lange "
        "dauert es?</p>",
        ("arbeit", "beratung"),
        4,
        (10, 0, 11, 30),
        MONTHLY,
        count=5,
        groups=("fachkraefte",),
        languages=("de", "en"),
        online=True,
        registration=Registration.LINK,
    ),
    EventSpec(
        "Hausaufgabenhilfe am Nachmittag",
        "<p>Ehrenamtliche helfen Schulkindern bei den Hausaufgaben.</p>",
        ("schule-und-bildung",),
        1,
        (14, 30, 16, 0),
        WEEKLY,
        weeks=16,
        groups=("kinder-und-jugendliche",),
    ),
    EventSpec(
        "Fahrradwerkstatt für alle",
        "<p>Gemeinsam Fahrräder reparieren – Werkzeug und Ersatzteile sind da.</p>",
        ("mobilitaet", "freizeit-und-sport"),
        5,
        (16, 0, 19, 0),
        BIWEEKLY,
        weeks=20,
        languages=("de", "ar", "ti"),
    ),
    EventSpec(
        "Stammtisch der Ehrenamtlichen",
        "<p>Erfahrungen teilen, Fragen klären, neue Mitstreiter:innen kennenlernen.</p>",
        ("ehrenamt",),
        6,
        (19, 0, 21, 0),
        MONTHLY_LAST,
        count=6,
        groups=("ehrenamtliche",),
    ),
    EventSpec(
        "Lauftreff international",
        "<p>Locker laufen im Park, jedes Tempo ist willkommen.</p>",
        ("freizeit-und-sport",),
        2,
        (17, 30, 18, 30),
        WEEKLY,
        count=15,
        languages=("de", "en"),
    ),
    EventSpec(
        "Beratung Wohnungssuche",
        "<p>Hilfe bei Wohnungsanzeigen, Bewerbung und Mietvertrag.</p>",
        ("wohnen", "beratung"),
        7,
        (13, 0, 15, 0),
        BIWEEKLY,
        count=8,
        languages=("de", "uk", "ru"),
    ),
    EventSpec(
        "Regionale Jobmesse Burgenlandkreis",
        "<p>Über 40 Betriebe aus der Region stellen sich vor. Bringen Sie Ihren Lebenslauf mit; "
        "Dolmetscher:innen sind vor Ort.</p>",
        ("arbeit", "ausbildung"),
        12,
        (10, 0, 16, 0),
        groups=("arbeitsuchende", "fachkraefte"),
        languages=("de", "ar", "uk", "en"),
    ),
    EventSpec(
        "Informationsabend: Einbürgerung nach dem neuen Recht",
        "<p>Was hat sich geändert? Voraussetzungen, Ablauf und Kosten der Einbürgerung.</p>",
        ("aufenthalt", "rechtsberatung"),
        9,
        (18, 0, 20, 0),
        registration=Registration.EMAIL,
        capacity=40,
    ),
    EventSpec(
        "Interkulturelles Weihnachtsfest",
        "<p>Wir feiern gemeinsam mit Musik, Essen aus vielen Ländern und einer Bastelecke für "
        "Kinder.</p>",
        ("kultur-und-begegnung",),
        20,
        (15, 0, 19, 0),
        groups=("familien",),
        languages=("de", "ar", "uk", "fa"),
    ),
    EventSpec(
        "Erste-Hilfe-Kurs auf Arabisch und Deutsch",
        "<p>Ein Tag Erste Hilfe für den Alltag, auch für den Führerschein anerkannt.</p>",
        ("gesundheit",),
        15,
        None,
        languages=("de", "ar"),
        registration=Registration.LINK,
        capacity=16,
        cost="15 € (ermäßigt 5 €)",
    ),
    EventSpec(
        "Webinar: Ausbildung in Deutschland",
        "<p>Wie funktioniert die duale Ausbildung? Mit Erfahrungsberichten von Azubis.</p>",
        ("ausbildung",),
        8,
        (17, 0, 18, 30),
        groups=("kinder-und-jugendliche", "neuzugewanderte"),
        languages=("de", "en"),
        online=True,
        registration=Registration.LINK,
        capacity=100,
    ),
    EventSpec(
        "Kochabend: Rezepte aus Syrien",
        "<p>Gemeinsam kochen und essen. Bitte melden Sie sich an, die Plätze sind begrenzt.</p>",
        ("kultur-und-begegnung",),
        10,
        (18, 0, 21, 0),
        languages=("de", "ar"),
        registration=Registration.EMAIL,
        capacity=14,
        cost="5 € für die Zutaten",
    ),
    EventSpec(
        "Infoveranstaltung Kita-Anmeldung",
        "<p>Wie melde ich mein Kind in der Kita an? Was ist der Kita-Gutschein?</p>",
        ("kinder-und-familie",),
        6,
        (10, 0, 11, 30),
        groups=("familien",),
        languages=("de", "uk", "ru"),
    ),
    EventSpec(
        "Sommerfest der Begegnung",
        "<p>Das Sommerfest muss leider wegen Bauarbeiten ausfallen.</p>",
        ("kultur-und-begegnung",),
        14,
        None,
        cancelled=True,
    ),
    EventSpec(
        "Tag der offenen Tür im Begegnungszentrum",
        "<p>Lernen Sie unsere Angebote kennen – mit Führungen und Kaffee.</p>",
        ("kultur-und-begegnung",),
        18,
        (11, 0, 15, 0),
    ),
    EventSpec(
        "Bewerbungstraining für Frauen",
        "<p>Lebenslauf, Anschreiben und Vorstellungsgespräch – in kleiner Gruppe.</p>",
        ("arbeit", "frauen"),
        11,
        (9, 0, 12, 0),
        groups=("frauen", "arbeitsuchende"),
        registration=Registration.EMAIL,
        capacity=10,
    ),
    EventSpec(
        "Lesung: Geschichten vom Ankommen",
        "<p>Autor:innen aus dem Burgenlandkreis lesen aus ihren Texten über Flucht und "
        "Neuanfang.</p>",
        ("kultur-und-begegnung",),
        16,
        (19, 0, 20, 30),
    ),
    EventSpec(
        "Fortbildung für Ehrenamtliche: Trauma-sensibel begleiten",
        "<p>Grundlagen für die Begleitung geflüchteter Menschen. Mit Zertifikat.</p>",
        ("psychosoziale-unterstuetzung", "ehrenamt"),
        13,
        (9, 0, 16, 0),
        groups=("ehrenamtliche",),
        registration=Registration.LINK,
        capacity=20,
    ),
    EventSpec(
        "Online-Infoabend: Leben und Arbeiten im Burgenlandkreis",
        "<p>Für Fachkräfte, die überlegen herzuziehen – mit Fragen und Antworten.</p>",
        ("arbeit",),
        22,
        (19, 0, 20, 0),
        groups=("fachkraefte",),
        languages=("de", "en"),
        online=True,
    ),
    EventSpec(
        "Internationaler Spieleabend",
        "<p>Brettspiele aus aller Welt, für Groß und Klein.</p>",
        ("freizeit-und-sport", "kultur-und-begegnung"),
        4,
        (18, 30, 21, 0),
    ),
    EventSpec(
        "Sprechstunde Schuldnerberatung",
        "<p>Vertraulich und kostenlos: Hilfe bei Rechnungen, Mahnungen und Verträgen.</p>",
        ("beratung",),
        5,
        (9, 0, 12, 0),
        languages=("de", "ru"),
    ),
    EventSpec(
        "Workshop: Digitale Behördengänge",
        "<p>Wir zeigen Schritt für Schritt, wie Anträge online gestellt werden.</p>",
        ("beratung", "schule-und-bildung"),
        17,
        (14, 0, 16, 0),
        registration=Registration.EMAIL,
        capacity=8,
    ),
    EventSpec(
        "Gesundheitstag: Vorsorge für die ganze Familie",
        "<p>Ärztinnen und Ärzte informieren mehrsprachig über Impfungen und Vorsorge.</p>",
        ("gesundheit", "kinder-und-familie"),
        25,
        (10, 0, 14, 0),
        languages=("de", "ar", "uk", "ti"),
    ),
    EventSpec(
        "Fußballturnier der Kulturen",
        "<p>Teams aus Vereinen und Initiativen spielen um den Wanderpokal.</p>",
        ("freizeit-und-sport",),
        27,
        None,
        registration=Registration.EMAIL,
    ),
    EventSpec(
        "Theaterworkshop für Jugendliche",
        "<p>Eine Woche Theater spielen, am Ende steht eine Aufführung.</p>",
        ("kultur-und-begegnung", "schule-und-bildung"),
        30,
        (10, 0, 15, 0),
        groups=("kinder-und-jugendliche",),
        registration=Registration.LINK,
        capacity=15,
    ),
    EventSpec(
        "Vortrag: Das deutsche Schulsystem erklärt",
        "<p>Grundschule, Sekundarschule, Gymnasium – welche Wege gibt es?</p>",
        ("schule-und-bildung",),
        19,
        (18, 0, 19, 30),
        groups=("familien",),
        languages=("de", "ar", "uk"),
    ),
    EventSpec(
        "Ukrainischer Kulturabend",
        "<p>Musik, Tanz und Spezialitäten – alle sind eingeladen.</p>",
        ("kultur-und-begegnung",),
        23,
        (17, 0, 21, 0),
        languages=("uk", "de"),
    ),
    EventSpec(
        "Nähwerkstatt",
        "<p>Nähen lernen und eigene Ideen umsetzen, Nähmaschinen sind vorhanden.</p>",
        ("kultur-und-begegnung", "frauen"),
        3,
        (10, 0, 12, 0),
        BIWEEKLY,
        weeks=14,
        groups=("frauen",),
    ),
)


Closure = tuple[datetime.date, datetime.date, str]  # first and last day closed, the reason


def closures_of(actor: Actor) -> list[Closure]:
    """The days the actor is closed: its locations' closed exceptions and, for an agency unit,
    its page's. No event of the demo takes place on them unless it says it is cancelled."""
    exceptions = [
        exception
        for location in actor.locations.all()
        for exception in location.exceptions.all()
        if exception.is_closed
    ]
    for unit in AgencyUnit.objects.filter(actor=actor):
        page = unit.live_page()
        if page is not None:
            exceptions += [exception for exception in page.exceptions.all() if exception.is_closed]
    return [(item.starts_on, item.last_day, item.reason) for item in exceptions]


def closure_on(day: datetime.date, closures: list[Closure]) -> Closure | None:
    return next((closure for closure in closures if closure[0] <= day <= closure[1]), None)


def _open_day(day: datetime.date, closures: list[Closure]) -> datetime.date:
    """The day itself, or the first day after the closures it falls into."""
    while (closure := closure_on(day, closures)) is not None:
        day = closure[1] + datetime.timedelta(days=1)
    return day


def _dates(event: Event) -> list[datetime.date]:
    return [start.date() for start in rule_of(event)]


def _place(actor: Actor, rng: random.Random, municipalities: list[Municipality]) -> dict:
    locations = list(actor.locations.all())
    if locations:
        return {"location_kind": LocationKind.ACTOR_LOCATION, "location": rng.choice(locations)}
    place = rng.choice(municipalities)
    return {
        "location_kind": LocationKind.ADDRESS,
        "venue": "Bürgerhaus",
        "street": "Markt 1",
        "postcode": "06667",
        "town": place.name,
        "municipality": place,
    }


def _create(spec: EventSpec, actor: Actor, rng: random.Random, terms: dict, today) -> Event:
    start = today + datetime.timedelta(days=spec.days_ahead)
    if spec.weekday is not None:
        start += datetime.timedelta(days=(spec.weekday - start.weekday()) % 7)
    closures = closures_of(actor)
    if spec.frequency == ONCE:
        start = _open_day(start, closures)
    if spec.frequency == MONTHLY:
        start = start.replace(day=1) + datetime.timedelta(days=32)
        start = start.replace(day=1)
        start += datetime.timedelta(days=(0 - start.weekday()) % 7)  # the first Monday
    if spec.frequency == MONTHLY_LAST:
        following = (start.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        start = following - datetime.timedelta(days=1)
        start -= datetime.timedelta(days=(start.weekday() - 3) % 7)  # the last Thursday
    place = (
        {"location_kind": LocationKind.ONLINE, "online_url": "https://meet.example.org/mia"}
        if spec.online
        else _place(actor, rng, terms["places"])
    )
    event = Event(
        actor=actor,
        title=spec.title,
        description=spec.description,
        start_date=start,
        start_time=datetime.time(spec.hours[0], spec.hours[1]) if spec.hours else None,
        end_time=datetime.time(spec.hours[2], spec.hours[3]) if spec.hours else None,
        frequency=spec.frequency,
        repeat_count=spec.count,
        repeat_until=start + datetime.timedelta(weeks=spec.weeks) if spec.weeks else None,
        is_free=not spec.cost,
        cost_note=spec.cost,
        registration=spec.registration,
        registration_url="https://anmeldung.example.org/" if spec.registration == "link" else "",
        registration_email=actor.email or "anmeldung@example.org"
        if spec.registration == "email"
        else "",
        capacity=spec.capacity,
        status=EventStatus.CANCELLED if spec.cancelled else EventStatus.SCHEDULED,
        status_note="Wegen Bauarbeiten abgesagt." if spec.cancelled else "",
        **place,
    )
    event.slug = unique_slug(event.title, start)
    event.save()
    event.topics.set([terms["topics"][slug] for slug in spec.topics if slug in terms["topics"]])
    event.target_groups.set(
        [terms["groups"][slug] for slug in spec.groups if slug in terms["groups"]]
    )
    event.languages.set(
        [terms["languages"][code] for code in spec.languages if code in terms["languages"]]
    )
    dates = _dates(event) if event.is_recurring else []
    cancelled: dict[datetime.date, str] = {}
    for day in dates:
        if (closure := closure_on(day, closures)) is not None:
            cancelled[day] = closure[2] or "geschlossen"
    for index in spec.cancel_dates:
        if index < len(dates):
            cancelled.setdefault(dates[index], "Ferien")
    for day, note in sorted(cancelled.items()):
        EventException.objects.create(event=event, original_date=day, note=note)
    if spec.move_date is not None:
        # The date moved one day later: neither it nor its new day may be a closed one.
        movable = [
            day
            for day in dates[spec.move_date :]
            if day not in cancelled
            and closure_on(day + datetime.timedelta(days=1), closures) is None
        ]
        if movable:
            EventException.objects.create(
                event=event,
                original_date=movable[0],
                kind=ExceptionKind.MOVED,
                new_date=movable[0] + datetime.timedelta(days=1),
                note="Ausnahmsweise einen Tag später",
            )
    event.save_revision().publish(skip_permission_checks=True)
    return event


def load_demo(rng: random.Random) -> int:
    """Create the demo events; returns how many. Nothing happens when events exist already."""
    if Event.objects.exists():
        return 0
    actors = list(Actor.objects.published().order_by("slug"))
    if not actors:
        return 0
    rng.shuffle(actors)
    editor_actor = next((actor for actor in actors if actor.slug == EDITOR_ACTOR_SLUG), None)
    if editor_actor is not None:
        actors.remove(editor_actor)
        actors.insert(0, editor_actor)
    terms = {
        "topics": {topic.slug: topic for topic in Topic.objects.all()},
        "groups": {group.slug: group for group in TargetGroup.objects.all()},
        "languages": {language.code: language for language in Language.objects.all()},
        "places": list(Municipality.objects.all()),
    }
    today = timezone.localdate()
    for index, spec in enumerate(SPECS):
        _create(spec, actors[index % len(actors)], rng, terms, today)
    return len(SPECS)
