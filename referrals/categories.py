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
