"""Demo needs for the demo network: realistic requests, a few replies, one expired need.

The coordinator's actor gets the first needs, so that the demo `coordinator` account has replies
to answer; the rest go to published actors in the need's municipality where there is one.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from demo.network.curated import COORDINATOR_ACTOR_SLUG
from needs.models import Commitment, HelpOffer, Need
from network.models import Actor, Language, Location, Municipality, Topic

ONE_OFF = Commitment.ONE_OFF
REGULAR = Commitment.REGULAR


@dataclass(frozen=True)
class NeedSpec:
    title: str
    description: str
    skills: str
    topics: tuple[str, ...]
    municipality: str | None
    commitment: str = REGULAR
    hours: str = ""
    languages: tuple[str, ...] = ()
    online: bool = False
    helpers: int = 1
    starts_in: int | None = None  # days from today; None: "ab sofort"
    ends_in: int | None = None  # days from today; None: no end date


COORDINATOR_NEEDS: tuple[NeedSpec, ...] = (
    NeedSpec(
        "Lernpat:innen für Grundschulkinder in Hohenmölsen",
        "<p>Kinder aus zugewanderten Familien lernen bei uns einmal pro Woche eins zu eins mit "
        "einer Patin oder einem Paten: Hausaufgaben, Lesen üben, Fragen zur Schule.</p>"
        "<p>Sie bekommen eine Einführung und treffen die anderen Pat:innen einmal im Monat.</p>",
        "Geduld, Freude an der Arbeit mit Kindern, erweitertes Führungszeugnis",
        ("schule-und-bildung", "ehrenamt", "kinder-und-familie"),
        "hohenmoelsen",
        hours="1–2 Stunden pro Woche, nachmittags",
        languages=("de",),
        helpers=4,
    ),
    NeedSpec(
        "Lesepat:innen für die Stadtbibliothek",
        "<p>Einmal in der Woche lesen wir mit Kindern, die gerade Deutsch lernen, Bilderbücher "
        "und kurze Geschichten. Gern auch zweisprachig!</p>",
        "Freude am Vorlesen; Arabisch oder Ukrainisch ist ein Plus",
        ("schule-und-bildung", "kinder-und-familie"),
        "hohenmoelsen",
        hours="1 Stunde pro Woche",
        languages=("ar", "uk"),
        helpers=2,
    ),
    NeedSpec(
        "Begleitung zur Einschulungsuntersuchung",
        "<p>Eine Familie aus Syrien braucht Begleitung zum Gesundheitsamt. Es geht vor allem "
        "darum, den Weg zu zeigen und beim Ausfüllen der Unterlagen zu helfen.</p>",
        "Deutsch und möglichst Arabisch",
        ("gesundheit", "kinder-und-familie"),
        "hohenmoelsen",
        commitment=ONE_OFF,
        hours="einmalig etwa 3 Stunden",
        languages=("ar", "de"),
        starts_in=9,
        ends_in=9,
    ),
    NeedSpec(
        "Online-Hausaufgabenhilfe Mathematik (Klasse 5–8)",
        "<p>Für Jugendliche, die nach der Schule nicht zu uns kommen können, bieten wir "
        "Hausaufgabenhilfe per Videoanruf an.</p>",
        "Sicher in Mathe bis Klasse 8, ein Laptop mit Kamera",
        ("schule-und-bildung",),
        None,
        hours="1 Stunde pro Woche, nach Absprache",
        online=True,
        helpers=3,
    ),
)

NEEDS: tuple[NeedSpec, ...] = (
    NeedSpec(
        "Lernpat:innen für Grundschulkinder in Zeitz",
        "<p>In der Grundschule am Schwanenteich lernen viele Kinder gerade Deutsch. Wir suchen "
        "Menschen, die ein Kind ein Schuljahr lang einmal pro Woche begleiten.</p>",
        "Zuverlässigkeit, Geduld, erweitertes Führungszeugnis",
        ("schule-und-bildung", "ehrenamt", "kinder-und-familie"),
        "zeitz",
        hours="2 Stunden pro Woche",
        helpers=5,
    ),
    NeedSpec(
        "Fahrdienst zum Sprachkurs",
        "<p>Mehrere Teilnehmende unseres Integrationskurses wohnen in Dörfern ohne passende "
        "Busverbindung. Wer kann sie morgens nach Weißenfels fahren?</p>"
        "<ul><li>Montag bis Donnerstag, Abfahrt gegen 7:45 Uhr</li>"
        "<li>Fahrtkosten werden erstattet</li></ul>",
        "Führerschein und eigenes Auto",
        ("mobilitaet", "deutschkurs"),
        "weissenfels",
        hours="ein bis zwei Vormittage pro Woche",
        helpers=3,
    ),
    NeedSpec(
        "Dolmetschen Arabisch beim Elternabend",
        "<p>Beim Elternabend der Klasse 3b wollen wir, dass alle Eltern verstehen, worum es "
        "geht: Klassenfahrt, Förderangebote, Schwimmunterricht.</p>",
        "Arabisch und Deutsch sicher sprechen",
        ("dolmetschen", "schule-und-bildung"),
        "naumburg-saale",
        commitment=ONE_OFF,
        hours="einmalig, ca. 2 Stunden am Abend",
        languages=("ar",),
        starts_in=12,
        ends_in=12,
    ),
    NeedSpec(
        "Dolmetschen Dari/Farsi bei Arztterminen",
        "<p>Für Termine beim Kinderarzt und beim Zahnarzt suchen wir Menschen, die "
        "sprachlich begleiten – nicht medizinisch beraten.</p>",
        "Dari oder Farsi und gutes Deutsch; Verschwiegenheit",
        ("dolmetschen", "gesundheit"),
        "weissenfels",
        hours="nach Bedarf, etwa 2 Termine im Monat",
        languages=("fa",),
        helpers=2,
    ),
    NeedSpec(
        "Helfende Hände beim Sommerfest der Kulturen",
        "<p>Aufbau, Getränkestand, Kinderschminken, Abbau: Für unser Sommerfest im Stadtpark "
        "brauchen wir viele Hände.</p>",
        "Gute Laune; wer mag, bringt einen Kuchen mit",
        ("kultur-und-begegnung", "freizeit-und-sport"),
        "naumburg-saale",
        commitment=ONE_OFF,
        hours="Samstag, 10–18 Uhr (auch stundenweise)",
        helpers=12,
        starts_in=30,
        ends_in=30,
    ),
    NeedSpec(
        "Trainer:in für das Mädchenfußballteam",
        "<p>Unser gemischtes Team ist groß geworden, die Mädchen wollen eine eigene Gruppe. "
        "Wer hilft beim Training am Dienstag?</p>",
        "Erfahrung im Fußball, Trainerschein nicht nötig",
        ("freizeit-und-sport", "frauen"),
        "zeitz",
        hours="1,5 Stunden pro Woche, dienstags",
        helpers=2,
    ),
    NeedSpec(
        "Unterstützung bei der Wohnungssuche",
        "<p>Familien mit Anerkennung dürfen aus der Gemeinschaftsunterkunft ausziehen. Wir "
        "suchen Menschen, die bei Anzeigen, Anrufen und Besichtigungen helfen.</p>",
        "Ortskenntnis, Geduld am Telefon",
        ("wohnen",),
        "weissenfels",
        hours="flexibel, etwa 2 Stunden pro Woche",
        helpers=3,
    ),
    NeedSpec(
        "Patenschaften für neu zugezogene Familien",
        "<p>Ankommen ist leichter mit jemandem, der sich auskennt: Wo ist der Kinderarzt, "
        "wie funktioniert die Mülltrennung, wo gibt es günstige Kinderkleidung?</p>",
        "Zeit und Offenheit; Russisch oder Ukrainisch hilft",
        ("ehrenamt", "kinder-und-familie"),
        "teuchern",
        hours="ein Treffen pro Woche",
        languages=("uk", "ru"),
        helpers=4,
    ),
    NeedSpec(
        "Begleitung zu Behördenterminen",
        "<p>Termine bei Jobcenter, Familienkasse oder Ausländerbehörde sind für viele "
        "Neuzugewanderte schwer. Begleiten Sie Menschen und helfen Sie beim Verstehen.</p>",
        "Kenntnisse im Umgang mit Behörden von Vorteil",
        ("beratung", "aufenthalt"),
        "naumburg-saale",
        hours="nach Absprache, 2–4 Termine im Monat",
        helpers=3,
    ),
    NeedSpec(
        "Nähcafé: Nähmaschinen-Profis gesucht",
        "<p>Im Nähcafé reparieren und nähen Frauen aus aller Welt gemeinsam. Wir suchen "
        "jemanden, der zeigt, wie die gespendeten Maschinen funktionieren.</p>",
        "Erfahrung mit Nähmaschinen",
        ("frauen", "kultur-und-begegnung"),
        "zeitz",
        hours="jeden zweiten Donnerstag, 15–17 Uhr",
    ),
    NeedSpec(
        "Gesprächspartner:innen für das Sprachcafé",
        "<p>Im Sprachcafé wird in kleinen Gruppen Deutsch gesprochen. Jede Stimme hilft – "
        "Vorkenntnisse brauchen Sie keine.</p>",
        "Lust aufs Gespräch",
        ("sprachcafe", "deutschkurs"),
        "weissenfels",
        hours="mittwochs 16–18 Uhr, gern auch alle zwei Wochen",
        helpers=6,
    ),
    NeedSpec(
        "Bewerbungstraining: Lebensläufe schreiben",
        "<p>Junge Erwachsene bereiten sich auf Ausbildung und Arbeit vor. Wer hilft, "
        "Lebenslauf und Anschreiben zu gestalten?</p>",
        "Erfahrung mit Bewerbungen, gern aus dem Personalbereich",
        ("arbeit", "ausbildung"),
        "weissenfels",
        hours="2 Stunden alle zwei Wochen",
        online=True,
        helpers=2,
    ),
    NeedSpec(
        "Fahrradwerkstatt: Schrauber:innen gesucht",
        "<p>Gespendete Fahrräder werden gemeinsam wieder fit gemacht und an Menschen ohne "
        "Auto weitergegeben.</p>",
        "Technisches Geschick, eigenes Werkzeug nicht nötig",
        ("mobilitaet", "kultur-und-begegnung"),
        "luetzen",
        hours="samstags 10–13 Uhr",
        helpers=3,
    ),
    NeedSpec(
        "Dolmetschen Ukrainisch in der Schuldnerberatung",
        "<p>Für Beratungsgespräche zu Mietschulden und Verträgen suchen wir Menschen, die "
        "Ukrainisch oder Russisch und Deutsch sprechen.</p>",
        "Ukrainisch oder Russisch, Verschwiegenheit",
        ("dolmetschen", "beratung"),
        "zeitz",
        hours="etwa 2 Termine im Monat, vormittags",
        languages=("uk", "ru"),
        helpers=2,
    ),
    NeedSpec(
        "Kinderbetreuung während des Frauenkurses",
        "<p>Damit Mütter am Deutschkurs teilnehmen können, betreuen wir ihre Kinder im "
        "Nebenraum. Dafür brauchen wir Verstärkung.</p>",
        "Erfahrung mit Kleinkindern, erweitertes Führungszeugnis",
        ("kinder-und-familie", "frauen", "deutschkurs"),
        "naumburg-saale",
        hours="dienstags und donnerstags 9–11:30 Uhr",
        helpers=2,
        starts_in=14,
    ),
    NeedSpec(
        "Gemeinsam kochen: Küchenhilfe für den Begegnungsabend",
        "<p>Einmal im Monat kochen Alteingesessene und Zugezogene gemeinsam. Wir suchen "
        "Menschen, die mit einkaufen, schnippeln und abwaschen.</p>",
        "Freude am Kochen",
        ("kultur-und-begegnung",),
        "elsteraue",
        hours="einmal im Monat, freitags ab 17 Uhr",
        helpers=4,
    ),
    NeedSpec(
        "Umzugshilfe für eine Familie in Weißenfels",
        "<p>Eine fünfköpfige Familie zieht aus der Unterkunft in ihre erste eigene Wohnung. "
        "Wir suchen Hilfe beim Tragen und beim Aufbau der Möbel.</p>",
        "Kräftige Hände, Akkuschrauber willkommen",
        ("wohnen",),
        "weissenfels",
        commitment=ONE_OFF,
        hours="ein Samstag, ca. 5 Stunden",
        helpers=4,
        starts_in=18,
        ends_in=18,
    ),
    NeedSpec(
        "Computerkurs für Seniorinnen aus der Ukraine",
        "<p>Videoanrufe mit den Enkeln, Online-Banking, Formulare am Computer: Wir möchten "
        "einen kleinen Kurs anbieten und suchen geduldige Kursleitung.</p>",
        "Sicherer Umgang mit Smartphone und Computer; Russisch oder Ukrainisch hilfreich",
        ("schule-und-bildung",),
        "teuchern",
        hours="6 Termine à 90 Minuten",
        languages=("uk", "ru"),
    ),
    NeedSpec(
        "Übersetzung eines Flyers ins Tigrinya",
        "<p>Unser Informationsblatt zur Beratung soll auch auf Tigrinya erscheinen – etwa eine "
        "Seite Text.</p>",
        "Tigrinya als Muttersprache und gutes Deutsch",
        ("dolmetschen",),
        None,
        commitment=ONE_OFF,
        hours="einmalig 2–3 Stunden",
        languages=("ti",),
        online=True,
    ),
    NeedSpec(
        "Begleitung zum Schwimmkurs für Frauen",
        "<p>Der Schwimmkurs nur für Frauen findet im Hallenbad statt. Einige Teilnehmerinnen "
        "wünschen sich Begleitung auf dem Weg und beim ersten Mal.</p>",
        "Weibliche Begleitung, gern mit Farsi- oder Arabischkenntnissen",
        ("frauen", "freizeit-und-sport"),
        "zeitz",
        hours="sonntags 14–16 Uhr",
        languages=("fa", "ar"),
        helpers=2,
    ),
)

EXPIRED_NEED = NeedSpec(
    "Helfende für die Weihnachtsfeier",
    "<p>Für unsere Weihnachtsfeier haben wir Unterstützung beim Dekorieren gesucht.</p>",
    "Festliche Stimmung",
    ("kultur-und-begegnung",),
    "naumburg-saale",
    commitment=ONE_OFF,
    hours="einmalig 4 Stunden",
    helpers=3,
    starts_in=-20,
    ends_in=-20,
)

HELPERS: tuple[tuple[str, str, str, str], ...] = (
    ("Marlene Kuhnert", "marlene.kuhnert@example.org", "", "Ich bin pensionierte Lehrerin."),
    ("Yusuf Demir", "", "0176 5550123", "Ich spreche Arabisch und Türkisch."),
    ("Anja Ritter", "anja.ritter@example.org", "03443 555901", ""),
    ("Oleksandr Bondar", "o.bondar@example.org", "", "Dienstags und donnerstags geht es."),
    ("Jonas Weber", "jonas.weber@example.org", "", "Ich studiere Lehramt in Halle."),
    ("Samira Haidari", "", "0157 5550777", "Ich kann Dari und Farsi."),
)


def _day(today: datetime.date, offset: int | None) -> datetime.date | None:
    return None if offset is None else today + datetime.timedelta(days=offset)


def load_demo_needs(rng: random.Random) -> int:
    """Create the demo needs and a few replies; returns how many needs were created.

    Nothing happens when needs exist already, so a second run of the demo loader is harmless.
    Dates are relative to today, everything else follows from the seed of `rng`.
    """
    if Need.objects.exists():
        return 0
    actors = list(Actor.objects.published().order_by("slug"))
    if not actors:
        return 0
    coordinator_actor = next((a for a in actors if a.slug == COORDINATOR_ACTOR_SLUG), None)
    by_id = {actor.pk: actor for actor in actors}
    by_place: dict[str, list[Actor]] = {}
    for slug, actor_id in (
        Location.objects.filter(actor__in=actors)
        .order_by("municipality__slug", "actor__slug")
        .values_list("municipality__slug", "actor_id")
        .distinct()
    ):
        if by_id[actor_id] not in by_place.setdefault(slug, []):
            by_place[slug].append(by_id[actor_id])
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    languages = {language.code: language for language in Language.objects.all()}
    places = {place.slug: place for place in Municipality.objects.all()}
    today = timezone.localdate()

    def create(spec: NeedSpec, actor: Actor, status: str = Need.Status.OPEN) -> Need:
        contacts = list(actor.contacts.all())
        need = Need.objects.create(
            actor=actor,
            title=spec.title,
            description=spec.description,
            skills=spec.skills,
            municipality=places.get(spec.municipality) if spec.municipality else None,
            is_online=spec.online or not spec.municipality,
            commitment=spec.commitment,
            hours=spec.hours,
            start_date=_day(today, spec.starts_in),
            end_date=_day(today, spec.ends_in),
            helpers_wanted=spec.helpers,
            status=status,
            contact_person=contacts[0] if contacts else None,
        )
        need.topics.set([topics[slug] for slug in spec.topics if slug in topics])
        need.languages.set([languages[code] for code in spec.languages if code in languages])
        return need

    with transaction.atomic():
        needs: list[Need] = []
        if coordinator_actor is not None:
            needs += [create(spec, coordinator_actor) for spec in COORDINATOR_NEEDS]
        others = [actor for actor in actors if actor != coordinator_actor] or actors
        for spec in NEEDS:
            nearby = [a for a in by_place.get(spec.municipality or "", []) if a in others]
            needs.append(create(spec, rng.choice(nearby or others)))
        needs.append(create(EXPIRED_NEED, rng.choice(others), status=Need.Status.EXPIRED))
        _add_replies(rng, needs[:3] + rng.sample(needs[3:-1], 3))
    return len(needs)


def _add_replies(rng: random.Random, needs: list[Need]) -> None:
    statuses = list(HelpOffer.Status)
    for index, need in enumerate(needs):
        name, email, phone, message = HELPERS[index % len(HELPERS)]
        offer = HelpOffer.objects.create(
            need=need,
            name=name,
            email=email,
            phone=phone,
            message=message,
            consent=True,
            status=statuses[index % len(statuses)] if index else HelpOffer.Status.NEW,
        )
        offer.languages.set(
            Language.objects.filter(code__in=rng.sample(["de", "ar", "uk", "fa", "en"], 2))
        )
