"""Directory profiles of the Migrationsagentur's units, all in the one house in Weißenfels.

Each spec names the AgencyUnit (by slug, from network.vocabularies) it becomes the public face of.
"""

from __future__ import annotations

from typing import Any

from demo.network.house_hours import unit_hours
from demo.network.specs import APPOINTMENT, COUNSELLING, OFFICE, ActorSpec, OfferSpec
from network.vocabularies import AGENCY_UNITS

AGENCY_STREET = "Promenade"
AGENCY_HOUSE_NUMBER = "31"
AGENCY_LOCATION = "Migrationsagentur Burgenlandkreis"
AGENCY_PHONE = "03443 030"  # a leading 0 after the area code rings no real line
AGENCY_WEBSITE = "https://www.mia-blk.example"
UNIT_EMAILS = {unit.slug: unit.email for unit in AGENCY_UNITS}
VIDEO_INTERPRETING = ("ti", "ps", "ku", "so", "am", "tr", "sq", "sr", "ka", "ur", "hi", "vi")


def _unit(unit: str, title: str, short: str, description: str, **spec: Any) -> ActorSpec:
    """Every unit shares the house, its switchboard and website; only the texts differ."""
    extension = 10 * (1 + list(UNIT_EMAILS).index(unit))
    return ActorSpec(
        name=f"Migrationsagentur – {title}",
        slug=f"migrationsagentur-{unit}",
        kind="agency_unit",
        municipality="weissenfels",
        street=AGENCY_STREET,
        house_number=AGENCY_HOUSE_NUMBER,
        location_name=AGENCY_LOCATION,
        wheelchair_accessible=True,
        agency_unit=unit,
        email=UNIT_EMAILS[unit],
        phone=f"{AGENCY_PHONE}-{extension}",
        website=f"{AGENCY_WEBSITE}/{unit}/",
        short_description=short,
        description=description,
        # The profile's hours are the unit page's: one table for the house.
        slots=unit_hours(unit),
        **spec,
    )


