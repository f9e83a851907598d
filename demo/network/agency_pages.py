"""The agency's pages in the demo: the house, one page per unit and per partner housed there,
with realistic consultation hours, an upcoming holiday, and exceptions at some actors' places.

Existing pages are left alone, so a second run changes nothing; the other languages get their
copies from the page tree synchronisation at the end of load_demo.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from dateutil.easter import easter
from django.utils import timezone
from wagtail.models import Locale

from demo.network.agency import AGENCY_ACTORS, AGENCY_PHONE, AGENCY_WEBSITE
from demo.network.curated import EDITOR_ACTOR_SLUG
from demo.network.house_hours import unit_hours
from demo.network.specs import MON, THU, WED, Slot
from network.hours import local
from network.models import (
    Actor,
    AgencyPage,
    AgencyUnit,
    AgencyUnitPage,
    ConsultationHours,
    Language,
    LocationOpeningException,
    UnitOpeningException,
)
from portal.models import HomePage

AGENCY_SLUG = "migrationsagentur"
AGENCY_ADDRESS = "Promenade 31, 06667 Weißenfels"
INTAKE_EXTENSION = 10  # the intake zone's line books appointments for the whole house
SPOKEN = ("de", "en", "ar", "fa", "uk", "ru")  # staff of the intake zone; others by video


@dataclass(frozen=True)
class UnitPageText:
    title: str
    summary: str
    floor: str
    room: str
    what_to_bring: str
    hours: tuple[Slot, ...] = ()  # a unit's own: demo.network.house_hours
    directions: str = ""
    languages: tuple[str, ...] = ()
    partner_slug: str = ""
    extra_exceptions: tuple[dict[str, object], ...] = field(default=())


def _bring(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


ID = "Ausweis, Pass oder Aufenthaltspapier"
LETTERS = "Briefe und Bescheide, um die es geht"

UNIT_PAGES: dict[str, UnitPageText] = {
    "eingangszone": UnitPageText(
        title="Eingangszone",
        summary=(
            "<p>Hier fangen alle an. Sie erzählen uns, was Sie brauchen. Wir schauen uns Ihre "
            "Briefe an und bringen Sie zur richtigen Stelle im Haus. Sie brauchen keinen "
            "Termin.</p><p>Es gibt keinen falschen Weg: Was nicht zu uns gehört, geben wir im "
            "Haus weiter.</p>"
        ),
        floor="Erdgeschoss",
        room="0.01 (Foyer)",
        directions="Gleich hinter dem Haupteingang, rechts am Empfangstresen.",
        what_to_bring=_bring(ID, LETTERS),
        languages=SPOKEN,
    ),
    "auslaenderbehoerde": UnitPageText(
        title="Ausländerbehörde",
        summary=(
            "<p>Wir entscheiden über Ihr Aufenthaltsrecht: Aufenthaltserlaubnis, Verlängerung, "
            "Niederlassungserlaubnis und Einbürgerung.</p>"
            "<p>Kurze Fragen klären wir in der offenen Sprechstunde. Für Anträge bekommen Sie "
            "einen Termin.</p>"
        ),
        floor="1. Obergeschoss",
        room="1.10 bis 1.18",
        directions="Treppe oder Aufzug in den 1. Stock, dann links.",
        what_to_bring=_bring(
            ID, "ein aktuelles biometrisches Passfoto", "Nachweis über Ihre Wohnung", LETTERS
        ),
    ),
    "asylbewerberleistungen": UnitPageText(
        title="Asylbewerberleistungen (Sozialamt)",
        summary=(
            "<p>Wir zahlen Geld zum Leben nach dem Asylbewerberleistungsgesetz. Wir geben "
            "Krankenscheine aus und helfen bei Geld für Schule, Ausflüge und Sportverein.</p>"
        ),
        floor="Erdgeschoss",
        room="0.12 bis 0.15",
        what_to_bring=_bring(ID, "Kontoauszüge der letzten drei Monate", LETTERS),
    ),
    "unterbringung": UnitPageText(
        title="Wohnungsangelegenheiten",
        summary=(
            "<p>Wir kümmern uns um Ihre Unterkunft: Zimmer in einer Gemeinschaftsunterkunft, "
            "Wohnungen des Kreises und den Umzug in eine eigene Wohnung.</p>"
        ),
        floor="2. Obergeschoss",
        room="2.04",
        what_to_bring=_bring(ID, "Mietangebot oder Mietvertrag, wenn Sie eine Wohnung haben"),
        extra_exceptions=(
            {
                "offset": 9,
                "days": 2,
                "reason": "Umzug innerhalb des Hauses",
            },
        ),
    ),
    "integrationsberatung": UnitPageText(
        title="Migrationsberatung und Integrationsberatung",
        summary=(
            "<p>Wir beraten Sie in den ersten Jahren in Deutschland: Deutschkurs, Anerkennung "
            "von Zeugnissen, Schule und Kita für Ihre Kinder. Wir kennen die Angebote im "
            "Netzwerk und vermitteln Sie weiter.</p>"
        ),
        floor="1. Obergeschoss",
        room="1.02",
        what_to_bring=_bring(ID, "Zeugnisse und Abschlüsse, wenn es um Anerkennung geht"),
    ),
    "jobcenter": UnitPageText(
        title="Jobcenter",
        summary=(
            "<p>Das Jobcenter hilft mit Bürgergeld und bei der Suche nach Arbeit. Im Haus "
            "können Sie Anträge abgeben und Fragen zu Kursen und Förderung stellen.</p>"
        ),
        floor="Erdgeschoss",
        room="0.20 bis 0.22",
        what_to_bring=_bring(ID, "Ihre Kundennummer, wenn Sie eine haben", LETTERS),
    ),
    "agentur-fuer-arbeit": UnitPageText(
        title="Agentur für Arbeit",
        summary=(
            "<p>Wir beraten zu Beruf und Ausbildung und prüfen, ob Sie arbeiten dürfen. "
            "Fachkräfte aus dem Ausland beraten wir zu Anerkennung und Stellensuche.</p>"
        ),
        floor="2. Obergeschoss",
        room="2.10",
        what_to_bring=_bring(ID, "Lebenslauf und Zeugnisse"),
    ),
    "ehrenamtskoordination": UnitPageText(
        title="Ehrenamtskoordination",
        summary=(
            "<p>Sie wollen helfen? Wir finden mit Ihnen ein Ehrenamt in Ihrer Nähe, laden zu "
            "Schulungen ein und beantworten Fragen zu Versicherung und Auslagen.</p>"
        ),
        floor="3. Obergeschoss",
        room="3.01",
        what_to_bring=_bring("nur sich selbst und Ihre Ideen"),
    ),
}

PARTNER_PAGES: dict[str, UnitPageText] = {
    "migrationsberatung-fuer-erwachsene": UnitPageText(
        title="Migrationsberatung für Erwachsene (Diakonie)",
        summary=(
            "<p>Die Diakonie berät im Haus Erwachsene ab 27 Jahren, die neu in Deutschland "
            "sind: Briefe von Ämtern, Integrationskurs, Kindergeld und Krankenversicherung. "
            "Die Beratung ist kostenlos und vertraulich.</p>"
        ),
        floor="1. Obergeschoss",
        room="1.05",
        what_to_bring=_bring(ID, LETTERS),
        hours=((MON, "9:00", "12:00", False), (WED, "13:00", "16:00", True)),
        languages=("de", "en", "ar", "fa", "ru"),
        partner_slug="beratungsstelle-fuer-migration-und-flucht-weissenfels",
    ),
    "jugendmigrationsdienst": UnitPageText(
        title="Jugendmigrationsdienst (AWO)",
        summary=(
            "<p>Der Jugendmigrationsdienst der AWO hilft jungen Menschen von 12 bis 27 Jahren "
            "bei Schule, Ausbildung und dem Start in den Beruf.</p>"
        ),
        floor="1. Obergeschoss",
        room="1.06",
        what_to_bring=_bring("Zeugnisse, wenn Sie welche haben"),
        hours=((THU, "13:00", "16:00", False),),
        languages=("de", "en", "ar"),
        partner_slug="awo-jugendmigrationsdienst-burgenlandkreis",
    ),
}

AGENCY_INTRO = (
    "Ein Haus für alle Anliegen rund um Migration im Burgenlandkreis – mit offener "
    "Sprechstunde ohne Termin."
)
AGENCY_BODY = (
    "<h2>So funktioniert das Haus</h2>"
    "<p>In der Migrationsagentur arbeiten alle Stellen unter einem Dach, die Sie nach der "
    "Ankunft brauchen: Ausländerbehörde, Sozialamt, Wohnungsangelegenheiten, Beratung, "
    "Jobcenter und Agentur für Arbeit.</p>"
    "<p>Kommen Sie zuerst in die <b>Eingangszone</b> im Erdgeschoss. Dort hören wir zu und "
    "bringen Sie zur richtigen Stelle. Es gibt keine falschen Wege: Sie müssen nicht von Amt zu "
    "Amt laufen.</p>"
    "<ul><li>offene Sprechstunden ohne Termin</li>"
    "<li>Sprachmittlung in vielen Sprachen, auch per Video</li>"
    "<li>das Haus ist barrierefrei, mit Aufzug</li></ul>"
)


def public_holidays(year: int) -> dict[dt.date, str]:
    """Public holidays in Saxony-Anhalt, where the agency closes."""
    easter_day = easter(year)
    return {
        dt.date(year, 1, 1): "Neujahr",
        dt.date(year, 1, 6): "Heilige Drei Könige",
        easter_day - dt.timedelta(days=2): "Karfreitag",
        easter_day + dt.timedelta(days=1): "Ostermontag",
        dt.date(year, 5, 1): "Tag der Arbeit",
        easter_day + dt.timedelta(days=39): "Christi Himmelfahrt",
        easter_day + dt.timedelta(days=50): "Pfingstmontag",
        dt.date(year, 10, 3): "Tag der Deutschen Einheit",
        dt.date(year, 10, 31): "Reformationstag",
        dt.date(year, 12, 25): "1. Weihnachtsfeiertag",
        dt.date(year, 12, 26): "2. Weihnachtsfeiertag",
    }


def next_holiday(today: dt.date) -> tuple[dt.date, str]:
    """The next public holiday on a working day, so that it changes a consultation."""
    holidays = {**public_holidays(today.year), **public_holidays(today.year + 1)}
    upcoming = sorted(day for day in holidays if day > today and day.weekday() < 5)
    return upcoming[0], f"Feiertag: {holidays[upcoming[0]]}"


def _time(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def ensure_agency_pages() -> list[str]:
    """The agency page under the German home page and a page per unit and partner."""
    default = Locale.get_default()
    home = HomePage.objects.filter(depth=2, locale=default).first()
    if home is None:
        return ["no home page at depth 2; the agency pages were not created"]
    today = local(timezone.now()).date()
    agency = AgencyPage.objects.child_of(home).filter(slug=AGENCY_SLUG).first()
    if agency is None:
        agency = AgencyPage(
            title="Die Migrationsagentur",
            slug=AGENCY_SLUG,
            intro=AGENCY_INTRO,
            address=AGENCY_ADDRESS,
            body=AGENCY_BODY,
            show_in_menus=True,
            live=False,
        )
        home.add_child(instance=agency)
        agency.save_revision().publish()
    holiday = next_holiday(today)
    existing = set(AgencyUnitPage.objects.child_of(agency).values_list("slug", flat=True))
    languages = {spec.agency_unit: spec.languages for spec in AGENCY_ACTORS}
    for unit in AgencyUnit.objects.order_by("pk"):
        if unit.slug in existing:
            continue
        text = UNIT_PAGES.get(unit.slug) or UnitPageText(
            title=unit.name, summary="", floor="", room="", what_to_bring=""
        )
        spoken = text.languages or languages.get(unit.slug, ("de",))
        text = dataclasses.replace(text, hours=text.hours or unit_hours(unit.slug))
        _add_page(agency, unit.slug, text, spoken, holiday, today, unit=unit)
    for slug, text in PARTNER_PAGES.items():
        if slug not in existing:
            partner = Actor.objects.filter(slug=text.partner_slug).first()
            _add_page(agency, slug, text, text.languages, holiday, today, partner=partner)
    add_location_exceptions(today, holiday)
    return []


def _add_page(
    agency: AgencyPage,
    slug: str,
    text: UnitPageText,
    spoken: tuple[str, ...],
    holiday: tuple[dt.date, str],
    today: dt.date,
    *,
    unit: AgencyUnit | None = None,
    partner: Actor | None = None,
) -> None:
    page = AgencyUnitPage(
        title=text.title,
        slug=slug,
        unit=unit,
        partner=partner,
        summary=text.summary,
        floor=text.floor,
        room=text.room,
        directions=text.directions,
        what_to_bring=text.what_to_bring,
        live=False,
    )
    page.consultation_hours = [
        ConsultationHours(
            weekday=weekday,
            opens=_time(opens),
            closes=_time(closes),
            by_appointment=booked,
            booking_note=("Termin in der Eingangszone, am Telefon oder online" if booked else ""),
            booking_phone=f"{AGENCY_PHONE}-{INTAKE_EXTENSION}" if booked else "",
            booking_url=f"{AGENCY_WEBSITE}/termin/{slug}/" if booked else "",
        )
        for weekday, opens, closes, booked in text.hours
    ]
    exceptions = [UnitOpeningException(starts_on=holiday[0], reason=holiday[1])]
    for extra in text.extra_exceptions:
        starts = today + dt.timedelta(days=int(extra["offset"]))
        exceptions.append(
            UnitOpeningException(
                starts_on=starts,
                ends_on=starts + dt.timedelta(days=int(extra["days"]) - 1),
                reason=str(extra["reason"]),
            )
        )
    page.exceptions = exceptions
    page.languages = list(Language.objects.filter(code__in=spoken))
    agency.add_child(instance=page)
    page.save_revision().publish()


def add_location_exceptions(today: dt.date, holiday: tuple[dt.date, str]) -> None:
    """Company holidays, a public holiday and special hours at a few actors' places, through a
    published revision so that the profile form and review see them like any other change."""
    if LocationOpeningException.objects.exists():
        return
    chosen = list(
        Actor.objects.published()
        .exclude(kind="agency_unit")
        .filter(locations__opening_hours__isnull=False)
        .distinct()
        .order_by("pk")
    )
    editor = Actor.objects.filter(slug=EDITOR_ACTOR_SLUG).first()
    picks = ([editor] if editor else []) + chosen[::25][:5]
    for number, actor in enumerate(dict.fromkeys(picks)):
        location = actor.locations.order_by("sort_order", "pk").first()
        if location is None:
            continue
        if number % 3 == 0:
            starts = today + dt.timedelta(days=12)
            exception = LocationOpeningException(
                starts_on=starts, ends_on=starts + dt.timedelta(days=13), reason="Betriebsferien"
            )
        elif number % 3 == 1:
            exception = LocationOpeningException(starts_on=holiday[0], reason=holiday[1])
        else:
            exception = LocationOpeningException(
                starts_on=today + dt.timedelta(days=5),
                is_closed=False,
                opens=dt.time(15),
                closes=dt.time(19),
                reason="Tag der offenen Tür",
            )
        exception.location = location
        exception.save()
        actor.save_revision().publish()
