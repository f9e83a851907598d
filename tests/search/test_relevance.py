"""How well the database backend ranks, measured on the demo network.

Each query names the results a person typing it wants (by title), or says which structured
facts make a result relevant (topic, municipality, language) where the answer is a set. A
query's precision@5 is the share of the first five results that are relevant, out of the
number of relevant results when fewer than five exist. A query that finds nothing is run again
as its "did you mean" correction, as a person would by following the link. The mean over all
queries must not drop below the figure recorded in docs/search.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from events.models import Event
from needs.models import Need
from network.models import Actor
from search import spelling
from search.backends import get_search_backend
from search.backends.database import DatabaseSearchBackend
from search.services import in_list_order

# Every test reads the module's demo network (tests/search/conftest.py); marked, so that they run
# with the other database tests, before any test that commits and flushes the tables.
pytestmark = pytest.mark.django_db

# 60.2 of 61 with events and offers judged, an actor's own offers ranked as its name
# (docs/search.md); compared at three decimals.
PRECISION_AT_5_FLOOR = 0.987
# The kinds the set was judged on; a kind registered later is judged when it is added. Hits are
# judged in the order /search/ lists them (offers after the other kinds, search.services).
JUDGED_KINDS = ["actor", "need", "page", "event", "offer"]


@dataclass(frozen=True)
class Facts:
    """Relevant: live actors, public needs and published events with all of these."""

    topic: str = ""
    municipality: str = ""
    language: str = ""

    def titles(self) -> set[str]:
        actors = Actor.objects.filter(live=True)
        needs = Need.objects.public()
        events = Event.objects.published()
        if self.topic:
            actors = actors.filter(topics__slug=self.topic)
            needs = needs.filter(topics__slug=self.topic)
            events = events.filter(topics__slug=self.topic)
        if self.municipality:
            actors = actors.filter(locations__municipality__slug=self.municipality)
            needs = needs.filter(municipality__slug=self.municipality)
            events = events.filter(municipality__slug=self.municipality)
        if self.language:
            actors = actors.filter(languages__code=self.language)
            needs = needs.filter(languages__code=self.language)
            events = events.filter(languages__code=self.language)
        return (
            set(actors.values_list("name", flat=True))
            | set(needs.values_list("title", flat=True))
            | set(events.values_list("title", flat=True))
        )


AGENCY = "Migrationsagentur – "
WORK = {
    f"{AGENCY}Agentur für Arbeit",
    f"{AGENCY}Jobcenter",
    "Projekt „Arbeit ohne Grenzen“ – Beratung für EU-Beschäftigte",
    "Projekt „Brücken in Arbeit“ Weißenfels",
    "Welcome Center für internationale Fachkräfte Burgenlandkreis",
    "Regionale Jobmesse Burgenlandkreis",
}
HOUSING = {f"{AGENCY}Unterbringung", "Unterstützung bei der Wohnungssuche"}
NAEHCAFE = "Nähcafé Weißenfels"
CITIZENS = {"Bürgerhilfe Laucha", "Bürgerhilfe Memleben", "Bürgerhilfe Tröglitz"}
KITAS = {
    "Kita „Regenbogen“ Balgstädt",
    "Kita „Regenbogen“ Droyßig",
    "Kita „Regenbogen“ Lützen",
    "Kita „Sonnenschein“ Naumburg",
    "Kita „Sonnenschein“ Zeitz",
    "Kita „Spatzennest“ Molau",
}
TIGRINYA = {
    "Ehrenamtliche Sprachmittlerin Tigrinya (Naumburg)",
    "Ehrenamtliche Sprachmittlerin Tigrinya (Zeitz)",
    "Übersetzung eines Flyers ins Tigrinya",
    "Eritreische Gemeinschaft Zeitz",
}
COUNSELLING = {
    "Psychosoziale Beratung für Geflüchtete Naumburg",
    "Projekt „Arbeit ohne Grenzen“ – Beratung für EU-Beschäftigte",
    "Beratungsstelle für Migration und Flucht Weißenfels",
    "Caritas Migrationsberatung Zeitz",
    "Diakonie Sozialberatung Weißenfels",
    f"{AGENCY}Integrationsberatung",
    "Beratung Wohnungssuche",
}

QUERIES: dict[str, set[str] | Facts] = {
    # known items, German
    "Caritas Migrationsberatung": {"Caritas Migrationsberatung Zeitz"},
    "Ausländerbehörde": {f"{AGENCY}Ausländerbehörde"},
    "Jobcenter": {f"{AGENCY}Jobcenter"},
    "Eingangszone": {f"{AGENCY}Eingangszone"},
    "Beratungsstelle Weißenfels": {"Beratungsstelle für Migration und Flucht Weißenfels"},
    "Tafel": {"Zeitzer Tafel e.V."},
    "Volkshochschule Naumburg": {"Volkshochschule Burgenlandkreis – Standort Naumburg"},
    "Kurdischer Kulturverein": {"Kurdischer Kulturverein Naumburg e.V."},
    "Ukrainische Gemeinschaft": {"Ukrainische Gemeinschaft Burgenlandkreis e.V."},
    "Datenschutz": {"Datenschutz"},
    "Impressum": {"Impressum"},
    "Über das Netzwerk": {"Über das Netzwerk"},
    "Sozialkaufhaus Naumburg": {"Sozialkaufhaus Naumburg"},
    "Schwimmkurs Frauen": {"Begleitung zum Schwimmkurs für Frauen"},
    "Begleitung Behördentermine": {"Begleitung zu Behördenterminen"},
    "Kita Naumburg": {"Kita „Sonnenschein“ Naumburg"},
    # sets, German
    "Deutschkurs Zeitz": Facts(topic="deutschkurs", municipality="zeitz"),
    "Arabisch Beratung": Facts(topic="beratung", language="ar"),
    "Elterncafé": {
        "Elterncafé international Bergisdorf",
        "Elterncafé international Freyburg",
        "Elterncafé international Hohenmölsen",
        "Elterncafé international Stößen",
        "Elterncafé international Theißen",
        "Elterncafé international Tröglitz",
        "Elterncafé international Wetterzeube",
        "Elterncafé mit Kinderbetreuung",
    },
    "Feuerwehr": {
        "Freiwillige Feuerwehr Osterfeld – Kinder- und Jugendfeuerwehr",
        "Freiwillige Feuerwehr Theißen – Kinder- und Jugendfeuerwehr",
    },
    "Kleiderkammer": {"Kleiderkammer Gleina", "Kleiderkammer Hohenmölsen"},
    "Seniorentreff": {
        "Seniorentreff Goseck",
        "Seniorentreff Hohenmölsen",
        "Seniorentreff Naumburg",
    },
    "Tigrinya": TIGRINYA,
    "Dolmetschen Arabisch": {
        "Dolmetschen Arabisch beim Elternabend",
        "Ehrenamtliche Sprachmittlerin Arabisch und Kurdisch (Weißenfels)",
    },
    # stemming and compound heads
    "Sprachkurse": Facts(topic="deutschkurs"),
    "Fahrrad": {
        "Ehrenamtlicher Fahrradpate (Freyburg)",
        "Ehrenamtlicher Fahrradpate (Goseck)",
        "Ehrenamtlicher Fahrradpate (Nebra)",
        "Fahrradwerkstatt: Schrauber:innen gesucht",
    },
    "Hausaufgabenhilfe": {
        "Hausaufgabenhilfe Osterfeld",
        "Hausaufgabenhilfe Theißen",
        "Online-Hausaufgabenhilfe Mathematik (Klasse 5–8)",
    },
    "Lernpaten": {
        "Lernpaten Bad Bibra",
        "Lernpaten Teuchern",
        "Ehrenamtliche Lernpaten Hohenmölsen",
        "Lernpat:innen für Grundschulkinder in Hohenmölsen",
        "Lernpat:innen für Grundschulkinder in Zeitz",
    },
    "Interkulturelle Gärten": {
        "Interkultureller Garten Tröglitz",
        "Interkultureller Garten Wetterzeube",
    },
    "Kita": KITAS | {"Infoveranstaltung Kita-Anmeldung"},
    # umlauts and ß, written or transcribed
    "Auslaenderbehoerde": {f"{AGENCY}Ausländerbehörde"},
    "Auslanderbehorde": {f"{AGENCY}Ausländerbehörde"},
    "Naehcafe Weissenfels": {NAEHCAFE},
    "Nähcafé Weißenfels": {NAEHCAFE},
    "Buergerhilfe": CITIZENS,
    "Droyssig": {"Gemeinschaftsgarten Droyßig", "Kita „Regenbogen“ Droyßig"},
    "Stoessen": {"Dorfgemeinschaft Stößen e.V.", "Elterncafé international Stößen"},
    # synonyms
    "Wohnung": HOUSING,
    "Unterkunft": HOUSING,
    "Job": WORK,
    "Beschäftigung": WORK,
    "Integrationskurs": Facts(topic="deutschkurs"),
    # typos, through "did you mean"
    "Beratnug": COUNSELLING,
    "Jobcenetr": {f"{AGENCY}Jobcenter"},
    "Kleiderkamer": {"Kleiderkammer Gleina", "Kleiderkammer Hohenmölsen"},
    "Volkshochshule": {"Volkshochschule Burgenlandkreis – Standort Naumburg"},
    "Eingangzone": {f"{AGENCY}Eingangszone"},
    # events
    "Jobmesse": {"Regionale Jobmesse Burgenlandkreis"},
    "Erste Hilfe Kurs": {"Erste-Hilfe-Kurs auf Arabisch und Deutsch"},
    "Weihnachtsfest": {"Interkulturelles Weihnachtsfest"},
    "Einbürgerung Informationsabend": {"Informationsabend: Einbürgerung nach dem neuen Recht"},
    "Kochabend Syrien": {"Kochabend: Rezepte aus Syrien"},
    "Lauftreff": {"Lauftreff international"},
    "Bewerbungstraining": {"Bewerbungstraining für Frauen"},
    # English
    "refugee counselling": {"Psychosoziale Beratung für Geflüchtete Naumburg"},
    "housing": HOUSING,
    "work": WORK,
    "childcare": KITAS | {"Infoveranstaltung Kita-Anmeldung", "Elterncafé mit Kinderbetreuung"},
    "Welcome Center": {"Welcome Center für internationale Fachkräfte Burgenlandkreis"},
    "Refugee Law Clinic": {"Refugee Law Clinic – Sprechstunde Naumburg"},
    "Arabic interpreting": {
        "Dolmetschen Arabisch beim Elternabend",
        "Ehrenamtliche Sprachmittlerin Arabisch und Kurdisch (Weißenfels)",
    },
}


def top_titles(query: str) -> list[str]:
    backend = get_search_backend()
    hits = backend.search(query, kinds=JUDGED_KINDS, public_only=True)
    if not hits and (correction := spelling.did_you_mean(query)):
        hits = backend.search(correction, kinds=JUDGED_KINDS, public_only=True)
    return [hit.title for hit in in_list_order(hits)[:5]]


def precision_at_5(found: list[str], relevant: set[str]) -> float:
    if not relevant:
        return 0.0
    return sum(title in relevant for title in found[:5]) / min(5, len(relevant))


def test_it_ranks_the_expected_results_first_on_the_demo_network(demo, capsys):
    spelling.refresh_vocabulary.call()  # as the worker does after the index changed
    assert isinstance(get_search_backend(), DatabaseSearchBackend)
    assert len(QUERIES) >= 40
    scores: dict[str, float] = {}
    misses: dict[str, list[str]] = {}
    for query, expected in QUERIES.items():
        relevant = expected.titles() if isinstance(expected, Facts) else expected
        assert relevant, f"no relevant results defined for {query!r}"
        found = top_titles(query)
        scores[query] = precision_at_5(found, relevant)
        if scores[query] < 1:
            misses[query] = found
    mean = sum(scores.values()) / len(scores)
    with capsys.disabled():
        print(f"\nprecision@5 over {len(scores)} queries: {mean:.3f}")
        for query, found in misses.items():
            print(f"  {scores[query]:.2f} {query!r}: {found}")
    assert round(mean, 3) >= PRECISION_AT_5_FLOOR


# Held out (issue 20): queries the set above was not tuned on, each with the results one of
# which must come first, in German and in the languages the demo's texts are translated into
# (asked as a visitor of that language's pages asks: the translations and the German text).
VHS = "Volkshochschule Burgenlandkreis – Standort Naumburg"
GERMAN_COURSES = {VHS, "Sprachcafé Weißenfels e.V.", "Frauentreff Zeitz-Ost"}
HOUSING_HELP = {"Beratung Wohnungssuche", "Unterstützung bei der Wohnungssuche"}
COUNSELLING_HOURS = {
    "Beratung Wohnungssuche",
    "Offene Rechtsberatung zum Aufenthalt",
    "Sprechstunde Schuldnerberatung",
    "Online-Sprechstunde Anerkennung ausländischer Abschlüsse",
}
HOMEWORK_HELP = {
    "Hausaufgabenhilfe am Nachmittag",
    "Hausaufgabenhilfe Osterfeld",
    "Hausaufgabenhilfe Theißen",
}
HELD_OUT: list[tuple[str, str, set[str]]] = [
    ("de", "Deutschkurs", GERMAN_COURSES),
    ("de", "Integrationskurs", {VHS}),
    ("de", "Fahrradkurs", {"Frauentreff Zeitz-Ost"}),
    ("de", "Wohnungssuche", HOUSING_HELP),
    ("de", "Hausaufgabenhilfe", {"Hausaufgabenhilfe am Nachmittag", "Hausaufgabenhilfe Osterfeld"}),
    ("de", "Schwimmkurs", {"Begleitung zum Schwimmkurs für Frauen", "Schwimmkurs für Frauen"}),
    ("ar", "دورة ألمانية", {VHS}),
    ("ar", "إسعافات", {"Erste-Hilfe-Kurs auf Arabisch und Deutsch"}),
    ("uk", "житла", HOUSING_HELP),
    ("ru", "консультация", COUNSELLING_HOURS),
    ("fa", "مشاوره", COUNSELLING_HOURS),
    ("tr", "danışmanlık", COUNSELLING_HOURS),
    # Several words in a translation, which PostgreSQL once scored by the nearness of any two
    # of their forms (docs/search.md, "The engine's rank on PostgreSQL").
    ("ar", "مساعدة في الواجبات المدرسية", HOMEWORK_HELP),
    ("en", "homework help", HOMEWORK_HELP),
]


def test_it_puts_the_expected_result_first_for_held_out_queries(demo):
    backend = get_search_backend()
    wrong = {}
    for language, query, expected in HELD_OUT:
        hits = backend.search(query, public_only=True, language=language)
        found = [hit.title for hit in in_list_order(hits)]
        if not found or found[0] not in expected:
            wrong[(language, query)] = found[:5]
    assert wrong == {}


@pytest.mark.xfail(
    reason="the need 'Fahrdienst zum Sprachkurs' has the word as typed in its title, the "
    "courses only in their offers' names, and the title's tier comes first (docs/search.md, "
    "Relevance): open in issue 20",
    strict=True,
)
def test_it_puts_a_language_course_first_for_sprachkurs(demo):
    titles = [hit.title for hit in in_list_order(get_search_backend().search("Sprachkurs"))]

    assert titles[0] in GERMAN_COURSES


def test_it_ranks_a_german_course_above_a_need_for_a_driver_to_one(demo):
    titles = [hit.title for hit in in_list_order(get_search_backend().search("Deutschkurs"))]

    assert titles[0] in GERMAN_COURSES
    assert titles.index(VHS) < titles.index("Fahrdienst zum Sprachkurs")
