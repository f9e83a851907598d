"""Our taxonomies in HSDS terms: topics, target groups, languages, actor kinds, availability and
the yes/no features HSDS has no field for; the importer reads attributes back through the same
names.
"""

from __future__ import annotations

from typing import Any

from directory.hsds.ids import hsds_id

TOPIC = "topic"
TARGET_GROUP = "target_group"
LANGUAGE = "language"
ACTOR_KIND = "actor_kind"
AVAILABILITY = "availability"
FEATURE = "feature"

TAXONOMY_DESCRIPTIONS = {
    TOPIC: "Themen des Integrationsnetzwerks Burgenlandkreis",
    TARGET_GROUP: "Zielgruppen des Integrationsnetzwerks Burgenlandkreis",
    LANGUAGE: "Beratungssprachen nach ISO 639-1",
    ACTOR_KIND: "Art des Akteurs (Verein, Projekt, Behörde …)",
    AVAILABILITY: "Aufnahme neuer Personen in ein Angebot",
    FEATURE: "Merkmale ohne eigenes HSDS-Feld",
}

# Features: the attribute's presence says yes; long_description carries its text as the value.
# Yes/no fields declared with hsds_feature in network.fields are features coded by their field
# name and named by their label; the long description is the one feature that carries a value.
LONG_DESCRIPTION = "long_description"
FEATURE_NAMES = {LONG_DESCRIPTION: "ausführliche Beschreibung"}

SCHEME = "mia-blk"
SLUG_IDENTIFIER = "slug"
EXTERNAL_IDENTIFIER = "external_id"
BY_APPOINTMENT = "nach Vereinbarung"
OPEN_CONSULTATION = "offene Sprechzeit"
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREE = "kostenlos"


def taxonomy(name: str) -> dict[str, Any]:
    return {
        "id": hsds_id("taxonomy", name),
        "name": name,
        "description": TAXONOMY_DESCRIPTIONS[name],
    }


def term(taxonomy_name: str, code: str, name: str) -> dict[str, Any]:
    return {
        "id": hsds_id("taxonomy_term", taxonomy_name, code),
        "code": code,
        "name": name,
        "description": name,
        "taxonomy": taxonomy_name,
        "taxonomy_id": hsds_id("taxonomy", taxonomy_name),
        "language": "de",
    }


def attribute(
    link_entity: str, link_id: str, taxonomy_name: str, code: str, name: str, value: str = ""
) -> dict[str, Any]:
    linked_term = term(taxonomy_name, code, name)
    data = {
        "id": hsds_id("attribute", link_id, taxonomy_name, code),
        "link_id": link_id,
        "link_type": taxonomy_name,
        "link_entity": link_entity,
        "taxonomy_term_id": linked_term["id"],
        "taxonomy_term": linked_term,
    }
    if value:
        data["value"] = value
    return data
