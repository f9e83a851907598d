"""The concern categories the agency starts with, and their routing rules (unit slugs).

Loaded by a data migration and by the demo; administrators edit them afterwards in the Wagtail
admin. A category without a unit goes to the intake zone.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class CategoryData(NamedTuple):
    slug: str
    name: str
    description: str
    unit: str | None


CATEGORIES: tuple[CategoryData, ...] = (
    CategoryData(
        "aufenthalt",
        "Aufenthalt",
        "Aufenthaltstitel, Verlängerung, Duldung, Einbürgerung.",
        "auslaenderbehoerde",
    ),
    CategoryData(
        "asylbewerberleistungen",
        "Asylbewerberleistungen",
        "Geld zum Leben, Krankenschein, Bildung und Teilhabe während des Asylverfahrens.",
        "asylbewerberleistungen",
    ),
    CategoryData(
        "wohnen",
        "Wohnen",
        "Unterkunft, Umzug in eine eigene Wohnung, Probleme mit der Wohnung.",
        "unterbringung",
    ),
    CategoryData(
        "arbeit",
        "Arbeit und Jobsuche",
        "Arbeit finden, Bürgergeld, Arbeitserlaubnis, Ausbildung.",
        "jobcenter",
    ),
    CategoryData(
        "sprachkurs",
        "Sprachkurs",
        "Deutsch lernen: Integrationskurs, Berufssprachkurs, freie Plätze.",
        "integrationsberatung",
    ),
    CategoryData(
        "anerkennung",
        "Anerkennung von Abschlüssen",
        "Schul-, Berufs- und Studienabschlüsse aus dem Ausland anerkennen lassen.",
        "agentur-fuer-arbeit",
    ),
    CategoryData(
        "familie-und-schule",
        "Familie, Kita und Schule",
        "Kita- und Schulanmeldung, Familiennachzug, Fragen rund um Kinder.",
        "integrationsberatung",
    ),
    CategoryData(
        "gesundheit",
        "Gesundheit",
        "Arzt finden, Krankenversicherung, Krankenschein.",
        None,
    ),
    CategoryData(
        "ehrenamt",
        "Ehrenamt",
        "Selbst helfen oder Unterstützung durch Ehrenamtliche finden.",
        "ehrenamtskoordination",
    ),
    CategoryData("sonstiges", "Sonstiges", "Etwas anderes – wir finden die richtige Stelle.", None),
)


def load_categories(apps: Any) -> None:
    """Create missing categories by slug; existing ones, maybe edited by staff, stay as they are."""
    category_model = apps.get_model("referrals", "ConcernCategory")
    unit_model = apps.get_model("network", "AgencyUnit")
    units = {unit.slug: unit for unit in unit_model.objects.all()}
    for position, category in enumerate(CATEGORIES, start=1):
        category_model.objects.get_or_create(
            slug=category.slug,
            defaults={
                "name": category.name,
                "description": category.description,
                "default_unit": units.get(category.unit) if category.unit else None,
                "ordering": position * 10,
            },
        )


# What the wayfinder shows beside each starting category, and which network topics fit it.
WAYFINDER_DEFAULTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "aufenthalt": ("passport", ("aufenthalt", "rechtsberatung")),
    "asylbewerberleistungen": ("money", ("beratung",)),
    "wohnen": ("house", ("wohnen",)),
    "arbeit": ("work", ("arbeit", "ausbildung")),
    "sprachkurs": ("speech", ("deutschkurs", "sprachcafe")),
    "anerkennung": ("certificate", ("arbeit", "ausbildung", "beratung")),
    "familie-und-schule": ("family", ("kinder-und-familie", "schule-und-bildung")),
    "gesundheit": ("health", ("gesundheit", "psychosoziale-unterstuetzung")),
    "ehrenamt": ("hands", ("ehrenamt",)),
    "sonstiges": ("question", ("beratung",)),
}


class AudienceData(NamedTuple):
    slug: str
    label: str
    description: str
    pictogram: str


AUDIENCES: tuple[AudienceData, ...] = (
    AudienceData("selbst", "Für mich selbst", "Es geht um mein eigenes Anliegen.", "person"),
    AudienceData(
        "familie",
        "Für mein Kind oder meine Familie",
        "Es geht um Kinder, Partner oder Eltern.",
        "family",
    ),
    AudienceData(
        "begleitung",
        "Für jemanden, den ich begleite",
        "Ich helfe ehrenamtlich oder beruflich, z. B. als Patin oder Sozialarbeiter.",
        "support",
    ),
)


def load_wayfinder_defaults(apps: Any) -> None:
    """Pictograms and topics for the starting categories, and the "for whom" answers.

    Only fills what is empty, so a second run keeps what staff changed.
    """
    category_model = apps.get_model("referrals", "ConcernCategory")
    topic_model = apps.get_model("network", "Topic")
    audience_model = apps.get_model("referrals", "WayfinderAudience")
    topics = {topic.slug: topic for topic in topic_model.objects.all()}
    for category in category_model.objects.filter(slug__in=WAYFINDER_DEFAULTS):
        pictogram, topic_slugs = WAYFINDER_DEFAULTS[category.slug]
        if not category.pictogram:
            category.pictogram = pictogram
            category.save(update_fields=["pictogram"])
        if not category.topics.exists():
            category.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
    for position, audience in enumerate(AUDIENCES, start=1):
        audience_model.objects.get_or_create(
            slug=audience.slug,
            defaults={
                "label": audience.label,
                "description": audience.description,
                "pictogram": audience.pictogram,
                "ordering": position * 10,
            },
        )
