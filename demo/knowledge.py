"""The knowledge base of the demo: articles of every unit, in German with English translations,
some shared with the network's members, a few not reviewed for over a year, two documents.

Written through knowledge.services by a member of each owning unit, as staff would; an article
whose slug exists already is left as it is, so loading again changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Collection

from demo.network.pages import ensure_translation
from knowledge.models import (
    ArticleAttachment,
    ArticleKind,
    Audience,
    KnowledgeArticlePage,
    KnowledgeDocument,
)
from knowledge.permissions import KNOWLEDGE_COLLECTION
from knowledge.services import ArticleInput, knowledge_index, write_article
from network.models import AgencyUnit
from portal.localisation import ensure_locales
from referrals.models import ConcernCategory


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    unit: str
    kind: str
    title: str
    summary: str
    body: str
    title_en: str
    summary_en: str
    body_en: str
    categories: tuple[str, ...] = ()
    shared: bool = False
    # Days since the last review: over 365 marks the article stale on the workspace.
    reviewed_days_ago: int = 20
    document: tuple[str, str] | None = None  # (title, text of a .txt checklist)


P, R, C, K, T = (
    ArticleKind.PROCEDURE,
    ArticleKind.RESPONSIBILITIES,
    ArticleKind.PARTNER_CONTACT,
    ArticleKind.CHECKLIST,
    ArticleKind.TEMPLATE,
)

ARTICLES: tuple[DemoArticle, ...] = (
    DemoArticle(
        "wohnsitzauflage-aendern",
        "auslaenderbehoerde",
        P,
        "Wohnsitzauflage ändern",
        "Wann eine Wohnsitzauflage gestrichen oder geändert wird und wie der Antrag läuft.",
        "<p>Eine Wohnsitzauflage nach § 12a AufenthG wird auf Antrag aufgehoben, wenn die Person "
        "oder ihr Ehegatte anderswo eine sozialversicherungspflichtige Beschäftigung von "
        "mindestens 15 Stunden pro Woche, eine Ausbildung oder ein Studium aufnimmt.</p>"
        "<ul><li>Antrag formlos bei uns, mit Arbeits- oder Ausbildungsvertrag</li>"
        "<li>Zustimmung der Ausländerbehörde am Zuzugsort einholen</li>"
        "<li>Bescheid und neue Zusatzblatt-Eintragung aushändigen</li></ul>",
        "Changing a residence obligation",
        "When a residence obligation is lifted or changed, and how the application works.",
        "<p>A residence obligation under section 12a of the Residence Act is lifted on request "
        "when the person or their spouse takes up employment of at least 15 hours a week, "
        "vocational training or studies elsewhere.</p><ul><li>Informal application with the "
        "employment or training contract</li><li>Obtain the consent of the immigration office "
        "at the new place</li><li>Hand over the decision and the new supplementary sheet</li></ul>",
        categories=("aufenthalt",),
        document=("Checkliste Wohnsitzauflage", "Arbeitsvertrag\nMeldebescheinigung\nPass\n"),
    ),
    DemoArticle(
        "aufenthaltserlaubnis-verlaengern",
        "auslaenderbehoerde",
        P,
        "Aufenthaltserlaubnis verlängern",
        "Rechtzeitig vor Ablauf: Termin, Unterlagen, Fiktionsbescheinigung.",
        "<p>Der Antrag muss vor Ablauf der Erlaubnis gestellt werden; dann gilt der bisherige "
        "Aufenthalt als fortbestehend (Fiktionsbescheinigung).</p><ol><li>Termin über die "
        "Eingangszone vergeben</li><li>Pass, biometrisches Foto, Nachweis über Einkommen und "
        "Wohnraum prüfen</li><li>Bei Lücken: Fiktionsbescheinigung ausstellen, fehlende "
        "Unterlagen nachfordern</li></ol>",
        "Extending a residence permit",
        "In good time before it expires: appointment, documents, fictional certificate.",
        "<p>The application must be made before the permit expires; the previous residence "
        "then continues to apply (fictional certificate).</p><ol><li>Book an appointment "
        "through the intake zone</li><li>Check passport, biometric photo, proof of income and "
        "housing</li><li>If documents are missing: issue a fictional certificate and ask for "
        "the rest</li></ol>",
        categories=("aufenthalt",),
    ),
    DemoArticle(
        "leistungen-nach-asylblg-beantragen",
        "asylbewerberleistungen",
        P,
        "Leistungen nach AsylbLG beantragen",
        "Wer Anspruch hat, welche Unterlagen nötig sind und wie schnell gezahlt wird.",
        "<p>Anspruch haben Asylsuchende, Geduldete und vollziehbar Ausreisepflichtige. Der "
        "Antrag wird bei uns gestellt; die Erstzahlung erfolgt als Barscheck oder auf das "
        "Konto.</p><ul><li>Ankunftsnachweis oder Aufenthaltsgestattung</li><li>Nachweis der "
        "Unterkunft</li><li>Kontoauszüge, falls ein Konto besteht</li></ul>",
        "Applying for benefits under the Asylum Seekers Benefits Act",
        "Who is entitled, which documents are needed and how quickly benefits are paid.",
        "<p>Asylum seekers, people with a Duldung and people obliged to leave are entitled. "
        "The application is made with us; the first payment is a cash cheque or a bank "
        "transfer.</p><ul><li>Proof of arrival or permission to stay</li><li>Proof of the "
        "accommodation</li><li>Bank statements if there is an account</li></ul>",
        categories=("asylbewerberleistungen",),
        shared=True,
    ),
    DemoArticle(
        "wechsel-asylblg-zum-jobcenter",
        "asylbewerberleistungen",
        R,
        "Wechsel vom AsylbLG zum Jobcenter",
        "Wer was tut, wenn eine Person anerkannt wird: keine Lücke in der Zahlung.",
        "<p>Mit der Anerkennung endet der Anspruch nach AsylbLG am Monatsende. Wir informieren "
        "das Jobcenter über die interne Weiterleitung, das Jobcenter zahlt ab dem Folgemonat.</p>"
        "<ul><li>Asylbewerberleistungen: Bescheid über das Ende, Weiterleitung</li><li>Jobcenter: "
        "Antrag auf Bürgergeld aufnehmen, Termin zur Erstberatung</li><li>Unterbringung: "
        "Wohnungssuche beginnen</li></ul>",
        "Moving from asylum seekers' benefits to the Jobcenter",
        "Who does what when a person is recognised: no gap in payments.",
        "<p>With recognition, entitlement under the Asylum Seekers Benefits Act ends at the end "
        "of the month. We inform the Jobcenter through an internal referral; the Jobcenter pays "
        "from the following month.</p><ul><li>Asylum seekers' benefits: notice of the end, "
        "referral</li><li>Jobcenter: take the application for citizen's income, first "
        "appointment</li><li>Accommodation: start the search for a flat</li></ul>",
        categories=("asylbewerberleistungen", "arbeit"),
    ),
    DemoArticle(
        "anerkennung-auslaendischer-abschluesse",
        "agentur-fuer-arbeit",
        P,
        "Anerkennung ausländischer Abschlüsse",
        "Welche Stelle zuständig ist und wie wir die Person dorthin begleiten.",
        "<p>Für reglementierte Berufe (Pflege, Medizin, Lehramt) ist die Anerkennung Pflicht. "
        "Zuständige Stellen findet der Anerkennungs-Finder; die IQ-Beratung Sachsen-Anhalt "
        "berät kostenlos.</p><ol><li>Zeugnisse und Fächerübersicht sammeln</li><li>Übersetzung "
        "durch vereidigte Übersetzer</li><li>Antrag bei der zuständigen Stelle, Kosten klären "
        "(Anerkennungszuschuss)</li></ol>",
        "Recognition of foreign qualifications",
        "Which office is responsible and how we accompany the person there.",
        "<p>Recognition is compulsory for regulated professions (nursing, medicine, teaching). "
        "The recognition finder names the office in charge; the IQ counselling service of "
        "Saxony-Anhalt advises free of charge.</p><ol><li>Collect certificates and transcripts"
        "</li><li>Certified translation</li><li>Apply to the office in charge and settle the "
        "costs (recognition grant)</li></ol>",
        categories=("anerkennung",),
        shared=True,
    ),
    DemoArticle(
        "integrationskurs-anmelden",
        "integrationsberatung",
        P,
        "Integrationskurs anmelden",
        "Berechtigung, Verpflichtung und Kursträger in der Nähe.",
        "<p>Mit Berechtigungsschein des BAMF oder Verpflichtung durch Ausländerbehörde oder "
        "Jobcenter wählt die Person einen Kursträger. Wir helfen bei der Wahl nach Wohnort und "
        "Kinderbetreuung.</p><ul><li>Berechtigungsschein prüfen</li><li>Träger in Naumburg, "
        "Weißenfels und Zeitz anfragen</li><li>Fahrtkostenzuschuss beantragen</li></ul>",
        "Registering for an integration course",
        "Entitlement, obligation and course providers nearby.",
        "<p>With a certificate of entitlement from the BAMF or an obligation from the "
        "immigration office or the Jobcenter, the person chooses a course provider. We help "
        "choose by place of residence and childcare.</p><ul><li>Check the certificate</li>"
        "<li>Ask providers in Naumburg, Weißenfels and Zeitz</li><li>Apply for the travel "
        "allowance</li></ul>",
        categories=("sprachkurs",),
        shared=True,
    ),
    DemoArticle(
        "wer-macht-was-in-der-agentur",
        "eingangszone",
        R,
        "Wer macht was in der Agentur",
        "Die Bereiche im Haus und welche Anliegen wohin gehören.",
        "<ul><li>Eingangszone: Erstkontakt, Termine, Weiterleitung</li><li>Ausländerbehörde: "
        "Aufenthalt, Wohnsitzauflage, Pässe</li><li>Asylbewerberleistungen: Geld und "
        "Krankenscheine vor der Anerkennung</li><li>Jobcenter: Bürgergeld, Arbeit nach der "
        "Anerkennung</li><li>Agentur für Arbeit: Berufsberatung, Anerkennung</li><li>"
        "Unterbringung: Wohnen in Gemeinschaftsunterkunft und Wohnung</li><li>"
        "Integrationsberatung: Kurse, Familie, Schule</li></ul>",
        "Who does what in the agency",
        "The units in the building and which concerns go where.",
        "<ul><li>Intake zone: first contact, appointments, referral</li><li>Immigration office:"
        " residence, residence obligation, passports</li><li>Asylum seekers' benefits: money "
        "and health vouchers before recognition</li><li>Jobcenter: citizen's income, work after "
        "recognition</li><li>Employment agency: career advice, recognition</li><li>"
        "Accommodation: shared housing and flats</li><li>Integration counselling: courses, "
        "family, school</li></ul>",
        categories=("sonstiges",),
        shared=True,
    ),
    DemoArticle(
        "eine-person-an-die-agentur-verweisen",
        "eingangszone",
        P,
        "Eine Person an die Agentur verweisen",
        "Für Mitglieder des Netzwerks: wie eine Zuweisung gut ankommt.",
        "<p>Nutzen Sie das Formular „Anliegen an die Agentur“ und holen Sie vorher die "
        "Einwilligung der Person ein. Beschreiben Sie das Anliegen in wenigen Sätzen, nennen "
        "Sie die Sprache und ob eine Sprachmittlung nötig ist.</p><p>Die Person erhält eine "
        "Vorgangsnummer und einen Code, mit dem sie den Stand abfragen kann.</p>",
        "Referring a person to the agency",
        "For network members: how a referral arrives well.",
        '<p>Use the form "Concern for the agency" and ask for the person\'s consent first. '
        "Describe the concern in a few sentences, name the language and whether an interpreter "
        "is needed.</p><p>The person receives a reference number and a code to check the "
        "status.</p>",
        shared=True,
    ),
    DemoArticle(
        "was-die-eingangszone-wissen-muss",
        "eingangszone",
        K,
        "Was die Eingangszone wissen muss",
        "Für Mitglieder: Unterlagen, die einen ersten Termin erleichtern.",
        "<ul><li>Pass oder Ankunftsnachweis</li><li>Letzte Bescheide (Aufenthalt, Leistungen)"
        "</li><li>Meldebescheinigung</li><li>Bei Familien: Geburtsurkunden der Kinder</li></ul>",
        "What the intake zone needs to know",
        "For members: documents that make a first appointment easier.",
        "<ul><li>Passport or proof of arrival</li><li>Latest decisions (residence, benefits)"
        "</li><li>Registration certificate</li><li>For families: the children's birth "
        "certificates</li></ul>",
        shared=True,
        document=("Checkliste erster Termin", "Pass\nBescheide\nMeldebescheinigung\n"),
    ),
    DemoArticle(
        "termine-dolmetschen-vermitteln",
        "eingangszone",
        C,
        "Sprachmittlung für Termine vermitteln",
        "Kontakte des Sprachmittlerpools und wie ein Einsatz gebucht wird.",
        "<p>Der Sprachmittlerpool des Landkreises vermittelt Arabisch, Dari/Farsi, Russisch, "
        "Ukrainisch und Türkisch. Buchung mindestens drei Werktage vorher per E-Mail an "
        "sprachmittlung@example.org, Telefon 03445 73-0000.</p>",
        "Booking interpreters for appointments",
        "Contacts of the interpreter pool and how to book.",
        "<p>The district's interpreter pool provides Arabic, Dari/Farsi, Russian, Ukrainian and"
        " Turkish. Book at least three working days ahead by email to "
        "sprachmittlung@example.org, phone 03445 73-0000.</p>",
        reviewed_days_ago=420,
    ),
    DemoArticle(
        "umzug-aus-der-gemeinschaftsunterkunft",
        "unterbringung",
        P,
        "Auszug aus der Gemeinschaftsunterkunft",
        "Wann ein Auszug möglich ist und wer die Mietübernahme prüft.",
        "<p>Nach der Anerkennung oder bei Härtefällen ist ein Umzug in eine Wohnung möglich. "
        "Vor Unterschrift des Mietvertrags prüft das zuständige Amt die Angemessenheit der "
        "Miete.</p><ol><li>Wohnungsangebot einreichen</li><li>Mietübernahme bestätigen lassen"
        "</li><li>Auszug und Übergabe des Zimmers vereinbaren</li></ol>",
        "Moving out of shared accommodation",
        "When moving out is possible and who checks that the rent is covered.",
        "<p>After recognition, or in cases of hardship, a move into a flat is possible. Before "
        "the lease is signed, the office in charge checks whether the rent is reasonable.</p>"
        "<ol><li>Hand in the flat offer</li><li>Have the rent coverage confirmed</li><li>"
        "Agree on moving out and handing over the room</li></ol>",
        categories=("wohnen",),
    ),
    DemoArticle(
        "kontakt-wohnungsgesellschaften",
        "unterbringung",
        C,
        "Kontakte zu Wohnungsgesellschaften",
        "Ansprechpersonen in Naumburg, Weißenfels und Zeitz.",
        "<ul><li>Wohnungsgesellschaft Naumburg: Frau Beispiel, 03445 00000</li><li>"
        "Wohnungsbaugenossenschaft Weißenfels: Vermietungsteam, vermietung@example.org</li>"
        "<li>Zeitzer Wohnungsgesellschaft: Sprechzeit dienstags 9–12 Uhr</li></ul>",
        "Contacts at housing companies",
        "Contact people in Naumburg, Weißenfels and Zeitz.",
        "<ul><li>Naumburg housing company: Ms Beispiel, 03445 00000</li><li>Weißenfels housing "
        "cooperative: letting team, vermietung@example.org</li><li>Zeitz housing company: "
        "office hours Tuesdays 9–12</li></ul>",
        categories=("wohnen",),
        reviewed_days_ago=500,
    ),
    DemoArticle(
        "buergergeld-erstantrag",
        "jobcenter",
        P,
        "Bürgergeld: der erste Antrag",
        "Was beim ersten Antrag nach der Anerkennung zählt.",
        "<p>Der Antrag wirkt auf den Monatsersten zurück. Fehlende Unterlagen verzögern nur die "
        "Zahlung, nicht den Anspruch.</p><ul><li>Aufenthaltstitel oder Fiktionsbescheinigung"
        "</li><li>Mietvertrag oder Unterkunftsbescheinigung</li><li>Kontoverbindung</li></ul>",
        "Citizen's income: the first application",
        "What counts in the first application after recognition.",
        "<p>The application applies from the first of the month. Missing documents only delay "
        "payment, not entitlement.</p><ul><li>Residence title or fictional certificate</li>"
        "<li>Lease or accommodation certificate</li><li>Bank details</li></ul>",
        categories=("arbeit",),
    ),
    DemoArticle(
        "arbeitsmarktzugang-pruefen",
        "jobcenter",
        R,
        "Arbeitsmarktzugang prüfen",
        "Wer darf arbeiten? Wer prüft was, bevor eine Stelle angetreten wird.",
        "<p>Die Nebenbestimmung im Aufenthaltsdokument sagt, ob eine Beschäftigung erlaubt ist."
        " Bei „Beschäftigung nur mit Erlaubnis“ stellt die Ausländerbehörde die Erlaubnis aus, "
        "die Bundesagentur stimmt zu.</p>",
        "Checking access to the labour market",
        "Who may work? Who checks what before a job starts.",
        "<p>The additional provision in the residence document says whether employment is "
        'allowed. With "employment only with permission" the immigration office issues the '
        "permission and the Federal Employment Agency consents.</p>",
        categories=("arbeit", "aufenthalt"),
    ),
    DemoArticle(
        "schulanmeldung-neu-zugewanderter-kinder",
        "integrationsberatung",
        P,
        "Schulanmeldung neu zugewanderter Kinder",
        "Schulpflicht, Sprachförderung und die Anmeldung beim Schulamt.",
        "<p>Schulpflicht besteht ab dem Zuzug in den Landkreis. Die Anmeldung läuft über die "
        "Grundschule des Wohnorts oder, ab Klasse 5, über das Landesschulamt.</p><ul><li>"
        "Meldebescheinigung</li><li>Impfnachweis (Masern)</li><li>Zeugnisse, falls vorhanden"
        "</li></ul>",
        "Enrolling newly arrived children at school",
        "Compulsory schooling, language support and registering with the school office.",
        "<p>Schooling is compulsory from moving into the district. Enrolment goes through the "
        "primary school of the place of residence or, from year 5, through the state school "
        "office.</p><ul><li>Registration certificate</li><li>Vaccination record (measles)</li>"
        "<li>School reports, if any</li></ul>",
        categories=("familie-und-schule",),
        shared=True,
    ),
    DemoArticle(
        "ehrenamtliche-begleitung-vermitteln",
        "ehrenamtskoordination",
        P,
        "Ehrenamtliche Begleitung vermitteln",
        "Wie wir Patenschaften und Begleitung zu Terminen vermitteln.",
        "<p>Anfragen nach Begleitung nehmen wir über die Zuweisung oder den Bedarf im Netzwerk "
        "an. Wir fragen passende Ehrenamtliche nach Sprache und Ort an und vermitteln den "
        "Kontakt erst nach beiderseitiger Zustimmung.</p>",
        "Arranging volunteer companions",
        "How we arrange mentoring and company to appointments.",
        "<p>We take requests for companions through a referral or a need in the network. We "
        "ask suitable volunteers by language and place and pass on contact details only once "
        "both agree.</p>",
        categories=("ehrenamt",),
        shared=True,
    ),
    DemoArticle(
        "vorlage-weiterleitung-an-partner",
        "integrationsberatung",
        T,
        "Vorlage: Weiterleitung an einen Partner",
        "Textbaustein für die Mail an einen Partner außerhalb der Agentur.",
        "<p>Guten Tag, wir haben heute mit Einwilligung von Frau/Herrn … gesprochen. Das "
        "Anliegen: … Bitte melden Sie sich bis … unter … Vielen Dank!</p>",
        "Template: referral to a partner",
        "Text block for the email to a partner outside the agency.",
        "<p>Hello, today we spoke with Ms/Mr … with their consent. The concern: … Please get "
        "in touch by … at … Thank you!</p>",
        reviewed_days_ago=390,
        document=(
            "Vorlage Weiterleitung an einen Partner",
            "Betreff: Weiterleitung mit Einwilligung, Vorgang …\n\nGuten Tag,\n"
            "wir haben heute mit Einwilligung von Frau/Herrn … gesprochen.\n"
            "Das Anliegen: …\nBitte melden Sie sich bis … unter …\nVielen Dank!\n",
        ),
    ),
)


def _documents_collection() -> Collection:
    existing = Collection.objects.filter(name=KNOWLEDGE_COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=KNOWLEDGE_COLLECTION)


def load_demo() -> int:
    """Write the demo articles that do not exist yet; returns how many were written."""
    index = knowledge_index()
    english = next(locale for locale in ensure_locales() if locale.language_code == "en")
    collection = _documents_collection()
    made = 0
    for spec in ARTICLES:
        if KnowledgeArticlePage.objects.child_of(index).filter(slug=spec.slug).exists():
            continue
        unit = AgencyUnit.objects.get(slug=spec.unit)
        writer = unit.staff.order_by("pk").first()
        if writer is None:
            continue
        article = write_article(
            data=ArticleInput(
                title=spec.title,
                summary=spec.summary,
                body=spec.body,
                kind=spec.kind,
                audience=Audience.MEMBERS if spec.shared else Audience.STAFF,
                unit=unit,
                categories=list(ConcernCategory.objects.filter(slug__in=spec.categories)),
                slug=spec.slug,
            ),
            acting_user=writer,
        )
        reviewed = timezone.localdate() - datetime.timedelta(days=spec.reviewed_days_ago)
        KnowledgeArticlePage.objects.filter(pk=article.pk).update(last_reviewed_on=reviewed)
        if spec.document:
            title, text = spec.document
            document = KnowledgeDocument.objects.create(
                title=title,
                collection=collection,
                uploaded_by_user=writer,
                file=ContentFile(text.encode(), name=f"{spec.slug}.txt"),
            )
            ArticleAttachment.objects.create(article=article, document=document)
        texts = {"title": spec.title_en, "summary": spec.summary_en, "body": spec.body_en}
        ensure_translation(article, english, texts)
        made += 1
    return made
