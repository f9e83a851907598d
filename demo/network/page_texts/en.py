# ruff: noqa: E501 - sentences of translated demo text read better unbroken
"""English: the demo's pages (home, privacy notice and accessibility statement come from
pages_en, which the page tests use on their own)."""

from __future__ import annotations

from demo.network.page_texts import bring
from demo.network.pages_en import DEMO_NOTE_EN, HOME_TEXTS_EN, PAGES_EN

ID = "ID card, passport or residence document"
LETTERS = "letters and notices about your question"

PAGES: dict[str, dict[str, str]] = {
    "": HOME_TEXTS_EN,
    **PAGES_EN,
    "ueber-uns": {
        "title": "About the network",
        "intro": "Who belongs to the network, how the directory is made and how you can join in.",
        "body": (
            "<h2>Who takes part</h2>"
            "<p>More than a hundred members belong to the integration network: counselling services of the welfare organisations, language course providers, migrant organisations, sports clubs, parishes, projects that help people find work, volunteer initiatives and individual volunteers. The migration agency of the Burgenlandkreis coordinates the network.</p>"
            "<h2>How the directory is made</h2>"
            "<p>Every member keeps its own entry up to date. Changes are checked before they are published, and we regularly ask members to confirm their details – so that nobody stands in front of a closed door.</p>"
            "<h2>Join in</h2>"
            "<ul><li>As an association, initiative or project: write to the volunteer coordination and we will set up an account for you.</li>"
            "<li>As a volunteer: we put you in touch with an initiative near you and invite you to our training sessions.</li></ul>"
        ),
    },
    "impressum": {
        "title": "Legal notice",
        "intro": "Who provides this portal.",
        "body": (
            DEMO_NOTE_EN + "<h2>Provider</h2>"
            "<p>Burgenlandkreis<br>Migrationsagentur (migration agency)<br>Promenade 31<br>06667 Weißenfels, Germany</p>"
            "<p>E-mail: kontakt@mia-blk.example</p>"
            "<h2>Editorial responsibility</h2>"
            "<p>The members of the network are responsible for their own entries in the directory. The editorial team of the integration network at the migration agency is responsible for all other content.</p>"
        ),
    },
    "leichte-sprache": {
        "title": "The migration agency in easy language",
        "intro": "Here we explain the migration agency in easy language.",
        "body": (
            "<h2>What is the migration agency?</h2>"
            "<p>The migration agency is a public office.</p>"
            "<p>It belongs to the Burgenlandkreis district.</p>"
            "<p>The migration agency helps people from other countries.</p>"
            "<p>For example with questions about your residence.</p>"
            "<p>Or with questions about work.</p>"
            "<p>Or with questions about a flat.</p>"
            "<p>In the migration agency, many offices are in one house.</p>"
            "<p>For example the foreigners' office and the job centre.</p>"
            "<p>You do not have to go from office to office.</p>"
            "<h2>Where is the migration agency?</h2>"
            "<p>The migration agency is in Weißenfels.</p>"
            "<p>The address is:<br>Promenade 31<br>06667 Weißenfels</p>"
            "<p>The entrance has no steps.</p>"
            "<p>You can also come into the house with a wheelchair.</p>"
            "<h2>When can you come?</h2>"
            "<p>You do not need an appointment.</p>"
            "<p>You can just come:</p>"
            "<ul><li>Monday from 8 to 12 o'clock</li>"
            "<li>Tuesday from 8 to 12 o'clock</li>"
            "<li>Tuesday also from 13 to 17:30</li>"
            "<li>Wednesday from 8 to 12 o'clock</li>"
            "<li>Thursday from 8 to 12 o'clock</li>"
            "<li>Thursday also from 13 to 16 o'clock</li>"
            "<li>Friday from 8 to 11:30</li></ul>"
            "<p>First you go to the intake zone.</p>"
            "<p>There we ask: What do you need?</p>"
            "<p>Then we take you to the right office in the house.</p>"
            "<h2>What do you bring?</h2>"
            "<ul><li>your passport or your ID card</li>"
            "<li>your residence permit, if you have one</li>"
            "<li>letters from offices about your question</li></ul>"
            "<p>You speak little German?</p>"
            "<p>That is no problem.</p>"
            "<p>We have interpreters.</p>"
            "<p>You can also bring a person with you.</p>"
            "<p>This person can help you.</p>"
            "<h2>Do you have questions?</h2>"
            "<p>Call us: 03443 030-10</p>"
            '<p>Or write an e-mail: <a href="mailto:eingangszone@mia-blk.example">eingangszone@mia-blk.example</a></p>'
        ),
    },
    "migrationsagentur": {
        "title": "The migration agency",
        "intro": "One house for every concern around migration in the Burgenlandkreis – with open consultation hours, no appointment needed.",
        "body": (
            "<h2>How the house works</h2>"
            "<p>In the migration agency, all the offices you need after you arrive work under one roof: the foreigners' office, the social welfare office, housing, counselling, the job centre and the employment agency.</p>"
            "<p>Come to the <b>intake zone</b> on the ground floor first. There we listen to you and take you to the right office. There are no wrong ways: you do not have to go from office to office.</p>"
            "<ul><li>open consultation hours without an appointment</li>"
            "<li>interpreting in many languages, also by video</li>"
            "<li>the house is accessible, with a lift</li></ul>"
        ),
    },
    "eingangszone": {
        "title": "Intake zone",
        "summary": (
            "<p>Everyone starts here. You tell us what you need. We look at your letters and take you to the right office in the house. You do not need an appointment.</p>"
            "<p>There is no wrong way: whatever is not for us, we pass on within the house.</p>"
        ),
        "floor": "Ground floor",
        "room": "0.01 (foyer)",
        "directions": "Right behind the main entrance, on the right at the reception desk.",
        "what_to_bring": bring(ID, LETTERS),
    },
    "auslaenderbehoerde": {
        "title": "Foreigners' office",
        "summary": (
            "<p>We decide on your right of residence: residence permit, extension, settlement permit and naturalisation.</p>"
            "<p>We answer short questions in the open consultation hours. For applications you get an appointment.</p>"
        ),
        "floor": "1st floor",
        "room": "1.10 to 1.18",
        "directions": "Take the stairs or the lift to the 1st floor, then turn left.",
        "what_to_bring": bring(
            ID, "a recent biometric passport photo", "proof of your flat", LETTERS
        ),
    },
    "asylbewerberleistungen": {
        "title": "Asylum seekers' benefits (social welfare office)",
        "summary": "<p>We pay money to live on under the Asylum Seekers' Benefits Act. We issue medical vouchers and help with money for school, trips and the sports club.</p>",
        "floor": "Ground floor",
        "room": "0.12 to 0.15",
        "what_to_bring": bring(ID, "bank statements of the last three months", LETTERS),
    },
    "unterbringung": {
        "title": "Housing",
        "summary": "<p>We look after your accommodation: rooms in shared accommodation, flats of the district and moving into a flat of your own.</p>",
        "floor": "2nd floor",
        "room": "2.04",
        "what_to_bring": bring(ID, "the rental offer or tenancy agreement, if you have a flat"),
    },
    "integrationsberatung": {
        "title": "Migration and integration counselling",
        "summary": "<p>We advise you in your first years in Germany: German course, recognition of certificates, school and nursery for your children. We know the services in the network and put you in touch with them.</p>",
        "floor": "1st floor",
        "room": "1.02",
        "what_to_bring": bring(ID, "certificates and qualifications, if it is about recognition"),
    },
    "jobcenter": {
        "title": "Job centre",
        "summary": "<p>The job centre helps with citizen's income (Bürgergeld) and with finding work. In the house you can hand in applications and ask about courses and funding.</p>",
        "floor": "Ground floor",
        "room": "0.20 to 0.22",
        "what_to_bring": bring(ID, "your customer number, if you have one", LETTERS),
    },
    "agentur-fuer-arbeit": {
        "title": "Employment agency",
        "summary": "<p>We advise on jobs and vocational training and check whether you are allowed to work. We advise skilled workers from abroad on recognition and finding a job.</p>",
        "floor": "2nd floor",
        "room": "2.10",
        "what_to_bring": bring(ID, "CV and certificates"),
    },
    "ehrenamtskoordination": {
        "title": "Volunteer coordination",
        "summary": "<p>You want to help? Together we find voluntary work near you, invite you to training sessions and answer questions about insurance and expenses.</p>",
        "floor": "3rd floor",
        "room": "3.01",
        "what_to_bring": bring("just yourself and your ideas"),
    },
    "migrationsberatung-fuer-erwachsene": {
        "title": "Migration counselling for adults (Diakonie)",
        "summary": "<p>In the house, the Diakonie advises adults aged 27 and over who are new in Germany: letters from offices, integration course, child benefit and health insurance. The counselling is free and confidential.</p>",
        "floor": "1st floor",
        "room": "1.05",
        "what_to_bring": bring(ID, LETTERS),
    },
    "jugendmigrationsdienst": {
        "title": "Youth migration service (AWO)",
        "summary": "<p>The AWO youth migration service helps young people aged 12 to 27 with school, vocational training and starting work.</p>",
        "floor": "1st floor",
        "room": "1.06",
        "what_to_bring": bring("certificates, if you have any"),
    },
}
