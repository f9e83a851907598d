"""English translations of the demo's home page, privacy notice and accessibility statement.

The other demo pages stay German in every language (aliases), which the pages say themselves;
these three are the ones a visitor who reads no German needs first.
"""

from __future__ import annotations

DEMO_NOTE_EN = (
    "<p><i>Note: this is a demo installation. Everything on this page is sample text.</i></p>"
)

HOME_TEXTS_EN: dict[str, str] = {
    "title": "Integration network Burgenlandkreis",
    "intro": (
        "Services, counselling and volunteering around migration and integration in the "
        "Burgenlandkreis district – in one place."
    ),
    "body": (
        "<h2>One network for the whole district</h2>"
        "<p>In the integration network of the Burgenlandkreis, associations, initiatives, "
        "migrant organisations, projects, parishes, volunteers and public services work "
        "together – from Weißenfels and Naumburg to Zeitz and Hohenmölsen and the villages "
        "along the Unstrut, Wethau and Finne.</p>"
        "<p>Here you find who offers what: German courses and language cafés, advice on "
        "residence, work and housing, services for women, children and families, sport and "
        "places to meet. Every entry is kept up to date by the organisation itself and "
        "confirmed regularly. Many entries are only available in German.</p>"
        '<ul><li><a href="/en/directory/">Search the directory</a> – by topic, language, '
        "target group or municipality</li>"
        "<li>Join in: the volunteer coordination of the migration agency welcomes new "
        "members of the network.</li></ul>"
    ),
    "agency_title": "The migration agency: one house for every concern",
    "agency_text": (
        "<p>In the migration agency (Migrationsagentur) of the Burgenlandkreis, the offices "
        "that newcomers need work together under one roof: the foreigners' office, asylum "
        "seekers' benefits, accommodation, integration counselling, the job centre and the "
        "employment agency.</p>"
        "<p>You do not need an appointment. In the <b>intake zone</b> (Eingangszone) we listen "
        "to your concern, sort it and take you to the office responsible. There are no wrong "
        "ways: whatever is not for us, we pass on within the house – you do not have to go "
        "from office to office.</p>"
        "<ul><li>open counselling without an appointment</li>"
        "<li>interpreting in many languages</li>"
        "<li>close cooperation with the counselling services and initiatives of the "
        "network</li></ul>"
    ),
}

PAGES_EN: dict[str, dict[str, str]] = {
    "datenschutz": {
        "title": "Privacy notice",
        "intro": "Which data the portal processes and what rights you have.",
        "body": (
            DEMO_NOTE_EN + "<h2>Controller</h2>"
            "<p>Burgenlandkreis, Migrationsagentur, Promenade 31, 06667 Weißenfels, Germany, "
            "datenschutz@mia-blk.example</p>"
            "<h2>Visiting the portal</h2>"
            "<p>When you open a page, the server processes technically necessary data (IP "
            "address, time, address requested) for at most seven days to keep the service "
            "running. There are no analytics or advertising cookies and no content from third "
            "parties. Cookies are only set for your choice of language and for signing in.</p>"
            "<h2>Entries in the directory</h2>"
            "<p>We publish contact details of organisations and contact persons only with "
            "their consent. The consent can be withdrawn at any time.</p>"
            "<h2>Your rights</h2>"
            "<p>You have the right of access, rectification, erasure and restriction of "
            "processing, and the right to lodge a complaint with the data protection "
            "commissioner of Saxony-Anhalt (Landesbeauftragte für den Datenschutz "
            "Sachsen-Anhalt).</p>"
            "<p>This English text is a translation for your convenience; the German privacy "
            "notice is authoritative.</p>"
        ),
    },
    "barrierefreiheit": {
        "title": "Accessibility statement",
        "intro": (
            "How accessible this portal is, what is not yet accessible and how to report "
            "barriers to us."
        ),
        "body": (
            DEMO_NOTE_EN + "<p>The Burgenlandkreis is committed to making the portal of the "
            "integration network accessible. The legal basis is the Disability Equality Act of "
            "Saxony-Anhalt (BGG LSA) and its ordinance (BGGVO LSA), which implement Directive "
            "(EU) 2016/2102. The standard applied is that of the German Barrier-free "
            "Information Technology Ordinance (BITV 2.0) and the European standard EN 301 549, "
            "that is the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.</p>"
            "<h2>Compliance status</h2>"
            "<p>This portal is <b>partially compliant</b>. The portal's own pages – directory, "
            "needs, events, search, the form for concerns and the members' area – meet the "
            "requirements according to our assessment. The content listed below is not yet "
            "accessible.</p>"
            "<h2>Non-accessible content</h2>"
            "<ul>"
            "<li><b>Texts and files of the organisations:</b> the associations, initiatives and "
            "projects maintain their entries and events themselves. Uploaded logos do not always "
            "have a meaningful text alternative, and attached PDF files (such as flyers) are "
            "often not accessible. We point this out to the organisations when we review their "
            "entries.</li>"
            "<li><b>German Sign Language:</b> explanations of the portal in German Sign Language "
            "(DGS) are still missing; they are planned for the first half of 2027. An "
            '<a href="/leichte-sprache/" hreflang="de">explanation in Easy Read German</a> '
            '(<span lang="de">Leichte Sprache</span>) '
            "is available.</li>"
            "<li><b>Chat:</b> new messages are announced to screen readers; when very many "
            "messages arrive in a short time, the announcement may be incomplete. The full "
            "history can be read at any time.</li>"
            "<li><b>Translations:</b> the portal's interface is available in seven languages. "
            "Much of the content, above all the organisations' entries, is only available in "
            "German; such pages are marked.</li>"
            "</ul>"
            "<h2>Preparation of this statement</h2>"
            "<p>This statement was prepared on 16 November 2026. It is based on a "
            "self-assessment by the editorial team with automated checks (axe-core) and tests "
            "with keyboard, screen magnifier and screen reader. The statement is reviewed at "
            "least once a year and after every major change to the portal.</p>"
            "<h2>Reporting barriers: feedback and contact</h2>"
            "<p>Have you come across a barrier, or do you need content in another format? "
            "Write to us:</p>"
            '<p><span lang="de">Migrationsagentur Burgenlandkreis, Redaktion '
            "Integrationsnetzwerk</span><br>"
            "Promenade 31, 06667 Weißenfels, Germany<br>"
            'E-mail: <a href="mailto:barrierefreiheit@mia-blk.example">'
            "barrierefreiheit@mia-blk.example</a><br>"
            "Phone: +49 3443 030-10</p>"
            "<p>We reply within four weeks. You can also talk to us during the open "
            "consultation hours in the intake zone.</p>"
            "<h2>Enforcement procedure</h2>"
            "<p>If you have received no answer or no satisfactory answer to your report, you can "
            "turn to the ombudsperson for accessible information technology of the state of "
            "Saxony-Anhalt at the Landesfachstelle für Barrierefreiheit. The ombudsperson "
            "mediates between you and us to remove the barrier. The procedure is free of "
            "charge and you do not need a lawyer.</p>"
            '<p><a href="https://lf-barrierefreiheit-st.de/ueber-uns/ombudsstelle">'
            "Ombudsstelle of the Landesfachstelle für Barrierefreiheit Sachsen-Anhalt</a> "
            "(in German)</p>"
            "<p>The conciliation body under section 16 of the federal Disability Equality Act "
            "(Schlichtungsstelle nach § 16 BGG) is responsible for federal bodies only; for the "
            "Burgenlandkreis, the procedure of the state of Saxony-Anhalt applies.</p>"
        ),
    },
}
