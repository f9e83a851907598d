"""The editorial pages of the demo: home page texts and the pages every portal needs."""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Locale, Page

from demo.network.house_hours import easy_read_hours, unit_hours
from demo.network.pages_en import HOME_TEXTS_EN, PAGES_EN
from portal.localisation import ensure_locales, synchronise_page_tree
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
    # Pages linked from every footer stay out of the main navigation.
    in_menu: bool = True


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
        in_menu=False,
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
        in_menu=False,
    ),
    PageText(
        slug="barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        intro=(
            "Wie barrierefrei dieses Portal ist, was noch nicht barrierefrei ist und wie Sie "
            "uns Barrieren melden."
        ),
        body=(
            DEMO_NOTE + "<p>Der Burgenlandkreis ist bemüht, das Portal des "
            "Integrationsnetzwerks barrierefrei zugänglich zu machen. Rechtsgrundlage sind "
            "das Behindertengleichstellungsgesetz Sachsen-Anhalt (BGG LSA) und die "
            "Behindertengleichstellungsverordnung Sachsen-Anhalt (BGGVO LSA), mit denen das "
            "Land die Richtlinie (EU) 2016/2102 umsetzt. Maßstab sind die Anforderungen der "
            "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der europäischen "
            "Norm EN 301 549, also die Web Content Accessibility Guidelines (WCAG) 2.1 auf "
            "Stufe AA.</p>"
            "<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>"
            "<p>Dieses Portal ist <b>teilweise barrierefrei</b>. Die Seiten des Portals "
            "selbst – Verzeichnis, Bedarfe, Veranstaltungen, Suche, das Formular für Anliegen "
            "und der Mitgliederbereich – erfüllen die Anforderungen nach unserer Prüfung. Die "
            "unten genannten Inhalte sind noch nicht barrierefrei.</p>"
            "<h2>Nicht barrierefreie Inhalte</h2>"
            "<ul>"
            "<li><b>Texte und Dateien der Akteure:</b> Die Vereine, Initiativen und Projekte "
            "pflegen ihre Einträge und Veranstaltungen selbst. Hochgeladene Logos haben nicht "
            "immer einen aussagekräftigen Alternativtext, angehängte PDF-Dateien (zum Beispiel "
            "Flyer) sind oft nicht barrierefrei. Wir weisen die Akteure bei der Prüfung ihrer "
            "Einträge darauf hin.</li>"
            "<li><b>Deutsche Gebärdensprache:</b> Erklärungen zum Portal in Deutscher "
            "Gebärdensprache fehlen noch. Sie sind für das erste Halbjahr 2027 geplant. Eine "
            '<a href="/leichte-sprache/">Erklärung in Leichter Sprache</a> gibt es '
            "bereits.</li>"
            "<li><b>Chat:</b> Im Chat werden neue Nachrichten Screenreadern angesagt; bei sehr "
            "vielen Nachrichten in kurzer Zeit kann die Ansage unvollständig sein. Der Verlauf "
            "lässt sich jederzeit vollständig nachlesen.</li>"
            "<li><b>Übersetzungen:</b> Die Bedienung des Portals gibt es in sieben Sprachen. "
            "Viele Inhalte, vor allem die Einträge der Akteure, liegen nur auf Deutsch vor; "
            "solche Seiten sind gekennzeichnet.</li>"
            "</ul>"
            "<h2>Erstellung dieser Erklärung</h2>"
            "<p>Diese Erklärung wurde am 16. November 2026 erstellt. Sie beruht auf einer "
            "Selbstbewertung durch die Redaktion mit automatischen Prüfungen (axe-core) und "
            "Tests mit Tastatur, Bildschirmlupe und Screenreader. Die Erklärung wird "
            "mindestens einmal im Jahr und nach jeder größeren Änderung des Portals "
            "überprüft.</p>"
            "<h2>Barrieren melden: Feedback und Kontakt</h2>"
            "<p>Sind Ihnen Barrieren aufgefallen, oder brauchen Sie einen Inhalt in einer "
            "anderen Form? Schreiben Sie uns:</p>"
            "<p>Migrationsagentur Burgenlandkreis, Redaktion Integrationsnetzwerk<br>"
            "Promenade 31, 06667 Weißenfels<br>"
            'E-Mail: <a href="mailto:barrierefreiheit@mia-blk.example">'
            "barrierefreiheit@mia-blk.example</a><br>"
            "Telefon: 03443 030-10</p>"
            "<p>Wir antworten innerhalb von vier Wochen. Sie können uns auch während der "
            "offenen Sprechzeiten in der Eingangszone ansprechen.</p>"
            "<h2>Durchsetzungsverfahren</h2>"
            "<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten "
            "haben, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik "
            "des Landes Sachsen-Anhalt bei der Landesfachstelle für Barrierefreiheit wenden. "
            "Sie vermittelt zwischen Ihnen und uns, um die Barriere zu beseitigen. Das "
            "Verfahren ist kostenlos, Sie brauchen keinen Rechtsbeistand.</p>"
            '<p><a href="https://lf-barrierefreiheit-st.de/ueber-uns/ombudsstelle">'
            "Ombudsstelle der Landesfachstelle für Barrierefreiheit Sachsen-Anhalt</a></p>"
            "<p>Die Schlichtungsstelle nach § 16 des Behindertengleichstellungsgesetzes des "
            "Bundes ist nur für Stellen des Bundes zuständig; für den Burgenlandkreis gilt das "
            "Verfahren des Landes Sachsen-Anhalt.</p>"
        ),
        in_menu=False,
    ),
    PageText(
        slug="leichte-sprache",
        title="Die Migrations-Agentur in Leichter Sprache",
        intro="Hier erklären wir die Migrations-Agentur in Leichter Sprache.",
        body=(
            "<h2>Was ist die Migrations-Agentur?</h2>"
            "<p>Die Migrations-Agentur ist ein Amt.</p>"
            "<p>Das Amt gehört zum Burgenland-Kreis.</p>"
            "<p>Die Migrations-Agentur hilft Menschen aus anderen Ländern.</p>"
            "<p>Zum Beispiel bei Fragen zum Aufenthalt.</p>"
            "<p>Oder bei Fragen zu Arbeit.</p>"
            "<p>Oder bei Fragen zu einer Wohnung.</p>"
            "<p>In der Migrations-Agentur sind viele Ämter in einem Haus.</p>"
            "<p>Zum Beispiel die Ausländer-Behörde und das Job-Center.</p>"
            "<p>Sie müssen nicht von Amt zu Amt gehen.</p>"
            "<h2>Wo ist die Migrations-Agentur?</h2>"
            "<p>Die Migrations-Agentur ist in Weißenfels.</p>"
            "<p>Die Adresse ist:<br>Promenade 31<br>06667 Weißenfels</p>"
            "<p>Das Haus hat einen Eingang ohne Stufen.</p>"
            "<p>Sie kommen auch mit einem Roll-Stuhl in das Haus.</p>"
            "<h2>Wann können Sie kommen?</h2>"
            "<p>Sie brauchen keinen Termin.</p>"
            "<p>Sie können einfach kommen:</p>"
            # The intake zone's hours, from the table its page and profile are made of.
            + easy_read_hours(unit_hours("eingangszone"))
            + "<p>Zuerst gehen Sie in die Eingangs-Zone.</p>"
            "<p>Dort fragen wir: Was brauchen Sie?</p>"
            "<p>Dann bringen wir Sie zu der richtigen Stelle im Haus.</p>"
            "<h2>Was bringen Sie mit?</h2>"
            "<ul><li>Ihren Pass oder Ihren Ausweis</li>"
            "<li>Ihren Aufenthalts-Titel, wenn Sie einen haben</li>"
            "<li>Briefe von Ämtern zu Ihrer Frage</li></ul>"
            "<p>Sie sprechen wenig Deutsch?</p>"
            "<p>Das ist kein Problem.</p>"
            "<p>Wir haben Dolmetscher.</p>"
            "<p>Sie können auch eine Person mitbringen.</p>"
            "<p>Die Person kann Ihnen helfen.</p>"
            "<h2>Sie haben Fragen?</h2>"
            "<p>Rufen Sie an: 03443 030-10</p>"
            '<p>Oder schreiben Sie eine E-Mail: <a href="mailto:eingangszone@mia-blk.example">'
            "eingangszone@mia-blk.example</a></p>"
        ),
        in_menu=False,
    ),
)


