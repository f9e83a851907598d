"""Kinds of actors that recur across the district, written once and placed in many Gemeinden.

"{town}" in any text stands for the place the actor is put in. Archetypes marked urban only
appear in the larger towns, where counselling services and migrant organisations really are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from demo.network.specs import (
    APPOINTMENT,
    COUNSELLING,
    NO_HOURS,
    OFFICE,
    SUN,
    THU,
    TUE,
    TWICE,
    WED,
    WEEKEND,
    WEEKLY,
    ActorSpec,
    OfferSpec,
)


@dataclass(frozen=True)
class Archetype:
    spec: ActorSpec
    names: tuple[str, ...]
    urban_only: bool = False


def _archetype(names: tuple[str, ...], *, urban_only: bool = False, **spec: Any) -> Archetype:
    """Keep the archetype list readable: the spec's name and place are filled in later."""
    return Archetype(
        spec=ActorSpec(name=names[0], municipality="", **spec),
        names=names,
        urban_only=urban_only,
    )


ARCHETYPES: tuple[Archetype, ...] = (
    _archetype(
        ("Sprachcafé {town}", "Deutsch-Treff {town}"),
        kind="volunteer_initiative",
        short_description=(
            "Einmal pro Woche Deutsch sprechen bei Kaffee und Kuchen – ohne Anmeldung."
        ),
        description=(
            "<p>Im Sprachcafé üben Menschen, die Deutsch lernen, mit Ehrenamtlichen aus {town} "
            "das Sprechen im Alltag. Wer schon besser Deutsch kann, hilft den Neuen.</p>"
            "<ul><li>Gespräche in kleinen Gruppen</li><li>Hilfe bei Briefen</li>"
            "<li>Spielecke für Kinder</li></ul>"
        ),
        topics=("sprachcafe", "deutschkurs", "kultur-und-begegnung"),
        target_groups=("gefluechtete", "neuzugewanderte"),
        languages=("de",),
        hours=WEEKLY,
        has_website=False,
        offers=(
            OfferSpec(
                name="Offenes Sprachcafé",
                description="Deutsch sprechen in gemütlicher Runde, alle Niveaus willkommen.",
                topics=("sprachcafe", "kultur-und-begegnung"),
                target_groups=("gefluechtete", "neuzugewanderte"),
                how_to_access="Einfach vorbeikommen, keine Anmeldung nötig.",
            ),
            OfferSpec(
                name="Lesepaten für Behördenbriefe",
                description="Wir lesen gemeinsam Post vom Amt und erklären, was zu tun ist.",
                topics=("beratung",),
                target_groups=("gefluechtete",),
            ),
        ),
    ),
    _archetype(
        ("Lernpaten {town}", "Hausaufgabenhilfe {town}"),
        kind="volunteer_initiative",
        short_description="Ehrenamtliche helfen Schulkindern nach dem Unterricht beim Lernen.",
        description=(
            "<p>Zweimal pro Woche öffnen wir in {town} einen Raum zum Lernen. Ehrenamtliche – "
            "viele davon pensionierte Lehrkräfte – helfen bei Hausaufgaben, beim Lesen und in "
            "Mathe.</p>"
        ),
        topics=("schule-und-bildung", "ehrenamt", "kinder-und-familie"),
        target_groups=("kinder-und-jugendliche", "ehrenamtliche"),
        languages=("de",),
        hours=TWICE,
        has_website=False,
        offers=(
            OfferSpec(
                name="Hausaufgabenhilfe",
                description="Für Kinder der Klassen 1 bis 6, in kleinen Gruppen.",
                topics=("schule-und-bildung",),
                target_groups=("kinder-und-jugendliche",),
                how_to_access="Eltern melden ihr Kind beim ersten Besuch an.",
            ),
            OfferSpec(
                name="Lesepatenschaft",
                description="Eine Stunde pro Woche gemeinsam lesen, eins zu eins.",
                topics=("schule-und-bildung",),
                target_groups=("kinder-und-jugendliche",),
                availability="waiting_list",
            ),
        ),
    ),
    _archetype(
        ("Evangelische Kirchengemeinde {town}", "Evangelisches Kirchspiel {town}"),
        kind="association",
        short_description="Gemeindehaus mit Begegnungscafé, Kleiderkammer und offener Tür.",
        description=(
            "<p>Die Kirchengemeinde {town} lädt alle Menschen ins Gemeindehaus ein – "
            "unabhängig von Glauben und Herkunft. Ehrenamtliche organisieren ein monatliches "
            "Begegnungscafé und sammeln Kleiderspenden.</p>"
        ),
        topics=("kultur-und-begegnung", "ehrenamt"),
        target_groups=("gefluechtete", "aeltere-menschen", "familien"),
        languages=("de", "en"),
        hours=WEEKLY,
        offers=(
            OfferSpec(
                name="Begegnungscafé im Gemeindehaus",
                description="Einmal im Monat am Sonntagnachmittag, mit Kuchen und Gesprächen.",
                topics=("kultur-und-begegnung",),
                target_groups=("gefluechtete", "aeltere-menschen"),
            ),
            OfferSpec(
                name="Kleiderkammer",
                description="Gespendete Kleidung für Erwachsene und Kinder.",
                topics=("kinder-und-familie",),
                target_groups=("familien",),
            ),
        ),
    ),
    _archetype(
        (
            "Katholische Pfarrei St. Peter und Paul {town}",
            "Katholische Gemeinde St. Elisabeth {town}",
        ),
        urban_only=True,
        kind="association",
        short_description="Internationale Gottesdienste, Gemeindefrühstück und Hilfe in Notlagen.",
        description=(
            "<p>In unserer Pfarrei feiern Katholikinnen und Katholiken aus Polen, Eritrea, "
            "Vietnam und Deutschland gemeinsam. Die Gemeindecaritas hilft in Notlagen schnell "
            "und unbürokratisch.</p>"
        ),
        topics=("kultur-und-begegnung", "beratung"),
        target_groups=("familien", "neuzugewanderte"),
        languages=("de", "pl", "en"),
        hours=WEEKLY,
        slots=((SUN, "10:30", "12:00", False),),
        offers=(
            OfferSpec(
                name="Gemeindefrühstück international",
                description="Nach der Sonntagsmesse, alle sind eingeladen.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien",),
            ),
            OfferSpec(
                name="Nothilfe der Gemeindecaritas",
                description="Überbrückung bei akuter Not, Vermittlung an Beratungsstellen.",
                topics=("beratung",),
                target_groups=("familien", "neuzugewanderte"),
                how_to_access="Über das Pfarrbüro.",
            ),
        ),
    ),
    _archetype(
        ("SV Eintracht {town} e.V.", "TSV {town} e.V.", "SG Grün-Weiß {town} e.V."),
        kind="association",
        short_description=(
            "Sportverein mit offenen Trainings – Mitmachen ist ohne Mitgliedschaft möglich."
        ),
        description=(
            "<p>Unser Verein in {town} bietet Fußball, Tischtennis und Gymnastik. Neu "
            "Zugezogene können vier Wochen kostenlos mittrainieren; danach hilft der Verein "
            "bei der Finanzierung über das Bildungs- und Teilhabepaket.</p>"
        ),
        topics=("freizeit-und-sport", "ehrenamt"),
        target_groups=("kinder-und-jugendliche", "familien", "gefluechtete"),
        languages=("de",),
        hours=TWICE,
        slots=((TUE, "18:00", "20:00", False), (THU, "16:00", "18:00", False)),
        offers=(
            OfferSpec(
                name="Offenes Fußballtraining",
                description="Für Kinder und Jugendliche, Bälle und Leibchen sind da.",
                topics=("freizeit-und-sport",),
                target_groups=("kinder-und-jugendliche",),
            ),
            OfferSpec(
                name="Tischtennis für alle",
                description="Dienstagabend in der Turnhalle, auch für Ältere.",
                topics=("freizeit-und-sport",),
                target_groups=("aeltere-menschen", "familien"),
            ),
            OfferSpec(
                name="Gymnastik für Frauen",
                description="Bewegung und Entspannung in einer reinen Frauengruppe.",
                topics=("freizeit-und-sport", "frauen"),
                target_groups=("frauen",),
                is_free=False,
                cost_note="3 € pro Termin, ermäßigt frei",
            ),
        ),
    ),
    _archetype(
        ("Nachbarschaftshilfe {town}", "Bürgerhilfe {town}"),
        kind="volunteer_initiative",
        short_description=(
            "Nachbarn helfen Nachbarn: Begleitung zu Terminen, Einkaufsfahrten, Umzüge."
        ),
        description=(
            "<p>Die Nachbarschaftshilfe {town} vermittelt kleine Hilfen im Alltag – für alte "
            "Menschen ebenso wie für neu zugezogene Familien. Wir fahren zu Terminen in der "
            "Kreisstadt und helfen beim Einrichten der Wohnung.</p>"
        ),
        topics=("ehrenamt", "mobilitaet", "wohnen"),
        target_groups=("aeltere-menschen", "gefluechtete", "menschen-mit-behinderung"),
        languages=("de",),
        hours=APPOINTMENT,
        has_website=False,
        offers=(
            OfferSpec(
                name="Fahrdienst zu Terminen",
                description="Ehrenamtliche fahren zu Ärzten, Ämtern und zur Migrationsagentur.",
                topics=("mobilitaet",),
                target_groups=("aeltere-menschen", "gefluechtete", "menschen-mit-behinderung"),
                how_to_access="Telefonisch mit einigen Tagen Vorlauf anfragen.",
            ),
            OfferSpec(
                name="Hilfe beim Einzug",
                description="Möbel aufbauen, Lampen anschließen, Nachbarschaft kennen lernen.",
                topics=("wohnen", "ehrenamt"),
                target_groups=("gefluechtete", "familien"),
            ),
        ),
    ),
    *(
        _archetype(
            (name,),
            urban_only=urban_only,
            kind="volunteer",
            short_description="Übersetzt ehrenamtlich bei Terminen in {town} und Umgebung.",
            description=(
                "<p>Ich begleite ehrenamtlich zu Arztbesuchen, Elternabenden und "
                "Behördenterminen und übersetze mündlich. Bitte frühzeitig anfragen – ich bin "
                "berufstätig.</p>"
            ),
            topics=("dolmetschen", "ehrenamt"),
            target_groups=("gefluechtete", "familien"),
            languages=("de", *languages),
            hours=NO_HOURS,
            has_website=False,
            offers=(
                OfferSpec(
                    name="Sprachmittlung bei Terminen",
                    description="Mündliche Übersetzung, keine beglaubigten Dokumente.",
                    topics=("dolmetschen",),
                    target_groups=("gefluechtete",),
                    languages=languages,
                    how_to_access="Anfrage per E-Mail, mindestens eine Woche vorher.",
                ),
            ),
        )
        # Ukrainians were housed all over the district; other communities live in the towns.
        for name, languages, urban_only in (
            ("Ehrenamtliche Sprachmittlerin Tigrinya ({town})", ("ti", "am"), True),
            ("Ehrenamtlicher Sprachmittler Dari und Paschtu ({town})", ("fa", "ps"), True),
            ("Ehrenamtliche Sprachmittlerin Ukrainisch und Russisch ({town})", ("uk", "ru"), False),
        )
    ),
    _archetype(
        ("Ehrenamtlicher Fahrradpate ({town})", "Ehrenamtliche Lesepatin ({town})"),
        kind="volunteer",
        short_description="Engagiert sich ehrenamtlich für Neuzugewanderte in {town}.",
        description=(
            "<p>Seit einigen Jahren helfe ich in {town}, wo es gerade nötig ist: Fahrräder "
            "flicken, vorlesen, den Weg zum Amt zeigen. Über die Ehrenamtskoordination der "
            "Migrationsagentur bin ich erreichbar.</p>"
        ),
        topics=("ehrenamt", "mobilitaet", "schule-und-bildung"),
        target_groups=("gefluechtete", "kinder-und-jugendliche"),
        languages=("de", "en"),
        hours=NO_HOURS,
        has_website=False,
        offers=(
            OfferSpec(
                name="Fahrrad-Reparatur und Verkehrsregeln",
                description="Räder verkehrssicher machen und die wichtigsten Regeln erklären.",
                topics=("mobilitaet",),
                target_groups=("gefluechtete",),
            ),
            OfferSpec(
                name="Vorlesen und Lesen üben",
                description="Für Grundschulkinder, einmal pro Woche.",
                topics=("schule-und-bildung",),
                target_groups=("kinder-und-jugendliche",),
            ),
        ),
    ),
    _archetype(
        ("Heimatverein {town} e.V.", "Dorfgemeinschaft {town} e.V."),
        kind="association",
        short_description="Dorffeste, Gemeinschaftsgarten und ein offenes Haus für neue Nachbarn.",
        description=(
            "<p>Der Verein pflegt das Dorfleben in {town}. Zum Willkommensfest laden wir jedes "
            "Jahr alle ein, die neu in den Ort gezogen sind – egal woher.</p>"
        ),
        topics=("kultur-und-begegnung", "freizeit-und-sport", "ehrenamt"),
        target_groups=("familien", "aeltere-menschen", "neuzugewanderte"),
        languages=("de",),
        hours=WEEKEND,
        has_website=False,
        offers=(
            OfferSpec(
                name="Willkommensfest",
                description="Jedes Jahr im Juni auf dem Dorfplatz.",
                topics=("kultur-und-begegnung",),
                target_groups=("neuzugewanderte", "familien"),
            ),
            OfferSpec(
                name="Gemeinschaftsgarten",
                description="Beete zum Mitgärtnern, Werkzeug ist vorhanden.",
                topics=("freizeit-und-sport",),
                target_groups=("familien", "aeltere-menschen"),
            ),
        ),
    ),
    _archetype(
        ("Freiwillige Feuerwehr {town} – Kinder- und Jugendfeuerwehr",),
        kind="association",
        short_description="Kinder- und Jugendfeuerwehr: Technik, Teamgeist und Freunde finden.",
        description=(
            "<p>Die Jugendfeuerwehr {town} trifft sich jede Woche im Gerätehaus. Kinder aus "
            "allen Familien sind willkommen; Schutzkleidung wird gestellt.</p>"
        ),
        topics=("freizeit-und-sport", "ehrenamt"),
        target_groups=("kinder-und-jugendliche",),
        languages=("de",),
        hours=WEEKLY,
        offers=(
            OfferSpec(
                name="Jugendfeuerwehr für Kinder ab 10 Jahren",
                description="Löschübungen, Erste Hilfe, Zeltlager im Sommer.",
                topics=("freizeit-und-sport",),
                target_groups=("kinder-und-jugendliche",),
            ),
        ),
    ),
    _archetype(
        ("Kita „Regenbogen“ {town}", "Kita „Sonnenschein“ {town}", "Kita „Spatzennest“ {town}"),
        kind="public_service",
        short_description="Sprach-Kita mit alltagsintegrierter Sprachförderung und Elterncafé.",
        description=(
            "<p>In unserer Kita in {town} wachsen Kinder mit vielen Sprachen auf. Eine "
            "Sprachfachkraft fördert Deutsch im Alltag; die Familiensprachen haben ihren "
            "festen Platz.</p>"
        ),
        topics=("kinder-und-familie", "schule-und-bildung"),
        target_groups=("familien", "kinder-und-jugendliche"),
        languages=("de",),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Sprachförderung in der Kita",
                description="Alltagsintegrierte Sprachbildung für Kinder von 1 bis 6 Jahren.",
                topics=("kinder-und-familie", "schule-und-bildung"),
                target_groups=("kinder-und-jugendliche",),
                eligibility="Kinder mit Kita-Platz (Anmeldung über die Gemeinde).",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Elterncafé",
                description="Eltern lernen sich kennen und fragen, was sie wissen möchten.",
                topics=("kinder-und-familie", "kultur-und-begegnung"),
                target_groups=("familien",),
            ),
        ),
    ),
    _archetype(
        ("Grundschule {town} – Schulsozialarbeit", "Sekundarschule {town} – Schulsozialarbeit"),
        kind="public_service",
        short_description="Schulsozialarbeit: Ansprechpartnerin für Kinder, Eltern und Lehrkräfte.",
        description=(
            "<p>Die Schulsozialarbeit unterstützt Kinder und Familien bei Fragen rund um "
            "Schule, Ausflüge, Bildungs- und Teilhabepaket und Konflikte. Für Elterngespräche "
            "organisieren wir Sprachmittlung.</p>"
        ),
        topics=("schule-und-bildung", "beratung", "kinder-und-familie"),
        target_groups=("kinder-und-jugendliche", "familien"),
        languages=("de", "en"),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Beratung für Eltern neu zugewanderter Kinder",
                description="Schulsystem, Zeugnisse, Ganztag und Lernförderung erklärt.",
                topics=("schule-und-bildung", "beratung"),
                target_groups=("familien",),
            ),
            OfferSpec(
                name="Sprachförderung Deutsch als Zweitsprache",
                description="Zusätzliche Deutschstunden in Kleingruppen während des Unterrichts.",
                topics=("deutschkurs", "schule-und-bildung"),
                target_groups=("kinder-und-jugendliche",),
            ),
        ),
    ),
    _archetype(
        ("Tafel {town}",),
        urban_only=True,
        kind="association",
        short_description=(
            "Lebensmittel für Menschen mit wenig Geld, ausgegeben von Ehrenamtlichen."
        ),
        description=(
            "<p>Die Tafel {town} sammelt Lebensmittel, die sonst weggeworfen würden, und gibt "
            "sie an Bedürftige weiter. Rund 40 Ehrenamtliche sorgen dafür, dass es jede Woche "
            "klappt.</p>"
        ),
        topics=("ehrenamt", "kinder-und-familie"),
        target_groups=("familien", "aeltere-menschen", "ehrenamtliche"),
        languages=("de", "ru"),
        hours=TWICE,
        offers=(
            OfferSpec(
                name="Lebensmittelausgabe",
                description="Mit Berechtigungsnachweis, zweimal pro Woche.",
                topics=("kinder-und-familie",),
                target_groups=("familien", "aeltere-menschen"),
                is_free=False,
                cost_note="1,50 € pro Einkauf",
            ),
            OfferSpec(
                name="Mitarbeit als Ehrenamtliche",
                description="Sortieren, ausgeben, fahren – jede Stunde hilft.",
                topics=("ehrenamt",),
                target_groups=("ehrenamtliche",),
            ),
        ),
    ),
    _archetype(
        ("Mehrgenerationenhaus {town}",),
        urban_only=True,
        kind="association",
        short_description="Offener Treff, Sprachkurse und Beratung unter einem Dach.",
        description=(
            "<p>Im Mehrgenerationenhaus {town} treffen sich Menschen aller Altersgruppen. "
            "Das offene Café, ein Sprachkurs und Beratungsangebote machen das Haus zur "
            "ersten Adresse im Stadtteil.</p>"
        ),
        topics=("kultur-und-begegnung", "deutschkurs", "beratung"),
        target_groups=("familien", "aeltere-menschen", "neuzugewanderte"),
        languages=("de", "ru"),
        hours=OFFICE,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Sprachkurs Deutsch im Alltag",
                description="Für Erwachsene mit Vorkenntnissen, zweimal pro Woche vormittags.",
                topics=("deutschkurs",),
                target_groups=("neuzugewanderte",),
            ),
            OfferSpec(
                name="Offenes Café",
                description="Werktags ab 10 Uhr, Kaffee für einen Euro.",
                topics=("kultur-und-begegnung",),
                target_groups=("aeltere-menschen", "familien"),
            ),
        ),
    ),
    _archetype(
        ("DRK Migrationsberatung {town}", "Diakonie Sozialberatung {town}"),
        urban_only=True,
        kind="association",
        short_description="Beratung zu Aufenthalt, Sozialleistungen, Schulden und Wohnungssuche.",
        description=(
            "<p>Unsere Beratungsstelle in {town} ist Anlaufstelle für alle Fragen rund um "
            "Aufenthalt, Geld und Wohnen. Wir arbeiten mit der Migrationsagentur zusammen und "
            "vermitteln, wenn nötig, an Fachdienste.</p>"
            "<ul><li>Migrationsberatung</li><li>Sozial- und Schuldnerberatung</li>"
            "<li>Unterstützung bei der Wohnungssuche</li></ul>"
        ),
        topics=("beratung", "wohnen", "aufenthalt"),
        target_groups=("neuzugewanderte", "gefluechtete", "familien"),
        languages=("de", "en", "ar", "ru"),
        hours=COUNSELLING,
        offers=(
            OfferSpec(
                name="Beratungsstelle für Zugewanderte {town}",
                description="Anträge, Bescheide, Aufenthaltsfragen – vertraulich und kostenlos.",
                topics=("beratung", "aufenthalt"),
                target_groups=("neuzugewanderte", "gefluechtete"),
            ),
            OfferSpec(
                name="Wohnungssuche und Mietfragen",
                description="Hilfe bei Wohnungsangeboten, Mietverträgen und Nebenkosten.",
                topics=("wohnen",),
                target_groups=("gefluechtete", "familien"),
                availability="waiting_list",
            ),
            OfferSpec(
                name="Schuldnerberatung",
                description="Überblick verschaffen, mit Gläubigern verhandeln, Konto schützen.",
                topics=("beratung",),
                target_groups=("familien",),
            ),
        ),
    ),
    _archetype(
        ("Jugendclub {town}", "Offener Jugendtreff {town}"),
        kind="association",
        short_description="Offener Treff für Jugendliche mit Kicker, Musikraum und Ausflügen.",
        description=(
            "<p>Der Jugendclub in {town} ist nachmittags für alle Jugendlichen ab 12 geöffnet. "
            "Zwei Sozialpädagoginnen haben ein offenes Ohr, auch für Fragen zu Schule und "
            "Ausbildung.</p>"
        ),
        topics=("freizeit-und-sport", "kinder-und-familie", "ausbildung"),
        target_groups=("kinder-und-jugendliche", "unbegleitete-minderjaehrige-gefluechtete"),
        languages=("de", "en"),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Offener Treff",
                description="Kicker, Billard, Musik und Hausaufgabenplatz.",
                topics=("freizeit-und-sport",),
                target_groups=("kinder-und-jugendliche",),
            ),
            OfferSpec(
                name="Ferienfahrten",
                description="Zeltlager und Tagesausflüge in den Sommerferien.",
                topics=("freizeit-und-sport",),
                target_groups=("kinder-und-jugendliche",),
                is_free=False,
                cost_note="Eigenanteil nach Einkommen, mit Bildungs- und Teilhabepaket frei",
            ),
        ),
    ),
    _archetype(
        ("Frauentreff {town}", "Frauenfrühstück {town}"),
        urban_only=True,
        kind="volunteer_initiative",
        short_description="Treffpunkt für Frauen aus aller Welt – mit Kinderbetreuung.",
        description=(
            "<p>Jeden Donnerstag treffen sich Frauen in {town}, um sich auszutauschen, "
            "gemeinsam zu kochen und Ausflüge zu planen. Themenabende mit Gästen gibt es "
            "einmal im Monat.</p>"
        ),
        topics=("frauen", "kultur-und-begegnung", "gesundheit"),
        target_groups=("frauen", "familien"),
        languages=("de", "ar"),
        hours=WEEKLY,
        slots=((THU, "15:00", "18:00", False),),
        has_website=False,
        offers=(
            OfferSpec(
                name="Frauentreff mit Kinderbetreuung",
                description="Gespräche, Kochen, Ausflüge – nur für Frauen.",
                topics=("frauen", "kultur-und-begegnung"),
                target_groups=("frauen",),
            ),
            OfferSpec(
                name="Gesundheitsabend für Frauen",
                description="Mit Ärztinnen und Hebammen, Fragen sind ausdrücklich erwünscht.",
                topics=("gesundheit", "frauen"),
                target_groups=("frauen",),
            ),
        ),
    ),
    _archetype(
        ("Nähcafé {town}", "Handarbeitstreff {town}"),
        kind="volunteer_initiative",
        short_description="Gemeinsam nähen, stricken und reparieren – Maschinen sind vorhanden.",
        description=(
            "<p>Im Nähcafé {town} nähen Frauen und Männer gemeinsam Kleidung, Taschen und "
            "Vorhänge. Wer es noch nicht kann, lernt es hier.</p>"
        ),
        topics=("kultur-und-begegnung", "frauen"),
        target_groups=("frauen", "aeltere-menschen", "gefluechtete"),
        languages=("de",),
        hours=WEEKLY,
        has_website=False,
        offers=(
            OfferSpec(
                name="Offenes Nähcafé",
                description="Stoffe und Garn werden gespendet; eigene Projekte sind willkommen.",
                topics=("kultur-und-begegnung",),
                target_groups=("frauen", "aeltere-menschen"),
            ),
        ),
    ),
    _archetype(
        ("Projekt „Arbeit & Ankommen {town}“", "Projekt „Perspektive Pflege {town}“"),
        urban_only=True,
        kind="project",
        short_description="Berufsorientierung, Jobcoaching und Sprachkurse für den Berufseinstieg.",
        description=(
            "<p>Das Projekt in {town} begleitet Zugewanderte auf dem Weg in Arbeit oder "
            "Ausbildung – besonders in Pflege, Logistik und Handwerk, wo Betriebe in der Region "
            "dringend Personal suchen.</p>"
            "<ul><li>Kompetenzfeststellung</li><li>Berufsbezogener Sprachkurs</li>"
            "<li>Praktikum und Begleitung im Betrieb</li></ul>"
        ),
        topics=("arbeit", "ausbildung", "deutschkurs"),
        target_groups=("arbeitsuchende", "fachkraefte", "gefluechtete"),
        languages=("de", "en", "ar"),
        hours=APPOINTMENT,
        works_online=True,
        offers=(
            OfferSpec(
                name="Berufsorientierung und Jobcoaching",
                description="Welche Berufe passen? Wir probieren es im Praktikum aus.",
                topics=("arbeit", "beratung"),
                target_groups=("arbeitsuchende",),
                eligibility="Über Jobcenter, Agentur für Arbeit oder Migrationsagentur.",
            ),
            OfferSpec(
                name="Sprachkurse für den Beruf",
                description="Fachwortschatz und Kommunikation am Arbeitsplatz, Niveau A2 bis B2.",
                topics=("deutschkurs", "arbeit"),
                target_groups=("arbeitsuchende", "fachkraefte"),
                availability="waiting_list",
            ),
            OfferSpec(
                name="Einstieg in die Pflegeausbildung",
                description="Vorbereitungskurs Pflegehilfe mit Praktikum im Pflegeheim.",
                topics=("ausbildung", "gesundheit"),
                target_groups=("arbeitsuchende", "fachkraefte"),
            ),
        ),
    ),
    _archetype(
        ("Kleiderkammer {town}", "Sozialkaufhaus {town}"),
        kind="volunteer_initiative",
        short_description="Kleidung, Haushaltswaren und Kinderbedarf für kleines Geld.",
        description=(
            "<p>Ehrenamtliche sortieren Spenden und geben sie in {town} gegen eine kleine "
            "Spende weiter. Möbel vermitteln wir über eine Liste.</p>"
        ),
        topics=("ehrenamt", "wohnen", "kinder-und-familie"),
        target_groups=("familien", "gefluechtete"),
        languages=("de",),
        hours=TWICE,
        has_website=False,
        offers=(
            OfferSpec(
                name="Ausgabe von Kleidung und Hausrat",
                description="Zweimal pro Woche, gegen eine kleine Spende.",
                topics=("kinder-und-familie", "wohnen"),
                target_groups=("familien",),
                is_free=False,
                cost_note="Spende nach eigenem Ermessen",
            ),
            OfferSpec(
                name="Möbelvermittlung",
                description="Gespendete Möbel für die erste eigene Wohnung.",
                topics=("wohnen",),
                target_groups=("gefluechtete", "familien"),
                availability="waiting_list",
            ),
        ),
    ),
    _archetype(
        ("Elterncafé international {town}",),
        kind="volunteer_initiative",
        short_description=(
            "Eltern aus vielen Ländern tauschen sich über Kita, Schule und Erziehung aus."
        ),
        description=(
            "<p>Im Elterncafé {town} treffen sich Mütter und Väter bei Kaffee und Tee. Oft "
            "kommen Gäste aus Kita, Schule oder Beratungsstellen und beantworten Fragen.</p>"
        ),
        topics=("kinder-und-familie", "kultur-und-begegnung", "schule-und-bildung"),
        target_groups=("familien",),
        languages=("de", "ar"),
        hours=WEEKLY,
        has_website=False,
        offers=(
            OfferSpec(
                name="Elterncafé",
                description="Einmal pro Woche, Kinder spielen nebenan.",
                topics=("kinder-und-familie",),
                target_groups=("familien",),
            ),
        ),
    ),
    _archetype(
        ("Kulturverein {town} e.V.", "Kunst- und Kulturhaus {town}"),
        kind="association",
        short_description="Konzerte, Lesungen und internationale Kulturabende für den ganzen Ort.",
        description=(
            "<p>Der Kulturverein bringt Menschen in {town} zusammen – mit Musik, Theater und "
            "Festen. Künstlerinnen und Künstler mit Migrationsgeschichte gestalten das "
            "Programm mit.</p>"
        ),
        topics=("kultur-und-begegnung", "freizeit-und-sport"),
        target_groups=("familien", "aeltere-menschen", "neuzugewanderte"),
        languages=("de", "en"),
        hours=WEEKEND,
        offers=(
            OfferSpec(
                name="Internationaler Kulturabend",
                description="Musik und Essen aus aller Welt, viermal im Jahr.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien", "neuzugewanderte"),
                is_free=False,
                cost_note="Eintritt frei, Spenden willkommen",
            ),
            OfferSpec(
                name="Theaterwerkstatt für Jugendliche",
                description="Eigene Geschichten auf die Bühne bringen, ohne Vorkenntnisse.",
                topics=("kultur-und-begegnung", "freizeit-und-sport"),
                target_groups=("kinder-und-jugendliche",),
            ),
        ),
    ),
    _archetype(
        ("Volkssolidarität Ortsgruppe {town}", "Seniorentreff {town}"),
        kind="association",
        short_description="Seniorentreff mit Kaffeenachmittag, Ausflügen und Nachbarschaftshilfe.",
        description=(
            "<p>Die Ortsgruppe lädt Ältere in {town} zu Kaffee, Spielen und Ausflügen ein. "
            "Ältere Zugewanderte, die Anschluss suchen, sind herzlich willkommen.</p>"
        ),
        topics=("kultur-und-begegnung", "ehrenamt", "gesundheit"),
        target_groups=("aeltere-menschen",),
        languages=("de", "ru"),
        hours=WEEKLY,
        slots=((WED, "14:00", "17:00", False),),
        has_website=False,
        offers=(
            OfferSpec(
                name="Kaffeenachmittag",
                description="Jeden Mittwoch mit Kuchen, Spielen und Gesprächen.",
                topics=("kultur-und-begegnung",),
                target_groups=("aeltere-menschen",),
            ),
            OfferSpec(
                name="Besuchsdienst",
                description="Ehrenamtliche besuchen Ältere, die nicht mehr mobil sind.",
                topics=("ehrenamt", "gesundheit"),
                target_groups=("aeltere-menschen", "menschen-mit-behinderung"),
            ),
        ),
    ),
    _archetype(
        ("Kurdischer Kulturverein {town} e.V.",),
        urban_only=True,
        kind="migrant_organisation",
        short_description=(
            "Kurdische Familien bieten Beratung, Muttersprachunterricht und Feste an."
        ),
        description=(
            "<p>Der Verein ist Treffpunkt für Kurdinnen und Kurden aus Syrien, dem Irak und der "
            "Türkei. Wir helfen Neuangekommenen und feiern Newroz mit der ganzen Stadt.</p>"
        ),
        topics=("kultur-und-begegnung", "beratung", "schule-und-bildung"),
        target_groups=("familien", "gefluechtete", "kinder-und-jugendliche"),
        languages=("de", "ku", "ar", "tr"),
        hours=WEEKEND,
        offers=(
            OfferSpec(
                name="Kurdisch für Kinder",
                description="Muttersprachunterricht Kurmancî am Wochenende.",
                topics=("schule-und-bildung",),
                target_groups=("kinder-und-jugendliche",),
                languages=("ku",),
            ),
            OfferSpec(
                name="Newroz-Fest",
                description="Das kurdische Neujahrsfest im März, mit Musik und Tanz.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien",),
            ),
        ),
    ),
    _archetype(
        ("Afrikanisches Forum {town} e.V.",),
        urban_only=True,
        kind="migrant_organisation",
        short_description="Netzwerk afrikanischer Menschen: Beratung, Empowerment und Kultur.",
        description=(
            "<p>Das Forum verbindet Menschen aus Eritrea, Somalia, Kamerun und weiteren "
            "Ländern. Wir beraten auf Französisch, Englisch, Somali und Tigrinya und setzen "
            "uns gegen Rassismus ein.</p>"
        ),
        topics=("kultur-und-begegnung", "beratung", "dolmetschen"),
        target_groups=("gefluechtete", "neuzugewanderte", "studierende"),
        languages=("de", "fr", "en", "so", "ti"),
        hours=WEEKEND,
        works_online=True,
        offers=(
            OfferSpec(
                name="Peer-Beratung",
                description="Erfahrene Mitglieder beraten Neuangekommene in ihrer Sprache.",
                topics=("beratung", "dolmetschen"),
                target_groups=("gefluechtete",),
            ),
            OfferSpec(
                name="Empowerment-Workshop",
                description="Umgang mit Diskriminierung, Rechte kennen, Netzwerke nutzen.",
                topics=("kultur-und-begegnung", "psychosoziale-unterstuetzung"),
                target_groups=("gefluechtete", "studierende"),
            ),
        ),
    ),
    _archetype(
        ("Russischsprachiger Elternverein {town}",),
        urban_only=True,
        kind="migrant_organisation",
        short_description=(
            "Eltern aus Russland, Kasachstan und der Ukraine helfen sich gegenseitig."
        ),
        description=(
            "<p>Wir sind Familien, die Russisch sprechen – Spätaussiedler, Kontingentflüchtlinge "
            "und neu Angekommene. Wir bieten Nachhilfe, Beratung und Feste für Kinder.</p>"
        ),
        topics=("kinder-und-familie", "schule-und-bildung", "beratung"),
        target_groups=("familien", "kinder-und-jugendliche"),
        languages=("de", "ru", "uk"),
        hours=WEEKEND,
        offers=(
            OfferSpec(
                name="Nachhilfe Mathematik und Deutsch",
                description="Für Schülerinnen und Schüler ab Klasse 5.",
                topics=("schule-und-bildung",),
                target_groups=("kinder-und-jugendliche",),
                is_free=False,
                cost_note="5 € pro Stunde",
            ),
            OfferSpec(
                name="Beratung für Familien",
                description="Auf Russisch und Ukrainisch: Schule, Kita, Behörden.",
                topics=("beratung", "kinder-und-familie"),
                target_groups=("familien",),
                languages=("ru", "uk", "de"),
            ),
        ),
    ),
    _archetype(
        ("Arabischer Frauenverein {town}",),
        urban_only=True,
        kind="migrant_organisation",
        short_description="Frauen aus arabischsprachigen Ländern stärken sich gegenseitig.",
        description=(
            "<p>Der Verein bietet Frauen einen geschützten Raum: Austausch, Beratung auf "
            "Arabisch, Sport und Ausflüge. Wir arbeiten eng mit den Beratungsstellen in "
            "{town} zusammen.</p>"
        ),
        topics=("frauen", "beratung", "freizeit-und-sport"),
        target_groups=("frauen", "familien"),
        languages=("de", "ar"),
        hours=WEEKLY,
        offers=(
            OfferSpec(
                name="Beratung auf Arabisch für Frauen",
                description="Vertraulich, zu Familie, Gesundheit und Behörden.",
                topics=("beratung", "frauen"),
                target_groups=("frauen",),
                languages=("ar", "de"),
            ),
            OfferSpec(
                name="Frauensport",
                description="Gymnastik und Yoga in einer reinen Frauengruppe.",
                topics=("freizeit-und-sport", "frauen"),
                target_groups=("frauen",),
            ),
        ),
    ),
    _archetype(
        ("Bürgerbüro {town} – Servicestelle für Neuzugezogene",),
        urban_only=True,
        kind="public_service",
        short_description="An-, Um- und Abmeldung, Meldebescheinigungen und Hilfe bei Formularen.",
        description=(
            "<p>Das Bürgerbüro der Stadt {town} erledigt Meldeangelegenheiten und hilft "
            "Neuzugezogenen, die richtigen Stellen zu finden. Termine können online gebucht "
            "werden.</p>"
        ),
        topics=("beratung", "wohnen"),
        target_groups=("neuzugewanderte",),
        languages=("de", "en"),
        hours=OFFICE,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Anmeldung des Wohnsitzes",
                description="Mit Wohnungsgeberbestätigung und Pass oder Ankunftsnachweis.",
                topics=("wohnen",),
                target_groups=("neuzugewanderte",),
                how_to_access="Online-Termin oder Wartemarke am Vormittag.",
            ),
        ),
    ),
    _archetype(
        ("Gemeinschaftsgarten {town}", "Interkultureller Garten {town}"),
        kind="volunteer_initiative",
        short_description="Gärtnern, ernten und feiern – ein Garten für alle Nachbarn.",
        description=(
            "<p>Im Garten in {town} bauen Familien aus vielen Ländern Gemüse und Kräuter an. "
            "Im Sommer wird gemeinsam gekocht und gefeiert.</p>"
        ),
        topics=("kultur-und-begegnung", "freizeit-und-sport", "gesundheit"),
        target_groups=("familien", "aeltere-menschen", "gefluechtete"),
        languages=("de",),
        hours=WEEKEND,
        has_website=False,
        offers=(
            OfferSpec(
                name="Mitgärtnern",
                description="Samstags gemeinsam im Garten, Werkzeug ist vorhanden.",
                topics=("freizeit-und-sport", "kultur-und-begegnung"),
                target_groups=("familien", "gefluechtete"),
            ),
        ),
    ),
    _archetype(
        ("Integrationslotsen {town}",),
        urban_only=True,
        kind="volunteer_initiative",
        short_description=(
            "Geschulte Ehrenamtliche lotsen durch Ämter, Schule und Gesundheitssystem."
        ),
        description=(
            "<p>Die Integrationslotsinnen und -lotsen in {town} haben eine Schulung der "
            "Migrationsagentur besucht. Sie begleiten Neuzugewanderte, bis sie ihre Wege "
            "selbst kennen.</p>"
        ),
        topics=("ehrenamt", "beratung", "dolmetschen"),
        target_groups=("gefluechtete", "neuzugewanderte", "ehrenamtliche"),
        languages=("de", "ar", "fa", "uk"),
        hours=COUNSELLING,
        offers=(
            OfferSpec(
                name="Lotsensprechstunde",
                description="Offene Sprechstunde für Fragen rund ums Ankommen.",
                topics=("beratung",),
                target_groups=("gefluechtete", "neuzugewanderte"),
            ),
            OfferSpec(
                name="Schulung für neue Lotsinnen und Lotsen",
                description="Vier Abende zu Asylrecht, Sozialleistungen und Gesprächsführung.",
                topics=("ehrenamt",),
                target_groups=("ehrenamtliche",),
                availability="open",
            ),
        ),
    ),
)
