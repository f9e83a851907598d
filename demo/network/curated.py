"""Hand-written demo actors: the well-known faces of the network in the larger towns.

They carry the texts that demos and tests rely on (e.g. "Sprachkurs", "Deutschkurs",
"Beratungsstelle … Weißenfels", "Wohnungssuche", "Arabisch"), the actors the demo accounts belong
to, and the drafts that must stay hidden from the public.
"""

from __future__ import annotations

from demo.network.specs import (
    APPOINTMENT,
    COUNSELLING,
    FRI,
    MON,
    NO_HOURS,
    OFFICE,
    THU,
    TUE,
    TWICE,
    WED,
    WEEKEND,
    WEEKLY,
    ActorSpec,
    OfferSpec,
)

EDITOR_ACTOR_SLUG = "sprachcafe-weissenfels"
COORDINATOR_ACTOR_SLUG = "ehrenamtliche-lernpaten-hohenmoelsen"

CURATED: tuple[ActorSpec, ...] = (
    # --- Weißenfels -------------------------------------------------------------------------
    ActorSpec(
        name="Sprachcafé Weißenfels e.V.",
        slug=EDITOR_ACTOR_SLUG,
        kind="association",
        municipality="weissenfels",
        street="Jüdenstraße",
        short_description=(
            "Deutsch sprechen ohne Prüfungsdruck: offenes Sprachcafé, Anfängerkurse und Hilfe "
            "bei Briefen und Formularen."
        ),
        description=(
            "<p>Seit 2015 treffen sich im Sprachcafé Menschen, die Deutsch lernen, mit "
            "Weißenfelserinnen und Weißenfelsern, die gern ins Gespräch kommen. Bei Tee und "
            "Kuchen wird geübt, was im Alltag gebraucht wird: beim Arzt, beim Einkaufen, im "
            "Elterngespräch in der Schule.</p>"
            "<p>Der Verein wird von rund 30 Ehrenamtlichen getragen. Neue Mitstreiterinnen und "
            "Mitstreiter sind jederzeit willkommen – Vorkenntnisse braucht es keine.</p>"
            "<ul><li>offenes Sprachcafé jeden Mittwoch</li>"
            "<li>Deutschkurse für Anfängerinnen und Anfänger</li>"
            "<li>Unterstützung beim Ausfüllen von Formularen</li></ul>"
        ),
        topics=("sprachcafe", "deutschkurs", "kultur-und-begegnung", "ehrenamt"),
        target_groups=("gefluechtete", "neuzugewanderte", "ehrenamtliche"),
        languages=("de", "en", "ar", "fa", "uk"),
        hours=TWICE,
        slots=((WED, "16:00", "18:00", False),),
        offers=(
            OfferSpec(
                name="Sprachcafé am Mittwoch",
                description=(
                    "Offener Treff zum Deutschsprechen in kleinen Gruppen, nach Sprachniveau "
                    "sortiert. Kinder können mitgebracht werden, es gibt eine Spielecke."
                ),
                topics=("sprachcafe", "kultur-und-begegnung"),
                target_groups=("gefluechtete", "neuzugewanderte"),
                eligibility="Alle, die Deutsch üben möchten – egal auf welchem Niveau.",
                how_to_access="Ohne Anmeldung, einfach vorbeikommen: mittwochs 16 bis 18 Uhr.",
                availability="open",
            ),
            OfferSpec(
                name="Deutschkurs für Anfängerinnen und Anfänger (A1)",
                description=(
                    "Zweimal wöchentlich lernen Sie in einer festen Gruppe die Grundlagen: sich "
                    "vorstellen, Termine vereinbaren, einkaufen, nach dem Weg fragen. Der Kurs "
                    "wird ehrenamtlich geleitet und arbeitet mit einem Lehrbuch."
                ),
                topics=("deutschkurs",),
                target_groups=("neuzugewanderte", "gefluechtete"),
                cost_note="kostenlos, das Lehrbuch wird gestellt",
                eligibility=(
                    "Erwachsene, die (noch) keinen Platz in einem Integrationskurs haben, "
                    "zum Beispiel während der Wartezeit."
                ),
                how_to_access="Anmeldung im Sprachcafé oder per E-Mail.",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Sprachkurs Alltagsdeutsch am Abend",
                description=(
                    "Für Berufstätige: Gespräche führen, Briefe verstehen, telefonieren üben. "
                    "Niveau A2 bis B1, Einstieg jederzeit möglich."
                ),
                topics=("deutschkurs", "arbeit"),
                target_groups=("arbeitsuchende", "fachkraefte", "neuzugewanderte"),
                how_to_access="Bitte vorher per E-Mail anmelden.",
            ),
        ),
    ),
    ActorSpec(
        name="Beratungsstelle für Migration und Flucht Weißenfels",
        kind="association",
        municipality="weissenfels",
        street="Friedrichstraße",
        short_description=(
            "Unabhängige Beratung der Diakonie zu Aufenthalt, Asylverfahren, Familiennachzug, "
            "Wohnen und Sozialleistungen."
        ),
        description=(
            "<p>Die Beratungsstelle der Diakonie in Weißenfels berät Geflüchtete und "
            "Zugewanderte vertraulich und kostenlos – unabhängig davon, wie lange sie schon "
            "in Deutschland leben.</p>"
            "<p>Wir helfen beim Verstehen von Bescheiden, begleiten durch das Asylverfahren und "
            "vermitteln an Fachstellen. Mit der Migrationsagentur arbeiten wir eng zusammen: "
            "Wer dort in der Eingangszone ankommt, kann für eine längere Begleitung zu uns "
            "kommen.</p>"
            "<ul><li>Migrationsberatung für Erwachsene (MBE)</li>"
            "<li>Asylverfahrensberatung</li>"
            "<li>Unterstützung bei der Wohnungssuche</li></ul>"
        ),
        topics=("beratung", "aufenthalt", "rechtsberatung", "wohnen"),
        target_groups=("gefluechtete", "neuzugewanderte", "familien"),
        languages=("de", "en", "ar", "fa", "ru"),
        hours=COUNSELLING,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Migrationsberatung für Erwachsene (MBE)",
                description=(
                    "Begleitung in den ersten Jahren: Integrationskurs, Anerkennung von "
                    "Abschlüssen, Kindergeld, Krankenversicherung, Schreiben von Behörden."
                ),
                topics=("beratung", "aufenthalt"),
                target_groups=("neuzugewanderte", "familien"),
                eligibility="Zugewanderte ab 27 Jahren mit dauerhafter Bleibeperspektive.",
                how_to_access="Offene Sprechstunde montags; sonst Termin nach Vereinbarung.",
            ),
            OfferSpec(
                name="Beratungsstelle Asylverfahren Weißenfels",
                description=(
                    "Vorbereitung auf die Anhörung beim Bundesamt, Erklärung von Bescheiden und "
                    "Fristen, Vermittlung an Anwältinnen und Anwälte."
                ),
                topics=("rechtsberatung", "aufenthalt", "beratung"),
                target_groups=("gefluechtete",),
                eligibility="Asylsuchende und Geduldete im Burgenlandkreis.",
                how_to_access="Bitte Bescheide und Ausweisdokumente mitbringen.",
            ),
            OfferSpec(
                name="Hilfe bei der Wohnungssuche",
                description=(
                    "Wir erklären Wohnungsanzeigen und Mietverträge, helfen bei der Bewerbung "
                    "bei Wohnungsgesellschaften und klären, welche Kosten das Amt übernimmt."
                ),
                topics=("wohnen", "beratung"),
                target_groups=("gefluechtete", "familien"),
                how_to_access="Termin vereinbaren, Unterlagen zum Einkommen mitbringen.",
                availability="waiting_list",
            ),
        ),
    ),
    ActorSpec(
        name="Ukrainische Gemeinschaft Burgenlandkreis e.V.",
        kind="migrant_organisation",
        municipality="weissenfels",
        street="Merseburger Straße",
        location_name="Ukrainisches Haus",
        short_description=(
            "Selbstorganisation von Ukrainerinnen und Ukrainern: Beratung in der Muttersprache, "
            "Samstagsschule für Kinder und Begegnung."
        ),
        description=(
            "<p>Der Verein wurde im Frühjahr 2022 von Geflüchteten aus der Ukraine und "
            "Weißenfelser Unterstützerinnen gegründet. Im Ukrainischen Haus finden Familien "
            "Rat in ihrer Sprache und einen Ort, an dem sie unter sich und mit Nachbarn "
            "zusammenkommen können.</p>"
            "<ul><li>Beratung auf Ukrainisch und Russisch</li>"
            "<li>Samstagsschule mit Ukrainisch, Mathematik und Deutsch</li>"
            "<li>Feste, Konzerte und Ausflüge</li></ul>"
        ),
        topics=("beratung", "kultur-und-begegnung", "schule-und-bildung", "deutschkurs"),
        target_groups=("gefluechtete", "familien", "kinder-und-jugendliche"),
        languages=("de", "uk", "ru"),
        hours=WEEKEND,
        works_online=True,
        offers=(
            OfferSpec(
                name="Samstagsschule: Ukrainisch für Kinder",
                description=(
                    "Unterricht in Ukrainisch, Mathematik und Heimatkunde nach ukrainischem "
                    "Lehrplan – ergänzend zur deutschen Schule."
                ),
                topics=("schule-und-bildung", "kinder-und-familie"),
                target_groups=("kinder-und-jugendliche",),
                languages=("uk",),
                cost_note="kostenlos, Spenden für Material willkommen",
                eligibility="Kinder von 6 bis 14 Jahren.",
                how_to_access="Anmeldung über die Eltern, samstags vor Ort.",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Beratung für Geflüchtete aus der Ukraine",
                description=(
                    "Hilfe bei Aufenthaltserlaubnis nach § 24, Jobcenter-Anträgen, Schulanmeldung "
                    "und Arztsuche – auf Ukrainisch oder Russisch."
                ),
                topics=("beratung", "aufenthalt"),
                target_groups=("gefluechtete", "familien"),
                languages=("uk", "ru", "de"),
                how_to_access="Sprechstunde samstags oder Nachricht über Telegram.",
            ),
            OfferSpec(
                name="Sprachkurse Deutsch für Erwachsene (A1–B1)",
                description=(
                    "Drei Gruppen nach Niveau, geleitet von ukrainischen Lehrerinnen mit "
                    "Deutsch als Fremdsprache. Ideal zur Vorbereitung auf den Integrationskurs."
                ),
                topics=("deutschkurs",),
                target_groups=("gefluechtete", "neuzugewanderte"),
                languages=("de", "uk"),
                availability="open",
            ),
        ),
    ),
    ActorSpec(
        name="AWO Jugendmigrationsdienst Burgenlandkreis",
        kind="project",
        municipality="weissenfels",
        street="Leipziger Straße",
        branches=(("zeitz", "Zeitz"),),
        short_description=(
            "Begleitung junger Zugewanderter von 12 bis 27 Jahren bei Schule, Ausbildung und "
            "dem Start ins Berufsleben."
        ),
        description=(
            "<p>Der Jugendmigrationsdienst (JMD) der AWO unterstützt junge Menschen mit "
            "Migrationsgeschichte dabei, in Schule, Ausbildung und Beruf Fuß zu fassen. Wir "
            "arbeiten mit einem individuellen Integrationsplan und begleiten so lange, wie es "
            "nötig ist.</p>"
            "<p>Sprechstunden gibt es in Weißenfels und in Zeitz; auf Wunsch kommen wir auch in "
            "die Schule oder Wohngruppe.</p>"
        ),
        topics=("ausbildung", "schule-und-bildung", "beratung", "arbeit"),
        target_groups=(
            "kinder-und-jugendliche",
            "unbegleitete-minderjaehrige-gefluechtete",
            "neuzugewanderte",
        ),
        languages=("de", "en", "ar", "fa", "ps"),
        hours=COUNSELLING,
        works_online=True,
        offers=(
            OfferSpec(
                name="Begleitung beim Übergang Schule – Ausbildung – Beruf",
                description=(
                    "Einzelberatung zu Schulabschluss, Berufsorientierung, Praktikum und "
                    "Ausbildungsplatzsuche, auf Wunsch mit den Eltern."
                ),
                topics=("ausbildung", "schule-und-bildung", "beratung"),
                target_groups=("kinder-und-jugendliche", "neuzugewanderte"),
                eligibility="Junge Menschen zwischen 12 und 27 Jahren mit Migrationsgeschichte.",
                how_to_access="Termin per Telefon, E-Mail oder über die Schulsozialarbeit.",
            ),
            OfferSpec(
                name="Bewerbungswerkstatt für junge Menschen",
                description=(
                    "Lebenslauf und Anschreiben gemeinsam erstellen, Vorstellungsgespräche üben, "
                    "Online-Bewerbungen abschicken."
                ),
                topics=("ausbildung", "arbeit"),
                target_groups=("kinder-und-jugendliche", "arbeitsuchende"),
                how_to_access="Donnerstags offen, Laptop kann gestellt werden.",
            ),
            OfferSpec(
                name="Gruppenangebot: Ankommen in Deutschland",
                description=(
                    "Für unbegleitete Jugendliche: Rechte und Pflichten, Umgang mit Geld, "
                    "Freizeitangebote in der Region – in kleiner Gruppe mit Sprachmittlung."
                ),
                topics=("schule-und-bildung", "kultur-und-begegnung"),
                target_groups=("unbegleitete-minderjaehrige-gefluechtete",),
                languages=("de", "fa", "ps", "ar"),
                availability="closed",
            ),
        ),
    ),
    ActorSpec(
        name="Internationaler Frauentreff Weißenfels-West",
        kind="volunteer_initiative",
        municipality="weissenfels",
        street="Am Kugelberg",
        location_name="Stadtteiltreff West",
        short_description=(
            "Frauen aus vielen Ländern treffen sich zum Frühstück, Nähen und Schwimmen – "
            "Kinder sind willkommen."
        ),
        description=(
            "<p>Im Stadtteiltreff West kommen jeden Dienstag Frauen aus Syrien, Eritrea, "
            "Afghanistan, der Ukraine und Weißenfels zusammen. Es geht um Alltagsfragen, um "
            "Rezepte, um Gesundheit und darum, nicht allein zu sein.</p>"
            "<p>Männer haben zu unseren Treffen keinen Zutritt – so können alle offen reden.</p>"
        ),
        topics=("frauen", "kultur-und-begegnung", "freizeit-und-sport"),
        target_groups=("frauen", "familien", "gefluechtete"),
        languages=("de", "ar", "ku", "ti", "fa"),
        hours=WEEKLY,
        slots=((TUE, "9:30", "12:00", False),),
        has_website=False,
        offers=(
            OfferSpec(
                name="Frauenfrühstück international",
                description=(
                    "Gemeinsames Frühstück, zu dem jede etwas mitbringt; regelmäßig mit Gästen "
                    "vom Gesundheitsamt, der Hebammenpraxis oder der Schuldnerberatung."
                ),
                topics=("frauen", "kultur-und-begegnung", "gesundheit"),
                target_groups=("frauen",),
                how_to_access="Dienstags ab 9:30 Uhr, ohne Anmeldung.",
            ),
            OfferSpec(
                name="Schwimmkurs für Frauen",
                description=(
                    "Schwimmen lernen in geschützter Runde: Frauenzeit im Hallenbad mit "
                    "Schwimmlehrerin, Badebekleidung nach eigener Wahl."
                ),
                topics=("freizeit-und-sport", "frauen"),
                target_groups=("frauen",),
                is_free=False,
                cost_note="2 € Eintritt, Ermäßigung mit Bildungs- und Teilhabepaket",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Nähwerkstatt",
                description="Nähmaschinen und Stoffe sind da – wir nähen, flicken und lernen.",
                topics=("frauen", "kultur-und-begegnung"),
                target_groups=("frauen",),
            ),
        ),
    ),
    ActorSpec(
        name="SV Blau-Weiß Weißenfels e.V.",
        kind="association",
        municipality="weissenfels",
        street="Beuditzstraße",
        location_name="Sportplatz Beuditz",
        short_description=(
            "Sportverein mit offenem Fußballtraining, Mädchenfußball und Übungsleiter-Ausbildung "
            "für Neuzugewanderte – Integration durch Sport."
        ),
        description=(
            "<p>Beim SV Blau-Weiß spielen Kinder und Erwachsene aus über 15 Nationen. Im "
            "Programm „Integration durch Sport“ bieten wir offene Trainings an, bei denen "
            "niemand Mitglied sein muss.</p>"
            "<p>Wer länger dabei bleiben möchte, bekommt die Mitgliedschaft über das "
            "Bildungs- und Teilhabepaket finanziert; Sportschuhe hält der Verein bereit.</p>"
        ),
        topics=("freizeit-und-sport", "ehrenamt", "kinder-und-familie"),
        target_groups=("kinder-und-jugendliche", "gefluechtete", "ehrenamtliche"),
        languages=("de", "ar", "fa", "en"),
        hours=TWICE,
        slots=((TUE, "17:00", "19:00", False), (FRI, "17:00", "19:00", False)),
        offers=(
            OfferSpec(
                name="Fußball für alle – offenes Training",
                description="Kicken ohne Vereinsmitgliedschaft, für Jugendliche ab 14 Jahren.",
                topics=("freizeit-und-sport",),
                target_groups=("kinder-und-jugendliche", "gefluechtete"),
                how_to_access="Freitags 17 Uhr auf dem Sportplatz, Turnschuhe mitbringen.",
            ),
            OfferSpec(
                name="Mädchenfußball",
                description="Training nur für Mädchen von 8 bis 16 Jahren, mit Trainerinnen.",
                topics=("freizeit-und-sport", "frauen"),
                target_groups=("kinder-und-jugendliche", "frauen"),
            ),
            OfferSpec(
                name="Übungsleiterin oder Übungsleiter werden",
                description=(
                    "Wir begleiten Neuzugewanderte durch die Lizenzausbildung des "
                    "Landessportbundes – ein Ehrenamt mit Aufwandsentschädigung."
                ),
                topics=("ehrenamt", "freizeit-und-sport"),
                target_groups=("ehrenamtliche", "neuzugewanderte"),
            ),
        ),
    ),
    ActorSpec(
        name="Projekt „Brücken in Arbeit“ Weißenfels",
        kind="project",
        municipality="weissenfels",
        street="Naumburger Straße",
        short_description=(
            "Jobcoaching, Praktikumsvermittlung und Erstberatung zur Anerkennung ausländischer "
            "Berufsabschlüsse."
        ),
        description=(
            "<p>„Brücken in Arbeit“ bringt Geflüchtete und Betriebe im südlichen "
            "Sachsen-Anhalt zusammen. Unsere Jobcoaches kennen die Unternehmen der Region und "
            "begleiten auch nach der Einstellung weiter.</p>"
            "<ul><li>individuelles Jobcoaching</li>"
            "<li>Praktika und Probearbeit in regionalen Betrieben</li>"
            "<li>Lotsen zur Anerkennung von Berufsabschlüssen</li></ul>"
            "<p>Das Projekt wird aus Mitteln des Landes und des Europäischen Sozialfonds "
            "gefördert.</p>"
        ),
        topics=("arbeit", "ausbildung", "beratung"),
        target_groups=("arbeitsuchende", "fachkraefte", "gefluechtete"),
        languages=("de", "en", "ar", "uk", "ru", "fr"),
        hours=APPOINTMENT,
        works_online=True,
        offers=(
            OfferSpec(
                name="Jobcoaching für Geflüchtete",
                description=(
                    "Stärken herausfinden, Ziele festlegen, Bewerbungen schreiben und zum "
                    "Vorstellungsgespräch begleiten."
                ),
                topics=("arbeit", "beratung"),
                target_groups=("arbeitsuchende", "gefluechtete"),
                eligibility="Menschen mit Fluchtgeschichte und Arbeitsmarktzugang.",
                how_to_access="Über das Jobcenter, die Migrationsagentur oder direkt per E-Mail.",
            ),
            OfferSpec(
                name="Anerkennung ausländischer Berufsabschlüsse – Erstberatung",
                description=(
                    "Welche Stelle ist zuständig, welche Unterlagen werden gebraucht, was kostet "
                    "es? Wir klären das und helfen beim Antrag."
                ),
                topics=("arbeit", "beratung", "ausbildung"),
                target_groups=("fachkraefte", "neuzugewanderte"),
                how_to_access="Zeugnisse und Übersetzungen, falls vorhanden, mitbringen.",
            ),
            OfferSpec(
                name="Praktikumsbörse",
                description=(
                    "Praktika von zwei Wochen bis drei Monaten in Handwerk, Pflege, Logistik."
                ),
                topics=("arbeit", "ausbildung"),
                target_groups=("arbeitsuchende",),
                availability="open",
            ),
        ),
    ),
    ActorSpec(
        name="Evangelische Kirchengemeinde St. Marien Weißenfels",
        kind="association",
        municipality="weissenfels",
        street="Markt",
        location_name="Gemeindehaus St. Marien",
        short_description=(
            "Kirchencafé international, Kleiderkammer und Hausaufgabenhilfe im Gemeindehaus "
            "am Markt."
        ),
        description=(
            "<p>Die Kirchengemeinde öffnet ihr Gemeindehaus für alle, die Anschluss suchen – "
            "unabhängig von Religion und Herkunft. Getragen werden die Angebote von "
            "Ehrenamtlichen aus der Gemeinde und aus der Nachbarschaft.</p>"
        ),
        topics=("kultur-und-begegnung", "ehrenamt", "kinder-und-familie"),
        target_groups=("gefluechtete", "familien", "aeltere-menschen"),
        languages=("de", "en"),
        hours=TWICE,
        offers=(
            OfferSpec(
                name="Kirchencafé international",
                description="Jeden ersten Sonntag im Monat nach dem Gottesdienst, für alle offen.",
                topics=("kultur-und-begegnung",),
                target_groups=("gefluechtete", "aeltere-menschen"),
            ),
            OfferSpec(
                name="Kleiderkammer",
                description=(
                    "Gut erhaltene Kleidung, Bettwäsche und Kinderwagen gegen eine kleine Spende."
                ),
                topics=("kinder-und-familie",),
                target_groups=("familien", "gefluechtete"),
                is_free=False,
                cost_note="kleine Spende erbeten",
            ),
            OfferSpec(
                name="Hausaufgabenhilfe im Gemeindehaus",
                description=(
                    "Ehrenamtliche helfen Grundschulkindern bei Hausaufgaben und beim Lesen."
                ),
                topics=("schule-und-bildung", "kinder-und-familie"),
                target_groups=("kinder-und-jugendliche",),
                availability="waiting_list",
            ),
        ),
    ),
    ActorSpec(
        name="Ehrenamtliche Sprachmittlerin Arabisch und Kurdisch (Weißenfels)",
        kind="volunteer",
        municipality="weissenfels",
        short_description=(
            "Begleitet ehrenamtlich zu Ämtern, Elterngesprächen und Arztterminen und übersetzt "
            "Arabisch und Kurmancî."
        ),
        description=(
            "<p>Ich lebe seit 2016 in Weißenfels und habe selbst erlebt, wie schwer die ersten "
            "Termine ohne Deutsch sind. Heute begleite ich ehrenamtlich – nach Absprache auch "
            "in Naumburg und Hohenmölsen.</p>"
            "<p>Bitte beachten: Ich übersetze mündlich, keine beglaubigten Übersetzungen.</p>"
        ),
        topics=("dolmetschen", "ehrenamt"),
        target_groups=("gefluechtete", "familien"),
        languages=("de", "ar", "ku"),
        hours=NO_HOURS,
        has_website=False,
        contacts=(("Nour Al-Nahrani", "ehrenamtliche Sprachmittlerin"),),
        offers=(
            OfferSpec(
                name="Begleitung zu Ämtern und Arztbesuchen (Arabisch, Kurmancî)",
                description=(
                    "Mündliche Sprachmittlung bei Terminen, am liebsten mit einer Woche Vorlauf."
                ),
                topics=("dolmetschen",),
                target_groups=("gefluechtete", "familien"),
                languages=("ar", "ku", "de"),
                how_to_access="Anfrage per E-Mail oder über die Ehrenamtskoordination.",
            ),
        ),
    ),
    ActorSpec(
        name="Projekt „Arbeit ohne Grenzen“ – Beratung für EU-Beschäftigte",
        kind="project",
        municipality="weissenfels",
        street="Zeitzer Straße",
        short_description=(
            "Beratung für Beschäftigte aus Rumänien, Bulgarien, Polen und anderen EU-Staaten zu "
            "Arbeitsvertrag, Lohn, Unterkunft und Krankenversicherung."
        ),
        description=(
            "<p>In der Fleischindustrie, der Logistik und auf dem Bau arbeiten im Kreis viele "
            "Menschen aus anderen EU-Staaten – oft mit Werkverträgen, in Sammelunterkünften und "
            "ohne Deutschkenntnisse. Wir beraten in ihren Sprachen, vertraulich und unabhängig "
            "vom Arbeitgeber.</p>"
            "<ul><li>Prüfung von Arbeitsverträgen und Lohnabrechnungen</li>"
            "<li>Hilfe bei Kündigung, Unfall und Krankheit</li>"
            "<li>Anmeldung, Kindergeld und Krankenversicherung</li></ul>"
        ),
        topics=("arbeit", "beratung", "rechtsberatung", "wohnen"),
        target_groups=("neuzugewanderte", "arbeitsuchende", "familien"),
        languages=("de", "ro", "bg", "pl", "hu", "cs", "ru"),
        hours=COUNSELLING,
        works_online=True,
        offers=(
            OfferSpec(
                name="Arbeitsrechtliche Erstberatung in der Muttersprache",
                description=(
                    "Lohn, Arbeitszeit, Urlaub, Kündigung: Wir prüfen Unterlagen und erklären "
                    "Ihre Rechte – auf Rumänisch, Bulgarisch, Polnisch, Ungarisch oder "
                    "Tschechisch."
                ),
                topics=("arbeit", "rechtsberatung"),
                target_groups=("neuzugewanderte", "arbeitsuchende"),
                languages=("ro", "bg", "pl", "hu", "cs", "de"),
                how_to_access="Offene Sprechstunde oder Termin per Telefon und Messenger.",
            ),
            OfferSpec(
                name="Sprechstunde in Sammelunterkünften",
                description=(
                    "Wir kommen abends in die Unterkünfte und beraten zu Miete, Abzügen vom "
                    "Lohn und Wohnungssuche."
                ),
                topics=("wohnen", "beratung"),
                target_groups=("neuzugewanderte", "familien"),
                languages=("ro", "bg", "pl"),
            ),
        ),
    ),
    # --- Naumburg ---------------------------------------------------------------------------
    ActorSpec(
        name="Syrisch-Deutscher Kulturverein Naumburg e.V.",
        kind="migrant_organisation",
        municipality="naumburg-saale",
        street="Jakobsstraße",
        short_description=(
            "Kulturverein syrischer Familien: Arabisch für Kinder, Hausaufgabenhilfe und "
            "Kulturabende für alle Naumburgerinnen und Naumburger."
        ),
        description=(
            "<p>Wir sind syrische und deutsche Familien, die sich seit 2017 für ein gutes "
            "Miteinander in Naumburg einsetzen. Unsere Kinder sollen Deutsch und Arabisch "
            "sprechen – und beide Kulturen kennen.</p>"
            "<ul><li>Muttersprachunterricht Arabisch</li>"
            "<li>Hausaufgabenhilfe</li>"
            "<li>Kulturabende mit Musik und Essen</li></ul>"
        ),
        topics=("kultur-und-begegnung", "schule-und-bildung", "kinder-und-familie"),
        target_groups=("familien", "kinder-und-jugendliche", "gefluechtete"),
        languages=("de", "ar", "ku", "en"),
        hours=WEEKEND,
        offers=(
            OfferSpec(
                name="Arabisch für Kinder – Muttersprachunterricht",
                description=(
                    "Lesen und Schreiben auf Arabisch in zwei Altersgruppen, samstags vormittags."
                ),
                topics=("schule-und-bildung", "kinder-und-familie"),
                target_groups=("kinder-und-jugendliche",),
                languages=("ar",),
                is_free=False,
                cost_note="10 € im Monat, Geschwister frei",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Hausaufgabenhilfe Arabisch–Deutsch",
                description="Studierende und Eltern helfen bei Hausaufgaben, zweisprachig.",
                topics=("schule-und-bildung",),
                target_groups=("kinder-und-jugendliche", "familien"),
                languages=("ar", "de"),
            ),
            OfferSpec(
                name="Kulturabend",
                description="Einmal im Quartal: Musik, syrisches Essen und Gespräche.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien",),
                how_to_access="Termine auf Facebook und Instagram.",
            ),
        ),
    ),
    ActorSpec(
        name="Volkshochschule Burgenlandkreis – Standort Naumburg",
        kind="public_service",
        municipality="naumburg-saale",
        street="Lindenring",
        branches=(("weissenfels", "Weißenfels"), ("zeitz", "Zeitz")),
        short_description=(
            "Integrationskurse, Berufssprachkurse und Einbürgerungstest – Deutschkurs-Angebote "
            "an drei Standorten im Kreis."
        ),
        description=(
            "<p>Die Kreisvolkshochschule ist zugelassener Träger für Integrationskurse des "
            "Bundesamtes für Migration und Flüchtlinge. Kurse finden in Naumburg, Weißenfels "
            "und Zeitz statt, vormittags und abends.</p>"
            "<p>Vor Kursbeginn machen wir mit allen Teilnehmenden einen Einstufungstest, damit "
            "jede Person im passenden Kurs lernt.</p>"
        ),
        topics=("deutschkurs", "schule-und-bildung", "arbeit"),
        target_groups=("neuzugewanderte", "gefluechtete", "fachkraefte"),
        languages=("de", "en"),
        hours=OFFICE,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Integrationskurs (Deutschkurs) mit Alphabetisierung",
                description=(
                    "Deutsch bis B1 plus Orientierungskurs; für Menschen, die die lateinische "
                    "Schrift noch lernen, gibt es Alphabetisierungskurse."
                ),
                topics=("deutschkurs",),
                target_groups=("neuzugewanderte", "gefluechtete"),
                is_free=False,
                cost_note="Kostenbeitrag nach BAMF-Regeln, Befreiung möglich",
                eligibility=(
                    "Mit Berechtigung oder Verpflichtung durch Ausländerbehörde oder Jobcenter."
                ),
                how_to_access="Einstufungstest nach Terminvereinbarung.",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Berufssprachkurse B1/B2",
                description="Deutsch für den Beruf, auch in Teilzeit neben der Arbeit.",
                topics=("deutschkurs", "arbeit"),
                target_groups=("fachkraefte", "arbeitsuchende"),
                eligibility="Über Jobcenter oder Agentur für Arbeit, Berufstätige auch direkt.",
            ),
            OfferSpec(
                name="Sprachkurs Deutsch für Pflegeberufe",
                description=(
                    "Fachsprache Pflege bis B2, Vorbereitung auf die Kenntnisprüfung, in "
                    "Kooperation mit Kliniken der Region."
                ),
                topics=("deutschkurs", "arbeit", "gesundheit"),
                target_groups=("fachkraefte",),
                is_free=False,
                cost_note="wird in der Regel vom Arbeitgeber getragen",
            ),
            OfferSpec(
                name="Einbürgerungstest – Vorbereitung und Prüfung",
                description="Vorbereitungsabend und Prüfungstermine „Leben in Deutschland“.",
                topics=("aufenthalt", "schule-und-bildung"),
                target_groups=("neuzugewanderte",),
                is_free=False,
                cost_note="Prüfungsgebühr 25 €",
            ),
        ),
    ),
    ActorSpec(
        name="Willkommensbündnis Naumburg",
        kind="volunteer_initiative",
        municipality="naumburg-saale",
        street="Marienstraße",
        short_description=(
            "Bürgerinnen und Bürger übernehmen Patenschaften, reparieren Fahrräder und helfen "
            "beim Umzug."
        ),
        description=(
            "<p>Das Willkommensbündnis ist ein loser Zusammenschluss von rund 60 Menschen aus "
            "Naumburg und Umgebung. Wir vermitteln Patenschaften und helfen da, wo Hände "
            "gebraucht werden.</p>"
            "<p>Ehrenamtliche werden vor ihrem Einsatz von der Ehrenamtskoordination der "
            "Migrationsagentur geschult.</p>"
        ),
        topics=("ehrenamt", "kultur-und-begegnung", "mobilitaet", "wohnen"),
        target_groups=("gefluechtete", "ehrenamtliche", "familien"),
        languages=("de", "en", "fr"),
        hours=WEEKLY,
        offers=(
            OfferSpec(
                name="Patenschaften für Neuankommende",
                description=(
                    "Eine Patin oder ein Pate begleitet im ersten Jahr: Stadt zeigen, Post "
                    "verstehen, Freizeitangebote finden."
                ),
                topics=("ehrenamt", "kultur-und-begegnung"),
                target_groups=("gefluechtete", "ehrenamtliche"),
                how_to_access="Interessierte melden sich per E-Mail; wir vermitteln passend.",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Fahrradwerkstatt",
                description="Gespendete Räder werden gemeinsam repariert und verschenkt.",
                topics=("mobilitaet", "ehrenamt"),
                target_groups=("gefluechtete",),
            ),
            OfferSpec(
                name="Umzugshilfe",
                description=(
                    "Helfende Hände und ein Transporter für den Umzug in die erste Wohnung."
                ),
                topics=("wohnen", "ehrenamt"),
                target_groups=("gefluechtete", "familien"),
                how_to_access="Mindestens zwei Wochen vorher anfragen.",
            ),
        ),
    ),
    ActorSpec(
        name="Psychosoziale Beratung für Geflüchtete Naumburg",
        kind="project",
        municipality="naumburg-saale",
        street="Salzstraße",
        short_description=(
            "Psychosoziale Erstberatung und Stabilisierungsgruppen für Menschen mit "
            "belastenden Flucht- und Kriegserfahrungen."
        ),
        description=(
            "<p>Viele Geflüchtete tragen schwere Erfahrungen mit sich. Das Projekt der Diakonie "
            "bietet Gespräche mit Fachkräften und qualifizierten Sprachmittelnden, klärt den "
            "Bedarf und vermittelt in Therapie.</p>"
            "<p>Die Beratung ist vertraulich. Die Kosten für die Sprachmittlung übernimmt das "
            "Projekt.</p>"
        ),
        topics=("psychosoziale-unterstuetzung", "gesundheit", "beratung", "dolmetschen"),
        target_groups=("gefluechtete", "frauen", "unbegleitete-minderjaehrige-gefluechtete"),
        languages=("de", "en", "ar", "fa", "ti", "uk"),
        hours=APPOINTMENT,
        offers=(
            OfferSpec(
                name="Psychosoziale Erstberatung",
                description="Ein bis drei Gespräche zur Klärung, was hilft und wer weiterhilft.",
                topics=("psychosoziale-unterstuetzung", "beratung"),
                target_groups=("gefluechtete",),
                how_to_access="Termin telefonisch; Fachstellen können auch vermitteln.",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Stabilisierungsgruppe für Frauen",
                description=(
                    "Acht Treffen zu Schlaf, Stress und Selbstfürsorge, mit Kinderbetreuung."
                ),
                topics=("psychosoziale-unterstuetzung", "frauen"),
                target_groups=("frauen",),
                availability="closed",
            ),
        ),
    ),
    ActorSpec(
        name="Refugee Law Clinic – Sprechstunde Naumburg",
        kind="project",
        municipality="naumburg-saale",
        street="Wenzelsstraße",
        location_name="Bürgerhaus",
        short_description=(
            "Jurastudierende beraten unter Anleitung von Volljuristinnen kostenlos im Asyl- "
            "und Aufenthaltsrecht."
        ),
        description=(
            "<p>Einmal im Monat kommen Studierende der Rechtswissenschaft nach Naumburg. "
            "Sie beraten unter Aufsicht erfahrener Anwältinnen und Anwälte – kostenlos und "
            "vertraulich.</p>"
        ),
        topics=("rechtsberatung", "aufenthalt"),
        target_groups=("gefluechtete", "studierende"),
        languages=("de", "en", "fr", "ar"),
        hours=APPOINTMENT,
        offers=(
            OfferSpec(
                name="Kostenlose Rechtsberatung im Asyl- und Aufenthaltsrecht",
                description=(
                    "Bescheide verstehen, Rechtsmittel prüfen, Aufenthaltsperspektiven besprechen."
                ),
                topics=("rechtsberatung", "aufenthalt"),
                target_groups=("gefluechtete",),
                how_to_access="Anmeldung bis eine Woche vor dem Termin per E-Mail.",
            ),
            OfferSpec(
                name="Beratung zum Familiennachzug",
                description="Voraussetzungen, Visumsverfahren und Fristen für den Familiennachzug.",
                topics=("rechtsberatung", "aufenthalt", "kinder-und-familie"),
                target_groups=("gefluechtete", "familien"),
            ),
        ),
    ),
    ActorSpec(
        name="Queerer Stammtisch Burgenlandkreis",
        kind="volunteer_initiative",
        municipality="naumburg-saale",
        street="Michaelisstraße",
        short_description=(
            "Offener Treff für lesbische, schwule, bi, trans*, inter* und queere Menschen – "
            "ausdrücklich auch für queere Geflüchtete."
        ),
        description=(
            "<p>Der Stammtisch ist ein sicherer Ort, um andere queere Menschen im Kreis kennen "
            "zu lernen. Einmal im Monat gibt es eine Sprechstunde für queere Geflüchtete, auf "
            "Wunsch mit Sprachmittlung.</p>"
        ),
        topics=("kultur-und-begegnung", "beratung", "psychosoziale-unterstuetzung"),
        target_groups=("lsbtiq", "gefluechtete"),
        languages=("de", "en", "fa", "ar"),
        hours=WEEKLY,
        works_online=True,
        offers=(
            OfferSpec(
                name="Offener Stammtisch",
                description="Jeden zweiten Freitag im Monat, ohne Anmeldung.",
                topics=("kultur-und-begegnung",),
                target_groups=("lsbtiq",),
            ),
            OfferSpec(
                name="Sprechstunde für queere Geflüchtete",
                description=(
                    "Vertrauliche Gespräche über Asylverfahren, Unterbringung und Coming-out."
                ),
                topics=("beratung", "psychosoziale-unterstuetzung"),
                target_groups=("lsbtiq", "gefluechtete"),
                how_to_access="Termin per E-Mail oder Signal, auch anonym.",
            ),
        ),
    ),
    ActorSpec(
        name="Nachbarschaftsgarten Bad Kösen",
        kind="volunteer_initiative",
        municipality="naumburg-saale",
        town="Bad Kösen",
        street="Am Kurpark",
        short_description=(
            "Gemeinsam gärtnern an der Saale: Beete für Familien, Gartenfeste und Kochen mit "
            "der eigenen Ernte."
        ),
        description=(
            "<p>Auf einer ehemaligen Brache haben Nachbarinnen und Nachbarn aus sieben Ländern "
            "einen Garten angelegt. Jede Familie kann ein Beet übernehmen.</p>"
        ),
        topics=("kultur-und-begegnung", "freizeit-und-sport", "kinder-und-familie"),
        target_groups=("familien", "aeltere-menschen", "gefluechtete"),
        languages=("de", "ar", "uk"),
        hours=WEEKEND,
        has_website=False,
        offers=(
            OfferSpec(
                name="Beet-Patenschaft",
                description="Ein eigenes Beet für eine Saison, Werkzeug und Wasser sind da.",
                topics=("freizeit-und-sport", "kultur-und-begegnung"),
                target_groups=("familien",),
                availability="waiting_list",
            ),
            OfferSpec(
                name="Gartenfest mit Erntekochen",
                description="Im September kochen alle gemeinsam mit dem, was gewachsen ist.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien", "aeltere-menschen"),
            ),
        ),
    ),
    ActorSpec(
        name="Afghanisch-Deutscher Freundeskreis Naumburg e.V.",
        kind="migrant_organisation",
        municipality="naumburg-saale",
        street="Buchholzstraße",
        short_description=(
            "Beratung auf Dari und Paschtu, Nachhilfe für Jugendliche und das Nowruz-Fest im "
            "Frühjahr."
        ),
        description=(
            "<p>Der Freundeskreis wurde 2019 von afghanischen Familien und Naumburger "
            "Unterstützerinnen gegründet. Wir helfen neu angekommenen Landsleuten und zeigen "
            "der Stadt unsere Kultur.</p>"
        ),
        topics=("beratung", "kultur-und-begegnung", "dolmetschen"),
        target_groups=("gefluechtete", "unbegleitete-minderjaehrige-gefluechtete", "familien"),
        languages=("de", "fa", "ps"),
        hours=WEEKLY,
        offers=(
            OfferSpec(
                name="Beratung auf Dari und Paschtu",
                description="Briefe verstehen, Termine vorbereiten, an Fachstellen vermitteln.",
                topics=("beratung", "dolmetschen"),
                target_groups=("gefluechtete",),
                languages=("fa", "ps", "de"),
            ),
            OfferSpec(
                name="Nowruz-Fest",
                description="Das persische Neujahrsfest im März, offen für alle.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien",),
            ),
        ),
    ),
    ActorSpec(
        name="Gesundheitsamt Burgenlandkreis – Sprechstunde für Neuzugewanderte",
        kind="public_service",
        municipality="naumburg-saale",
        street="Weißenfelser Straße",
        short_description=(
            "Impfberatung, Schuleingangsuntersuchung und Beratung zur Krankenversicherung, "
            "auf Wunsch mit Dolmetschung."
        ),
        description=(
            "<p>Das Gesundheitsamt berät Neuzugewanderte zu Impfungen und zur "
            "Gesundheitsversorgung in Deutschland. Für Kinder ist die Schuleingangsuntersuchung "
            "Pflicht – wir organisieren dafür Sprachmittlung.</p>"
        ),
        topics=("gesundheit", "kinder-und-familie", "beratung"),
        target_groups=("neuzugewanderte", "familien", "kinder-und-jugendliche"),
        languages=("de", "en", "ru"),
        hours=OFFICE,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Impfberatung und Impfungen",
                description="Prüfung des Impfstatus und Nachholimpfungen nach STIKO-Empfehlung.",
                topics=("gesundheit",),
                target_groups=("neuzugewanderte", "familien"),
                how_to_access="Impfdokumente mitbringen, soweit vorhanden.",
            ),
            OfferSpec(
                name="Schuleingangsuntersuchung mit Dolmetschung",
                description="Termine für Kinder, die neu in Deutschland eingeschult werden.",
                topics=("gesundheit", "schule-und-bildung"),
                target_groups=("kinder-und-jugendliche",),
                languages=("de", "ar", "uk", "fa"),
            ),
        ),
    ),
    ActorSpec(
        name="Welcome Center für internationale Fachkräfte Burgenlandkreis",
        kind="project",
        municipality="naumburg-saale",
        street="Bahnhofstraße",
        short_description=(
            "Ankommen für Fachkräfte, Auszubildende und ihre Familien: Anerkennung, Wohnung, "
            "Kita, Sprachkurs – und Betriebe, die internationale Mitarbeitende suchen."
        ),
        description=(
            "<p>Pflegekräfte aus Indien und Vietnam, Ingenieurinnen aus Brasilien, "
            "Köche aus Spanien: Das Welcome Center hilft Fachkräften aus dem Ausland und ihren "
            "Familien in den ersten Monaten und berät Arbeitgeber im Kreis.</p>"
            "<ul><li>Lotsendienst zur Anerkennung von Abschlüssen</li>"
            "<li>Unterstützung bei Wohnungssuche, Kita und Schule</li>"
            "<li>Stammtisch für internationale Fachkräfte</li></ul>"
        ),
        topics=("arbeit", "ausbildung", "beratung", "wohnen"),
        target_groups=("fachkraefte", "neuzugewanderte", "familien"),
        languages=("de", "en", "es", "pt", "it", "hi", "vi", "zh"),
        hours=APPOINTMENT,
        works_online=True,
        offers=(
            OfferSpec(
                name="Ankommensberatung für Fachkräfte und Familien",
                description=(
                    "Von der Anmeldung bis zur Kita: eine Ansprechperson für alles, was nach "
                    "der Ankunft zu erledigen ist."
                ),
                topics=("beratung", "wohnen", "kinder-und-familie"),
                target_groups=("fachkraefte", "familien"),
                languages=("en", "es", "pt", "de"),
            ),
            OfferSpec(
                name="Begleitung für Pflege-Azubis aus Vietnam und Indien",
                description=(
                    "Patenschaften, Lerngruppen für die Berufsschule und Hilfe bei Heimweh – "
                    "gemeinsam mit den Pflegeschulen der Region."
                ),
                topics=("ausbildung", "gesundheit", "psychosoziale-unterstuetzung"),
                target_groups=("fachkraefte", "kinder-und-jugendliche"),
                languages=("vi", "hi", "en", "de"),
                availability="open",
            ),
            OfferSpec(
                name="Stammtisch für internationale Fachkräfte",
                description="Einmal im Monat in einem Naumburger Café, auf Englisch und Deutsch.",
                topics=("kultur-und-begegnung",),
                target_groups=("fachkraefte",),
                languages=("en", "de", "zh", "it"),
            ),
        ),
    ),
    # --- Zeitz ------------------------------------------------------------------------------
    ActorSpec(
        name="Caritas Migrationsberatung Zeitz",
        kind="association",
        municipality="zeitz",
        street="Wendische Straße",
        short_description=(
            "Migrationsberatung, Familiennachzug und Hilfe bei der Wohnungssuche – offen für "
            "alle, unabhängig von Religion und Herkunft."
        ),
        description=(
            "<p>Die Caritas berät in Zeitz und den umliegenden Gemeinden Menschen mit "
            "Migrationsgeschichte in allen Fragen des Ankommens. Wir nehmen uns Zeit und "
            "begleiten, bis eine Lösung gefunden ist.</p>"
            "<ul><li>Migrationsberatung für Erwachsene</li>"
            "<li>Familiennachzug</li>"
            "<li>Wohnungssuche und Mietfragen</li></ul>"
        ),
        topics=("beratung", "aufenthalt", "wohnen", "kinder-und-familie"),
        target_groups=("neuzugewanderte", "gefluechtete", "familien"),
        languages=("de", "en", "ar", "ru", "ti"),
        hours=COUNSELLING,
        slots=(
            (MON, "9:00", "12:00", False),
            (TUE, "13:00", "16:00", True),
            (THU, "9:00", "12:00", False),
            (THU, "14:00", "17:00", False),
        ),
        offers=(
            OfferSpec(
                name="Migrationsberatung für Erwachsene",
                description="Beratung zu Sprache, Arbeit, Sozialleistungen und Aufenthalt.",
                topics=("beratung", "aufenthalt"),
                target_groups=("neuzugewanderte",),
                eligibility="Zugewanderte ab 27 Jahren.",
            ),
            OfferSpec(
                name="Beratungsstelle Familiennachzug",
                description=(
                    "Wir helfen beim Antrag auf Familiennachzug und halten Kontakt zu den "
                    "Botschaften."
                ),
                topics=("aufenthalt", "kinder-und-familie", "rechtsberatung"),
                target_groups=("gefluechtete", "familien"),
                availability="waiting_list",
            ),
            OfferSpec(
                name="Wohnungssuche: offene Sprechstunde",
                description=(
                    "Hilfe bei Wohnungsanzeigen, Besichtigungsterminen und dem Antrag auf "
                    "Kostenübernahme."
                ),
                topics=("wohnen",),
                target_groups=("gefluechtete", "familien"),
                how_to_access="Donnerstags 14 bis 17 Uhr ohne Termin.",
            ),
        ),
    ),
    ActorSpec(
        name="Frauentreff Zeitz-Ost",
        kind="volunteer_initiative",
        municipality="zeitz",
        street="Geschwister-Scholl-Straße",
        location_name="Begegnungsstätte Zeitz-Ost",
        short_description=(
            "Frauenfrühstück, Fahrradkurs und Deutschkurs mit Kinderbetreuung im Neubaugebiet "
            "Zeitz-Ost."
        ),
        description=(
            "<p>Der Frauentreff ist aus einer Nachbarschaftsinitiative entstanden. Heute "
            "treffen sich hier Frauen, die schon immer in Zeitz-Ost wohnen, mit Frauen, die "
            "neu dazugekommen sind.</p>"
            "<p>Unser Fahrradkurs hat schon über 80 Frauen mobil gemacht – gerade im ländlichen "
            "Raum ein großer Schritt zur Selbstständigkeit.</p>"
        ),
        topics=("frauen", "deutschkurs", "mobilitaet", "kultur-und-begegnung"),
        target_groups=("frauen", "familien", "gefluechtete"),
        languages=("de", "ar", "ti", "uk", "ru"),
        hours=TWICE,
        slots=((TUE, "9:30", "11:30", False), (THU, "9:00", "12:00", False)),
        has_website=False,
        offers=(
            OfferSpec(
                name="Frauenfrühstück",
                description="Jeden Dienstag, mit Themenrunden zu Gesundheit, Schule und Geld.",
                topics=("frauen", "kultur-und-begegnung"),
                target_groups=("frauen",),
            ),
            OfferSpec(
                name="Fahrradkurs für Frauen",
                description=(
                    "In sechs Terminen vom ersten Gleichgewichtsversuch bis zur Fahrt im "
                    "Straßenverkehr; Räder und Helme werden gestellt."
                ),
                topics=("mobilitaet", "frauen"),
                target_groups=("frauen",),
                availability="waiting_list",
            ),
            OfferSpec(
                name="Deutschkurs mit Kinderbetreuung",
                description="Vormittags Deutsch lernen, während die Kleinen nebenan spielen.",
                topics=("deutschkurs", "kinder-und-familie", "frauen"),
                target_groups=("frauen", "familien"),
                availability="open",
            ),
        ),
    ),
    ActorSpec(
        name="Eritreische Gemeinschaft Zeitz",
        kind="migrant_organisation",
        municipality="zeitz",
        street="Rahnestraße",
        short_description=(
            "Treffpunkt der eritreischen Community: Beratung auf Tigrinya, Kaffeezeremonie und "
            "Unterstützung bei Behördengängen."
        ),
        description=(
            "<p>Wir sind eine Gemeinschaft von rund 120 Eritreerinnen und Eritreern in Zeitz und "
            "Umgebung. Erfahrene Mitglieder helfen Neuangekommenen, sich zurechtzufinden.</p>"
        ),
        topics=("kultur-und-begegnung", "dolmetschen", "beratung"),
        target_groups=("gefluechtete", "familien"),
        languages=("de", "ti", "am", "ar"),
        hours=WEEKEND,
        has_website=False,
        offers=(
            OfferSpec(
                name="Sprachmittlung Tigrinya",
                description="Ehrenamtliche begleiten zu Terminen bei Ämtern und Ärzten.",
                topics=("dolmetschen",),
                target_groups=("gefluechtete",),
                languages=("ti", "am", "de"),
            ),
            OfferSpec(
                name="Kaffeezeremonie und Begegnung",
                description=(
                    "Einmal im Monat laden wir Nachbarn zur traditionellen Kaffeezeremonie ein."
                ),
                topics=("kultur-und-begegnung",),
                target_groups=("familien",),
            ),
        ),
    ),
    ActorSpec(
        name="Zeitzer Tafel e.V.",
        kind="association",
        municipality="zeitz",
        street="Fabrikstraße",
        short_description="Lebensmittelausgabe für Menschen mit wenig Geld, zweimal pro Woche.",
        description=(
            "<p>Die Tafel rettet Lebensmittel aus Supermärkten und Bäckereien und gibt sie an "
            "Menschen mit geringem Einkommen weiter. Mehrsprachige Ehrenamtliche helfen bei "
            "der Anmeldung.</p>"
        ),
        topics=("ehrenamt", "kinder-und-familie"),
        target_groups=("familien", "aeltere-menschen", "gefluechtete"),
        languages=("de", "ru", "ar"),
        hours=TWICE,
        slots=((TUE, "14:00", "17:00", False), (FRI, "14:00", "17:00", False)),
        offers=(
            OfferSpec(
                name="Lebensmittelausgabe",
                description="Dienstags und freitags, mit Berechtigungskarte.",
                topics=("kinder-und-familie",),
                target_groups=("familien", "aeltere-menschen"),
                is_free=False,
                cost_note="2 € pro Einkauf",
                eligibility="Mit Nachweis über Bürgergeld, Asylbewerberleistungen oder Rente.",
            ),
        ),
    ),
    ActorSpec(
        name="Mehrgenerationenhaus Zeitz",
        kind="association",
        municipality="zeitz",
        street="Albrechtstraße",
        short_description=(
            "Offenes Haus für alle Generationen mit Sprachkurs für Mütter, Seniorentreff und "
            "Computerkurs."
        ),
        description=(
            "<p>Im Mehrgenerationenhaus begegnen sich Jung und Alt, Alteingesessene und "
            "Neuzugewanderte. Das Café im Erdgeschoss ist werktags geöffnet.</p>"
        ),
        topics=("kultur-und-begegnung", "deutschkurs", "kinder-und-familie"),
        target_groups=("familien", "aeltere-menschen", "frauen"),
        languages=("de", "ru", "uk"),
        hours=OFFICE,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Sprachkurs für Mütter mit Kinderbetreuung",
                description="Deutsch A1/A2 am Vormittag, die Kinder werden im Haus betreut.",
                topics=("deutschkurs", "frauen", "kinder-und-familie"),
                target_groups=("frauen", "familien"),
                availability="waiting_list",
            ),
            OfferSpec(
                name="Seniorentreff international",
                description="Spielenachmittag und Gespräche für Ältere aus aller Welt.",
                topics=("kultur-und-begegnung",),
                target_groups=("aeltere-menschen",),
            ),
            OfferSpec(
                name="Computerkurs für Einsteigerinnen",
                description="E-Mails schreiben, Online-Termine buchen, sicher im Internet.",
                topics=("schule-und-bildung",),
                target_groups=("aeltere-menschen", "frauen"),
            ),
        ),
    ),
    ActorSpec(
        name="Ausbildungsprojekt „Startklar Zeitz“",
        kind="project",
        municipality="zeitz",
        street="Baenschstraße",
        short_description=(
            "Ausbildungsvorbereitung mit Betriebspraktika, Nachhilfe in Fachdeutsch und "
            "Begleitung während der Ausbildung."
        ),
        description=(
            "<p>„Startklar“ bereitet junge Geflüchtete ein Jahr lang auf eine Ausbildung in "
            "Handwerk, Pflege oder Gastronomie vor und begleitet sie bis zur Prüfung.</p>"
        ),
        topics=("ausbildung", "arbeit", "deutschkurs"),
        target_groups=("kinder-und-jugendliche", "arbeitsuchende", "gefluechtete"),
        languages=("de", "ar", "fa", "ti"),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Ausbildungsvorbereitung",
                description="Praktika, Berufsschul-Mathe und Bewerbungstraining in Kleingruppen.",
                topics=("ausbildung",),
                target_groups=("kinder-und-jugendliche",),
                eligibility="Junge Menschen von 16 bis 25 Jahren mit Arbeitsmarktzugang.",
                availability="open",
            ),
            OfferSpec(
                name="Ausbildungsbegleitung und Fachdeutsch",
                description="Nachhilfe während der Ausbildung, damit die Prüfung gelingt.",
                topics=("ausbildung", "deutschkurs"),
                target_groups=("arbeitsuchende", "kinder-und-jugendliche"),
            ),
        ),
    ),
    ActorSpec(
        name="Stadtbibliothek Zeitz – Interkulturelle Bibliothek",
        kind="public_service",
        municipality="zeitz",
        street="Altmarkt",
        short_description=(
            "Bücher in 20 Sprachen, mehrsprachige Vorlesestunden und Deutsch lernen mit "
            "digitalen Medien."
        ),
        description=(
            "<p>Die Stadtbibliothek hält Medien in vielen Sprachen bereit, von Bilderbüchern "
            "bis zu Lehrwerken für den Integrationskurs. Der Bibliotheksausweis ist für "
            "Kinder und Jugendliche kostenlos.</p>"
        ),
        topics=("schule-und-bildung", "deutschkurs", "kinder-und-familie"),
        target_groups=("kinder-und-jugendliche", "familien", "neuzugewanderte"),
        languages=("de", "en", "ar", "uk"),
        hours=OFFICE,
        wheelchair_accessible=True,
        offers=(
            OfferSpec(
                name="Mehrsprachige Vorlesestunde",
                description=(
                    "Jeden Donnerstag liest jemand auf Deutsch und in einer zweiten Sprache."
                ),
                topics=("kinder-und-familie", "schule-und-bildung"),
                target_groups=("kinder-und-jugendliche", "familien"),
                languages=("de", "ar", "uk", "fa"),
            ),
            OfferSpec(
                name="Deutsch lernen mit digitalen Medien",
                description=(
                    "Einführung in Sprachlern-Apps und die Onleihe, mit Übungs-Tablets vor Ort."
                ),
                topics=("deutschkurs",),
                target_groups=("neuzugewanderte",),
            ),
        ),
    ),
    ActorSpec(
        name="Internationaler Chor Zeitz (im Aufbau)",
        kind="volunteer_initiative",
        municipality="zeitz",
        street="Schützenstraße",
        live=False,
        short_description=(
            "Ein Chor für Lieder aus aller Welt – wir suchen noch Sängerinnen und Sänger."
        ),
        description=(
            "<p>Der Chor probt ab dem Herbst einmal pro Woche. Notenkenntnisse sind nicht "
            "nötig.</p>"
        ),
        topics=("kultur-und-begegnung", "freizeit-und-sport"),
        target_groups=("gefluechtete", "aeltere-menschen"),
        languages=("de",),
        hours=WEEKLY,
        has_website=False,
        offers=(
            OfferSpec(
                name="Chorprobe",
                description="Lieder aus Syrien, der Ukraine, Eritrea und Sachsen-Anhalt.",
                topics=("kultur-und-begegnung",),
                target_groups=("gefluechtete",),
            ),
        ),
    ),
    # --- Hohenmölsen and the smaller towns ---------------------------------------------------
    ActorSpec(
        name="Ehrenamtliche Lernpaten Hohenmölsen",
        slug=COORDINATOR_ACTOR_SLUG,
        kind="volunteer_initiative",
        municipality="hohenmoelsen",
        street="Straße der Jugend",
        location_name="Grundschule, Raum 12",
        short_description=(
            "Ehrenamtliche begleiten Schulkinder beim Lernen und üben mit Erwachsenen Deutsch, "
            "eins zu eins."
        ),
        description=(
            "<p>Die Lernpaten sind rund 25 Ehrenamtliche – viele im Ruhestand, einige "
            "Studierende. Jede Patin begleitet ein Kind oder eine erwachsene Person einmal pro "
            "Woche.</p>"
            "<p>Neue Patinnen und Paten bekommen eine Einführung und treffen sich monatlich zum "
            "Austausch.</p>"
        ),
        topics=("schule-und-bildung", "ehrenamt", "deutschkurs"),
        target_groups=("kinder-und-jugendliche", "ehrenamtliche", "gefluechtete"),
        languages=("de", "ar", "uk"),
        hours=WEEKLY,
        offers=(
            OfferSpec(
                name="Lernpatenschaften für Schulkinder",
                description="Hausaufgaben, Lesen üben, Mathe erklären – einmal pro Woche.",
                topics=("schule-und-bildung", "kinder-und-familie"),
                target_groups=("kinder-und-jugendliche",),
                how_to_access="Vermittlung über die Schule oder direkt per E-Mail.",
                availability="waiting_list",
            ),
            OfferSpec(
                name="Deutsch üben für Erwachsene (eins zu eins)",
                description="Gespräche, Briefe lesen, Prüfungsvorbereitung im eigenen Tempo.",
                topics=("deutschkurs",),
                target_groups=("gefluechtete", "neuzugewanderte"),
            ),
            OfferSpec(
                name="Lernpatin oder Lernpate werden",
                description="Wir suchen Menschen, die eine Stunde pro Woche Zeit verschenken.",
                topics=("ehrenamt",),
                target_groups=("ehrenamtliche",),
                availability="open",
            ),
        ),
    ),
    ActorSpec(
        name="Familienzentrum Hohenmölsen",
        kind="association",
        municipality="hohenmoelsen",
        street="Zeitzer Straße",
        short_description=(
            "Eltern-Kind-Gruppen, Familienberatung und Hebammensprechstunde für alle Familien "
            "im Raum Hohenmölsen."
        ),
        description=(
            "<p>Das Familienzentrum ist Anlaufstelle für Familien mit kleinen Kindern. Wir "
            "arbeiten mit Dolmetscherinnen, damit alle Eltern die Angebote nutzen können.</p>"
        ),
        topics=("kinder-und-familie", "beratung", "gesundheit"),
        target_groups=("familien", "frauen", "kinder-und-jugendliche"),
        languages=("de", "ar", "ru"),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Eltern-Kind-Gruppe international",
                description="Spielen, Singen, Austausch für Eltern mit Kindern bis drei Jahre.",
                topics=("kinder-und-familie",),
                target_groups=("familien",),
            ),
            OfferSpec(
                name="Familienberatung",
                description="Erziehungsfragen, Kita-Anmeldung, Anträge für Familienleistungen.",
                topics=("beratung", "kinder-und-familie"),
                target_groups=("familien",),
            ),
        ),
    ),
    ActorSpec(
        name="Deutsch-Vietnamesischer Freundeskreis Hohenmölsen",
        kind="migrant_organisation",
        municipality="hohenmoelsen",
        street="Markt",
        short_description=(
            "Vietnamesische Familien, die seit Jahrzehnten in der Region leben, unterstützen "
            "Neuankommende und feiern das Tết-Fest."
        ),
        description=(
            "<p>Viele unserer Mitglieder kamen in den 1980er-Jahren als Vertragsarbeiter in die "
            "DDR. Heute geben wir unsere Erfahrung an die nächste Generation weiter.</p>"
        ),
        topics=("kultur-und-begegnung", "beratung", "arbeit"),
        target_groups=("neuzugewanderte", "familien", "aeltere-menschen"),
        languages=("de", "vi"),
        hours=WEEKEND,
        offers=(
            OfferSpec(
                name="Beratung auf Vietnamesisch",
                description="Hilfe bei Gewerbeanmeldung, Steuern und Behördenbriefen.",
                topics=("beratung", "arbeit"),
                target_groups=("neuzugewanderte",),
                languages=("vi", "de"),
            ),
            OfferSpec(
                name="Tết-Fest",
                description="Das vietnamesische Neujahrsfest, mit Essen und Musik für alle.",
                topics=("kultur-und-begegnung",),
                target_groups=("familien",),
            ),
        ),
    ),
    ActorSpec(
        name="Fahrradwerkstatt Lützen (in Vorbereitung)",
        kind="volunteer_initiative",
        municipality="luetzen",
        street="Gustav-Adolf-Straße",
        live=False,
        short_description="Gespendete Fahrräder reparieren und an Menschen ohne Auto weitergeben.",
        description="<p>Wir suchen noch einen Raum und Werkzeugspenden.</p>",
        topics=("mobilitaet", "ehrenamt"),
        target_groups=("gefluechtete", "ehrenamtliche"),
        languages=("de",),
        hours=NO_HOURS,
        has_website=False,
        offers=(
            OfferSpec(
                name="Reparaturnachmittag",
                description="Gemeinsam schrauben, Ersatzteile sind vorhanden.",
                topics=("mobilitaet",),
                target_groups=("gefluechtete",),
            ),
        ),
    ),
    ActorSpec(
        name="Mitfahrnetz Teuchern",
        kind="volunteer_initiative",
        municipality="teuchern",
        street="Bahnhofstraße",
        short_description=(
            "Ehrenamtliche Fahrerinnen und Fahrer bringen Menschen ohne Auto zu Terminen in "
            "Weißenfels, Naumburg und Zeitz."
        ),
        description=(
            "<p>Der Bus fährt selten, der Termin in der Migrationsagentur ist aber wichtig: "
            "Das Mitfahrnetz vermittelt Fahrten mit Ehrenamtlichen aus Teuchern und den "
            "Ortsteilen.</p>"
        ),
        topics=("mobilitaet", "ehrenamt"),
        target_groups=("gefluechtete", "aeltere-menschen", "menschen-mit-behinderung"),
        languages=("de", "en"),
        hours=APPOINTMENT,
        has_website=False,
        offers=(
            OfferSpec(
                name="Fahrten zu Ämtern und Arztterminen",
                description="Mit drei Tagen Vorlauf, auch mit Kindersitz.",
                topics=("mobilitaet",),
                target_groups=("gefluechtete", "aeltere-menschen", "menschen-mit-behinderung"),
                how_to_access="Telefonisch anfragen; Benzinkosten übernimmt der Verein.",
            ),
        ),
    ),
    ActorSpec(
        name="Projekt „Weinberg international“ Freyburg",
        kind="project",
        municipality="freyburg-unstrut",
        street="Am Weinberg",
        short_description=(
            "Arbeit im Weinbau für Geflüchtete: saisonale Beschäftigung mit Fachsprachkurs und "
            "Chance auf Ausbildung."
        ),
        description=(
            "<p>Winzerbetriebe an Saale und Unstrut suchen Arbeitskräfte. Das Projekt "
            "verbindet Lese und Rebschnitt mit einem Deutschkurs zur Fachsprache im Weinbau "
            "und vermittelt in eine Ausbildung als Winzerin oder Winzer.</p>"
        ),
        topics=("arbeit", "ausbildung", "deutschkurs"),
        target_groups=("arbeitsuchende", "gefluechtete"),
        languages=("de", "en", "ar", "ti"),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Saisonarbeit mit Fachsprachkurs",
                description="Von September bis November, sozialversicherungspflichtig beschäftigt.",
                topics=("arbeit", "deutschkurs"),
                target_groups=("arbeitsuchende",),
                availability="closed",
            ),
            OfferSpec(
                name="Einstieg in die Ausbildung Winzer/in",
                description="Schnuppertage und Vermittlung an Ausbildungsbetriebe.",
                topics=("ausbildung",),
                target_groups=("arbeitsuchende", "kinder-und-jugendliche"),
            ),
        ),
    ),
    ActorSpec(
        name="Begegnungscafé Gleina (Entwurf)",
        kind="volunteer_initiative",
        municipality="gleina",
        live=False,
        short_description="Kaffee und Kuchen im Dorfgemeinschaftshaus – geplant ab dem Frühjahr.",
        description="<p>Die Initiative gründet sich gerade; Termine folgen.</p>",
        topics=("kultur-und-begegnung",),
        target_groups=("gefluechtete", "aeltere-menschen"),
        languages=("de",),
        hours=NO_HOURS,
        has_website=False,
        offers=(
            OfferSpec(
                name="Begegnungscafé",
                description="Einmal im Monat am Sonntagnachmittag.",
                topics=("kultur-und-begegnung",),
                target_groups=("aeltere-menschen",),
            ),
        ),
    ),
)