AGENCY_ACTORS: tuple[ActorSpec, ...] = (
    _unit(
        "eingangszone",
        "Eingangszone",
        "Der erste Schritt ins Haus: Hier wird jedes Anliegen aufgenommen und an die richtige "
        "Stelle gebracht – ohne Termin.",
        "<p>Wer in die Migrationsagentur kommt, wird in der Eingangszone empfangen. Wir hören "
        "zu, sehen uns Briefe und Unterlagen an und klären, wer im Haus weiterhilft. Einen "
        "falschen Weg gibt es nicht: Wir leiten intern weiter, Sie müssen nicht von Amt zu Amt "
        "laufen.</p>"
        "<ul><li>offene Sprechzeiten ohne Termin</li>"
        "<li>Sprachmittlung in vielen Sprachen, auch per Video</li>"
        "<li>Terminvergabe für alle Bereiche des Hauses</li></ul>",
        topics=("beratung", "aufenthalt", "dolmetschen"),
        target_groups=("gefluechtete", "neuzugewanderte", "familien", "fachkraefte"),
        # Staff speak the first few; the others are reached through video interpreting.
        languages=("de", "en", "ar", "fa", "uk", "ru", *VIDEO_INTERPRETING),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Offene Sprechzeit in der Eingangszone",
                description=(
                    "Kommen Sie mit Ihrem Anliegen vorbei – wir sortieren es und bringen Sie "
                    "zur zuständigen Stelle im Haus."
                ),
                topics=("beratung",),
                target_groups=("gefluechtete", "neuzugewanderte"),
                eligibility="Alle Menschen mit Fragen zu Migration und Integration im Kreis.",
                how_to_access="Ohne Termin während der Öffnungszeiten; Ausweis mitbringen.",
                availability="open",
            ),
            OfferSpec(
                name="Video-Dolmetschen",
                description="Für seltene Sprachen schalten wir eine Dolmetscherin per Video zu.",
                topics=("dolmetschen",),
                target_groups=("gefluechtete", "neuzugewanderte"),
                languages=VIDEO_INTERPRETING,
            ),
        ),
    ),
    _unit(
        "auslaenderbehoerde",
        "Ausländerbehörde",
        "Aufenthaltstitel, Verlängerungen, Niederlassungserlaubnis und Einbürgerung.",
        "<p>Die Ausländerbehörde des Burgenlandkreises entscheidet über Aufenthaltstitel und "
        "Einbürgerungen. Anliegen nehmen wir über die Eingangszone auf; dort erhalten Sie "
        "auch einen Termin.</p>",
        topics=("aufenthalt",),
        target_groups=("gefluechtete", "neuzugewanderte", "fachkraefte", "studierende"),
        languages=("de", "en"),
        hours=APPOINTMENT,
        offers=(
            OfferSpec(
                name="Aufenthaltstitel und Verlängerung",
                description="Erteilung und Verlängerung von Aufenthaltserlaubnissen.",
                topics=("aufenthalt",),
                target_groups=("neuzugewanderte", "gefluechtete"),
                is_free=False,
                cost_note="Gebühren nach Aufenthaltsverordnung",
                how_to_access="Termin über die Eingangszone oder online.",
            ),
            OfferSpec(
                name="Einbürgerung",
                description="Beratung zu Voraussetzungen und Antragstellung.",
                topics=("aufenthalt",),
                target_groups=("neuzugewanderte",),
                is_free=False,
                cost_note="255 € Gebühr für Erwachsene",
                availability="waiting_list",
            ),
        ),
    ),
    _unit(
        "asylbewerberleistungen",
        "Asylbewerberleistungen",
        "Leistungen nach dem Asylbewerberleistungsgesetz: Lebensunterhalt, Krankenscheine, "
        "Bildung und Teilhabe.",
        "<p>Wir bearbeiten Anträge auf Leistungen nach dem Asylbewerberleistungsgesetz, "
        "stellen Krankenbehandlungsscheine aus und bewilligen Leistungen für Bildung und "
        "Teilhabe.</p>",
        topics=("beratung", "gesundheit"),
        target_groups=("gefluechtete", "familien"),
        languages=("de", "en", "ar"),
        hours=COUNSELLING,
        offers=(
            OfferSpec(
                name="Krankenbehandlungsschein",
                description="Ausgabe am selben Tag, in dringenden Fällen sofort.",
                topics=("gesundheit",),
                target_groups=("gefluechtete",),
            ),
            OfferSpec(
                name="Bildung und Teilhabe",
                description="Zuschüsse für Schulbedarf, Ausflüge, Sportverein und Mittagessen.",
                topics=("schule-und-bildung", "kinder-und-familie"),
                target_groups=("familien", "kinder-und-jugendliche"),
            ),
        ),
    ),
    _unit(
        "unterbringung",
        "Unterbringung",
        "Gemeinschaftsunterkünfte, Wohnungen des Kreises und der Weg in die eigene Wohnung.",
        "<p>Der Bereich Unterbringung verteilt Geflüchtete auf Unterkünfte und Wohnungen im "
        "Kreis und unterstützt beim Auszug in eine eigene Wohnung.</p>",
        topics=("wohnen",),
        target_groups=("gefluechtete", "familien"),
        languages=("de", "en", "ar", "ru"),
        hours=APPOINTMENT,
        offers=(
            OfferSpec(
                name="Auszug in eine eigene Wohnung",
                description="Prüfung der Voraussetzungen und Hilfe bei der Wohnungssuche.",
                topics=("wohnen",),
                target_groups=("gefluechtete", "familien"),
                availability="waiting_list",
            ),
        ),
    ),
    _unit(
        "integrationsberatung",
        "Integrationsberatung",
        "Beratung zu Integrationskurs, Anerkennung von Abschlüssen, Schule und Kita.",
        "<p>Die Integrationsberatung begleitet Neuzugewanderte in den ersten Jahren und "
        "vermittelt an Sprachkursträger, Beratungsstellen und Initiativen im Netzwerk.</p>",
        topics=("beratung", "deutschkurs", "schule-und-bildung"),
        target_groups=("neuzugewanderte", "familien", "fachkraefte"),
        languages=("de", "en", "ar", "fa", "uk"),
        hours=COUNSELLING,
        works_online=True,
        offers=(
            OfferSpec(
                name="Vermittlung in Deutschkurse",
                description="Welcher Sprachkurs passt? Wir klären Anspruch und freie Plätze.",
                topics=("deutschkurs", "beratung"),
                target_groups=("neuzugewanderte",),
            ),
            OfferSpec(
                name="Schul- und Kitaanmeldung",
                description="Hilfe bei der Anmeldung neu zugezogener Kinder.",
                topics=("schule-und-bildung", "kinder-und-familie"),
                target_groups=("familien",),
            ),
        ),
    ),
    _unit(
        "jobcenter",
        "Jobcenter",
        "Sprechstunde des Jobcenters im Haus: Bürgergeld, Förderung und Vermittlung in Arbeit.",
        "<p>Das Jobcenter Burgenlandkreis ist mit einem Team in der Migrationsagentur "
        "vertreten. Anträge können direkt im Haus abgegeben werden.</p>",
        topics=("arbeit", "beratung"),
        target_groups=("arbeitsuchende", "gefluechtete"),
        languages=("de", "en", "uk"),
        hours=COUNSELLING,
        offers=(
            OfferSpec(
                name="Antragsannahme Bürgergeld",
                description="Anträge abgeben und Unterlagen prüfen lassen.",
                topics=("beratung",),
                target_groups=("arbeitsuchende",),
            ),
            OfferSpec(
                name="Förderung von Sprach- und Berufskursen",
                description="Bildungsgutscheine und Berufssprachkurse.",
                topics=("arbeit", "deutschkurs"),
                target_groups=("arbeitsuchende",),
            ),
        ),
    ),
    _unit(
        "agentur-fuer-arbeit",
        "Agentur für Arbeit",
        "Berufsberatung, Arbeitsmarktzulassung und Beratung für internationale Fachkräfte.",
        "<p>Die Agentur für Arbeit berät im Haus zu Berufswahl, Ausbildung und Arbeitsmarkt "
        "und prüft die Zustimmung zur Beschäftigung.</p>",
        topics=("arbeit", "ausbildung", "beratung"),
        target_groups=("arbeitsuchende", "fachkraefte", "kinder-und-jugendliche"),
        languages=("de", "en"),
        hours=APPOINTMENT,
        offers=(
            OfferSpec(
                name="Berufsberatung für Neuzugewanderte",
                description="Welche Ausbildung, welcher Beruf? Mit Kompetenzfeststellung.",
                topics=("arbeit", "ausbildung"),
                target_groups=("arbeitsuchende", "kinder-und-jugendliche"),
            ),
            OfferSpec(
                name="Beratung für internationale Fachkräfte",
                description="Anerkennung, Arbeitsplatzsuche und Beschäftigungserlaubnis.",
                topics=("arbeit",),
                target_groups=("fachkraefte",),
            ),
        ),
    ),
    _unit(
        "ehrenamtskoordination",
        "Ehrenamtskoordination",
        "Vermittlung, Schulung und Begleitung von Ehrenamtlichen im ganzen Kreis.",
        "<p>Die Ehrenamtskoordination bringt Menschen, die helfen wollen, mit Initiativen "
        "und Neuzugewanderten zusammen – und sorgt für Schulung, Versicherung und "
        "Austausch.</p>",
        topics=("ehrenamt",),
        target_groups=("ehrenamtliche",),
        languages=("de", "en"),
        hours=OFFICE,
        offers=(
            OfferSpec(
                name="Ehrenamt vermitteln",
                description="Wir finden das passende Engagement in Ihrer Nähe.",
                topics=("ehrenamt",),
                target_groups=("ehrenamtliche",),
                availability="open",
            ),
            OfferSpec(
                name="Schulungsreihe für Ehrenamtliche",
                description="Asylrecht, interkulturelle Kommunikation, Grenzen im Ehrenamt.",
                topics=("ehrenamt", "schule-und-bildung"),
                target_groups=("ehrenamtliche",),
            ),
        ),
    ),
)
