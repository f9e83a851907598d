"""The editorial pages of the demo: home page texts and the pages every portal needs."""

from __future__ import annotations

from dataclasses import dataclass

from portal.models import ContentPage, HomePage

HOME_TEXTS: dict[str, str] = {
    "intro": (
        "Angebote, Beratung und Engagement rund um Migration und Integration im "
        "Burgenlandkreis – an einem Ort."
    ),
    "body": (
        "<h2>Ein Netzwerk für den ganzen Kreis</h2>"
        "<p>Im Integrationsnetzwerk Burgenlandkreis arbeiten Vereine, Initiativen, "
        "Migrantenselbstorganisationen, Projekte, Kirchengemeinden, Ehrenamtliche und "
        "öffentliche Stellen zusammen – von Weißenfels und Naumburg über Zeitz und Hohenmölsen "
        "bis in die Dörfer an Unstrut, Wethau und Finne.</p>"
        "<p>Hier finden Sie, wer was anbietet: Deutschkurse und Sprachcafés, Beratung zu "
        "Aufenthalt, Arbeit und Wohnen, Angebote für Frauen, Kinder und Familien, Sport und "
        "Begegnung. Jeder Eintrag wird von den Akteuren selbst gepflegt und regelmäßig "
        "bestätigt.</p>"
        '<ul><li><a href="/directory/">Im Verzeichnis suchen</a> – nach Thema, Sprache, '
        "Zielgruppe oder Gemeinde</li>"
        "<li>Mitmachen: Die Ehrenamtskoordination der Migrationsagentur nimmt neue Akteure "
        "gern ins Netzwerk auf.</li></ul>"
    ),
    "agency_title": "Die Migrationsagentur: ein Haus für alle Anliegen",
    "agency_text": (
        "<p>In der Migrationsagentur des Burgenlandkreises arbeiten die Stellen, die "
        "Zugewanderte brauchen, unter einem Dach zusammen: Ausländerbehörde, "
        "Asylbewerberleistungen, Unterbringung, Integrationsberatung, Jobcenter und Agentur für "
        "Arbeit.</p>"
        "<p>Sie brauchen keinen Termin. In der <b>Eingangszone</b> nehmen wir jedes Anliegen "
        "auf, sortieren es und bringen Sie zur zuständigen Stelle. Es gibt keine falschen Wege: "
        "Was nicht zu uns gehört, leiten wir im Haus weiter – Sie müssen nicht von Amt zu Amt "
        "laufen.</p>"
        "<ul><li>offene Beratung ohne Termin</li>"
        "<li>Sprachmittlung in vielen Sprachen</li>"
        "<li>enge Zusammenarbeit mit den Beratungsstellen und Initiativen im Netzwerk</li></ul>"
    ),
}


@dataclass(frozen=True)
class PageText:
    slug: str
    title: str
    intro: str
    body: str


DEMO_NOTE = (
    "<p><i>Hinweis: Dies ist eine Demo-Installation. Alle Angaben auf dieser Seite sind "
    "Beispieltexte.</i></p>"
)

CONTENT_PAGES: tuple[PageText, ...] = (
    PageText(
        slug="ueber-uns",
        title="Über das Netzwerk",
        intro="Wer zum Netzwerk gehört, wie das Verzeichnis entsteht und wie Sie mitmachen.",
        body=(
            "<h2>Wer mitmacht</h2>"
            "<p>Zum Integrationsnetzwerk gehören über hundert Akteure: Beratungsstellen der "
            "Wohlfahrtsverbände, Sprachkursträger, Migrantenselbstorganisationen, "
            "Sportvereine, Kirchengemeinden, Projekte zur Arbeitsmarktintegration, "
            "ehrenamtliche Initiativen und einzelne Engagierte. Die Migrationsagentur des "
            "Burgenlandkreises koordiniert das Netzwerk.</p>"
            "<h2>Wie das Verzeichnis entsteht</h2>"
            "<p>Jeder Akteur pflegt seinen Eintrag selbst. Änderungen werden vor der "
            "Veröffentlichung geprüft, und wir bitten regelmäßig darum, Angaben zu bestätigen – "
            "damit niemand vor verschlossenen Türen steht.</p>"
            "<h2>Mitmachen</h2>"
            "<ul><li>Als Verein, Initiative oder Projekt: Schreiben Sie der "
            "Ehrenamtskoordination, wir legen einen Zugang für Sie an.</li>"
            "<li>Als Ehrenamtliche oder Ehrenamtlicher: Wir vermitteln Sie an eine Initiative "
            "in Ihrer Nähe und laden Sie zu unseren Schulungen ein.</li></ul>"
        ),
    ),
    PageText(
        slug="datenschutz",
        title="Datenschutz",
        intro="Welche Daten das Portal verarbeitet und welche Rechte Sie haben.",
        body=(
            DEMO_NOTE + "<h2>Verantwortliche Stelle</h2>"
            "<p>Burgenlandkreis, Migrationsagentur, Promenade 31, 06667 Weißenfels, "
            "datenschutz@mia-blk.example</p>"
            "<h2>Besuch des Portals</h2>"
            "<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten "
            "(IP-Adresse, Zeitpunkt, aufgerufene Adresse) für höchstens sieben Tage, um den "
            "Betrieb zu sichern. Es gibt keine Analyse- oder Werbe-Cookies und keine Inhalte "
            "von Drittanbietern. Cookies werden nur für die Sprachwahl und die Anmeldung "
            "gesetzt.</p>"
            "<h2>Einträge im Verzeichnis</h2>"
            "<p>Kontaktdaten von Akteuren und Ansprechpersonen veröffentlichen wir nur mit "
            "deren Einwilligung. Die Einwilligung kann jederzeit widerrufen werden.</p>"
            "<h2>Ihre Rechte</h2>"
            "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
            "Verarbeitung sowie auf Beschwerde bei der Landesbeauftragten für den Datenschutz "
            "Sachsen-Anhalt.</p>"
        ),
    ),
    PageText(
        slug="impressum",
        title="Impressum",
        intro="Anbieterkennzeichnung des Portals.",
        body=(
            DEMO_NOTE + "<h2>Anbieter</h2>"
            "<p>Burgenlandkreis<br>Migrationsagentur<br>Promenade 31<br>06667 Weißenfels</p>"
            "<p>E-Mail: kontakt@mia-blk.example</p>"
            "<h2>Redaktion</h2>"
            "<p>Die Einträge im Verzeichnis verantworten die jeweiligen Akteure. Für die "
            "übrigen Inhalte ist die Redaktion des Integrationsnetzwerks in der "
            "Migrationsagentur verantwortlich.</p>"
        ),
    ),
)


def ensure_pages() -> list[str]:
    """Fill the home page and add the standard pages; returns what could not be done.

    Only empty home page fields are filled and existing pages are left alone, so editors'
    changes survive a second run and repeated runs add no revisions.
    """
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        return ["no home page at depth 2; run the portal migrations first"]
    empty = {field: value for field, value in HOME_TEXTS.items() if not getattr(home, field)}
    if empty:
        for field, value in empty.items():
            setattr(home, field, value)
        home.save_revision().publish()
    for text in CONTENT_PAGES:
        if home.get_children().filter(slug=text.slug).exists():
            continue
        page = ContentPage(
            title=text.title,
            slug=text.slug,
            intro=text.intro,
            body=text.body,
            show_in_menus=True,
            live=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return []