def ensure_pages() -> list[str]:
    """Fill the home page, add the standard pages and their English translations; returns what
    could not be done.

    Only empty home page fields are filled and existing pages and translations are left alone,
    so editors' changes survive a second run and repeated runs add no revisions. The other
    languages keep aliases of the German pages (`portal.localisation`).
    """
    default, *_others = ensure_locales()
    home = HomePage.objects.filter(depth=2, locale=default).first()
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
            show_in_menus=text.in_menu,
            live=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    # Translations replace the aliases in place, so every language keeps the German order.
    synchronise_page_tree()
    english = Locale.objects.get(language_code="en")
    ensure_translation(home, english, HOME_TEXTS_EN)
    for child in home.get_children().filter(slug__in=PAGES_EN).specific():
        ensure_translation(child, english, PAGES_EN[child.slug])
    return []


def ensure_translation(source: Page, locale: Locale, texts: dict[str, str]) -> bool:
    """Write a translation of a German page unless one exists (returns whether it wrote one);
    an alias (the German text shown under the other language) becomes a real translation."""
    page = source.get_translation_or_none(locale)
    if page is None:
        page = source.copy_for_translation(locale, copy_parents=True)
    elif page.alias_of_id is not None:
        ConvertAliasPageAction(page).execute(skip_permission_checks=True)
    else:
        return False
    page = page.specific
    for field, value in texts.items():
        setattr(page, field, value)
    page.draft_title = page.title
    page.save_revision().publish()
    return True
