"""The HSDS data package: organizations.json (the compiled organization_package shape) or one
CSV table per HSDS object, each described in datapackage.json; and the tables read back.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from directory.hsds.vocabulary import taxonomy
from portal.csv_cells import read_cell, safe_cell

# Table and columns of each HSDS object we write, in the order of the HSDS CSV examples.
TABLES: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "description", "email", "website", "logo", "uri"),
    "organization_identifiers": (
        "id",
        "organization_id",
        "identifier_scheme",
        "identifier_type",
        "identifier",
    ),
    "services": (
        "id",
        "organization_id",
        "name",
        "description",
        "status",
        "application_process",
        "fees_description",
        "eligibility_description",
        "assured_date",
    ),
    "locations": (
        "id",
        "location_type",
        "organization_id",
        "name",
        "latitude",
        "longitude",
    ),
    "addresses": (
        "id",
        "location_id",
        "address_1",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ),
    "accessibility": ("id", "location_id", "description"),
    "service_at_locations": ("id", "service_id", "location_id"),
    "phones": ("id", "location_id", "service_id", "organization_id", "contact_id", "number"),
    "contacts": ("id", "organization_id", "name", "title", "email"),
    "languages": ("id", "service_id", "name", "code"),
    "schedules": (
        "id",
        "location_id",
        "freq",
        "wkst",
        "byday",
        "opens_at",
        "closes_at",
        "attending_type",
        "description",
    ),
    "cost_options": ("id", "service_id", "option", "amount", "currency"),
    "taxonomies": ("id", "name", "description"),
    "taxonomy_terms": ("id", "code", "name", "description", "taxonomy", "taxonomy_id", "language"),
    "attributes": (
        "id",
        "link_id",
        "taxonomy_term_id",
        "link_type",
        "link_entity",
        "value",
    ),
}
# Where each child list sits in its parent, and the column pointing back to the parent.
CHILDREN: dict[str, tuple[tuple[str, str, str], ...]] = {
    "organizations": (
        ("organization_identifiers", "organization_identifiers", "organization_id"),
        ("phones", "phones", "organization_id"),
        ("contacts", "contacts", "organization_id"),
        ("locations", "locations", "organization_id"),
        ("services", "services", "organization_id"),
        ("attributes", "attributes", "link_id"),
    ),
    "contacts": (("phones", "phones", "contact_id"),),
    "locations": (
        ("addresses", "addresses", "location_id"),
        ("accessibility", "accessibility", "location_id"),
        ("schedules", "schedules", "location_id"),
        ("attributes", "attributes", "link_id"),
    ),
    "services": (
        ("languages", "languages", "service_id"),
        ("cost_options", "cost_options", "service_id"),
        ("service_at_locations", "service_at_locations", "service_id"),
        ("attributes", "attributes", "link_id"),
    ),
}
NUMBERS = {("locations", "latitude"), ("locations", "longitude"), ("cost_options", "amount")}


def _flatten(table: str, item: dict[str, Any], rows: dict[str, dict[str, dict]]) -> None:
    rows[table][item["id"]] = {column: item.get(column, "") for column in TABLES[table]}
    for key, child_table, _parent_column in CHILDREN.get(table, ()):
        for child in item.get(key) or []:
            _flatten(child_table, child, rows)
    term = item.get("taxonomy_term")
    if term:
        rows["taxonomy_terms"][term["id"]] = {
            column: term.get(column, "") for column in TABLES["taxonomy_terms"]
        }


def _taxonomies(terms: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for term in terms:
        found[term["taxonomy_id"]] = taxonomy(term["taxonomy"])
    return dict(sorted(found.items(), key=lambda item: item[1]["name"]))


def _descriptor(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": "integrationsnetzwerk-burgenlandkreis",
        "title": "Integrationsnetzwerk Burgenlandkreis",
        "profile": "tabular-data-package"
        if resources[0]["path"].endswith(".csv")
        else "data-package",
        "description": "Open Referral HSDS 3.0 export of the published network directory.",
        "resources": resources,
    }


def write_package(
    organizations: Iterable[dict[str, Any]], directory: Path, *, tables: bool
) -> list[Path]:
    """Write the package; the files written, datapackage.json last."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    if not tables:
        path = directory / "organizations.json"
        path.write_text(
            json.dumps(list(organizations), ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        written.append(path)
        resources = [
            {
                "name": "organizations",
                "path": "organizations.json",
                "format": "json",
                "mediatype": "application/json",
                "profile": "data-resource",
            }
        ]
    else:
        rows: dict[str, dict[str, dict]] = defaultdict(dict)
        for organization in organizations:
            _flatten("organizations", organization, rows)
        rows["taxonomies"] = _taxonomies(rows["taxonomy_terms"].values())
        resources = []
        for table, columns in TABLES.items():
            path = directory / f"{table}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows(
                    {column: safe_cell(value) for column, value in row.items()}
                    for row in rows[table].values()
                )
            written.append(path)
            resources.append(
                {
                    "name": table,
                    "path": f"{table}.csv",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "profile": "tabular-data-resource",
                    "schema": {
                        "fields": [
                            {
                                "name": column,
                                "type": "number" if (table, column) in NUMBERS else "string",
                            }
                            for column in columns
                        ],
                        "primaryKey": "id",
                    },
                }
            )
    descriptor = directory / "datapackage.json"
    descriptor.write_text(
        json.dumps(_descriptor(resources), ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    written.append(descriptor)
    return written


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {key: read_cell(value) for key, value in row.items() if value != ""}
            for row in csv.DictReader(handle)
        ]


def read_tables(directory: Path) -> list[dict[str, Any]]:
    """The CSV tables nested again into whole organizations, children in file order."""
    tables = {table: _read_csv(directory / f"{table}.csv") for table in TABLES}
    terms = {term["id"]: term for term in tables["taxonomy_terms"]}
    by_parent: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for parent, children in CHILDREN.items():
        for _key, child_table, parent_column in children:
            for row in tables[child_table]:
                if parent_column in row:
                    by_parent[(parent, child_table, row[parent_column])].append(row)

    def nest(table: str, row: dict[str, Any]) -> dict[str, Any]:
        item = dict(row)
        if table == "attributes" and row.get("taxonomy_term_id") in terms:
            item["taxonomy_term"] = terms[row["taxonomy_term_id"]]
        for key, child_table, _parent_column in CHILDREN.get(table, ()):
            item[key] = [
                nest(child_table, child) for child in by_parent[(table, child_table, row["id"])]
            ]
        return item

    return [nest("organizations", row) for row in tables["organizations"]]
