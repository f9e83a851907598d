"""The HSDS 3.0 export: /api/hsds/ and `manage.py export_hsds`, checked against the HSDS schemas."""

from __future__ import annotations

import csv
import datetime
import json

import pytest
from django.core.management import call_command

from directory.hsds.package import read_tables
from network.models import ActorKind, Availability
from tests.factories import (
    ActorFactory,
    ContactPersonFactory,
    LocationFactory,
    OfferFactory,
    OpeningHoursFactory,
)

URL = "/api/hsds/"
UNKNOWN_ID = "00000000-0000-0000-0000-000000000000"


def get_json(client, url: str, params: dict | None = None, status: int = 200) -> dict:
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:2000]
    return response.json()


def assert_valid_organization(hsds_schemas, organization: dict) -> None:
    assert hsds_schemas.errors(organization, "compiled/organization.json") == []
    assert hsds_schemas.errors(organization, "organization.json") == []
    for service in organization["services"]:
        assert hsds_schemas.errors(service, "service.json") == []


@pytest.fixture
def network(terms):
    full = ActorFactory(
        name="Sprachcafé Naumburg",
        slug="sprachcafe-naumburg",
        kind=ActorKind.ASSOCIATION,
        email="info@sprachcafe.example",
        website="https://sprachcafe.example/",
        phone="03445 12345",
        works_online=True,
        description="<p>Jeden <strong>Dienstag</strong>.</p>",
        external_id="liste-17",
        topics=[terms.topic_a, terms.topic_b],
        languages=[terms.language_a],
        target_groups=[terms.group_a],
    )
    offer = OfferFactory(
        actor=full,
        name="Gesprächsrunde",
        is_free=True,
        cost_note="Spende erwünscht",
        eligibility="alle",
        how_to_access="einfach vorbeikommen",
        availability=Availability.WAITING_LIST,
        availability_confirmed_on=datetime.date(2026, 10, 1),
    )
    offer.topics.set([terms.topic_a])
    offer.languages.set([terms.language_a, terms.language_b])
    offer.target_groups.set([terms.group_b])
    offer.save()
    OfferFactory(actor=full, name="Hausaufgabenhilfe", is_free=False)
    main = LocationFactory(
        actor=full,
        municipality=terms.place_a,
        name="Hauptsitz",
        accessibility="Rampe am Seiteneingang",
        wheelchair_accessible=True,
    )
    OpeningHoursFactory(location=main, weekday=1, opens=datetime.time(9), closes=datetime.time(12))
    OpeningHoursFactory(
        location=main,
        weekday=3,
        opens=datetime.time(14),
        closes=datetime.time(16),
        by_appointment=True,
    )
    LocationFactory(actor=full, municipality=terms.place_b, latitude=None, longitude=None)
    ContactPersonFactory(actor=full, name="Alex Beispiel", role="Leitung", phone="0170 123")
    ActorFactory(name="Kleiner Verein", slug="kleiner-verein")
    ActorFactory(name="Entwurf", slug="entwurf", live=False)
    return full


def test_it_serves_the_published_directory_as_valid_hsds(client, network, hsds_schemas):
    data = get_json(client, URL)

    assert hsds_schemas.page_errors(data, "compiled/organization.json") == []
    assert data["total_items"] == 2
    assert [organization["name"] for organization in data["contents"]] == [
        "Kleiner Verein",
        "Sprachcafé Naumburg",
    ]
    for organization in data["contents"]:
        assert_valid_organization(hsds_schemas, organization)
    full = data["contents"][1]
    assert len(full["services"]) == 2
    assert len(full["locations"]) == 2
    assert full["phones"][0]["number"] == "03445 12345"
    assert full["contacts"][0]["phones"][0]["number"] == "0170 123"
    assert full["contacts"][0]["title"] == "Leitung"
    first_service = full["services"][0]
    assert [language["code"] for language in first_service["languages"]] == ["qaa", "qab"]
    assert first_service["assured_date"] == "2026-10-01"
    assert first_service["cost_options"][0]["amount"] == 0
    assert {
        (attribute["taxonomy_term"]["taxonomy"], attribute["taxonomy_term"]["code"])
        for attribute in first_service["attributes"]
    } == {
        ("topic", "test-thema-alpha"),
        ("target_group", "test-gruppe-beta"),
        ("availability", "waiting_list"),
    }
    location_ids = [location["id"] for location in full["locations"]]
    assert [link["location_id"] for link in first_service["service_at_locations"]] == location_ids
    schedules = full["locations"][0]["schedules"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in schedules] == [
        ("TU", "09:00", "12:00"),
        ("TH", "14:00", "16:00"),
    ]
    assert full["locations"][0]["addresses"][0]["region"] == "Testort Alpha"
    assert full["locations"][0]["accessibility"][0]["description"] == "Rampe am Seiteneingang"


def test_it_pages_in_the_hsds_shape(client, network, hsds_schemas):
    first = get_json(client, URL, {"per_page": 1})
    second = get_json(client, URL, {"per_page": 1, "page": 2})
    beyond = get_json(client, URL, {"per_page": 1, "page": 3})

    for page in (first, second, beyond):
        assert hsds_schemas.page_errors(page, "compiled/organization.json") == []
    assert (first["total_items"], first["total_pages"], first["size"]) == (2, 2, 1)
    assert (first["first_page"], first["last_page"], first["empty"]) == (True, False, False)
    assert (second["page_number"], second["first_page"], second["last_page"]) == (2, False, True)
    assert beyond["empty"] is True
    assert beyond["contents"] == []
    assert first["contents"][0]["id"] != second["contents"][0]["id"]


def test_it_lists_organizations_by_their_one_to_one_fields(client, network, hsds_schemas):
    data = get_json(client, URL + "organizations/")

    assert hsds_schemas.page_errors(data, "compiled/organization_list.json") == []
    assert [organization["name"] for organization in data["contents"]] == [
        "Kleiner Verein",
        "Sprachcafé Naumburg",
    ]
    assert "services" not in data["contents"][1]


def test_it_notices_an_invalid_organization(hsds_schemas):
    broken = {"id": "not-a-uuid", "name": "Ohne Beschreibung", "email": "kaputt"}

    errors = hsds_schemas.errors(broken, "organization.json")

    assert any("description" in error for error in errors)
    assert any("not-a-uuid" in error for error in errors)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "zwei"},
        {"page": "0"},
        {"per_page": "-5"},
        {"page": "922337203685477580"},
        {"page": "9" * 5000},
    ],
)
def test_it_refuses_a_bad_page_with_a_reason(client, network, params):
    data = get_json(client, URL, params, status=400)

    assert "page" in data


def test_it_serves_one_organization_and_one_service_by_their_stable_ids(
    client, network, hsds_schemas
):
    listed = get_json(client, URL)["contents"][1]

    organization = get_json(client, f"{URL}organizations/{listed['id']}/")
    service_id = listed["services"][1]["id"]
    service = get_json(client, f"{URL}services/{service_id}/")

    assert organization == listed
    assert_valid_organization(hsds_schemas, organization)
    assert service["name"] == "Hausaufgabenhilfe"
    assert service["organization"]["name"] == "Sprachcafé Naumburg"
    assert hsds_schemas.errors(service, "compiled/service.json") == []


def test_it_hides_unpublished_actors_and_unknown_ids(client, network):
    listed = get_json(client, URL)["contents"][1]
    network.live = False
    network.save()

    assert client.get(f"{URL}organizations/{listed['id']}/").status_code == 404
    assert client.get(f"{URL}services/{listed['services'][0]['id']}/").status_code == 404
    assert [item["name"] for item in get_json(client, URL)["contents"]] == ["Kleiner Verein"]
    assert client.get(f"{URL}organizations/{UNKNOWN_ID}/").status_code == 404


def test_it_derives_ids_from_slugs_not_from_database_rows(client, network):
    before = get_json(client, URL)
    network.delete()
    again = ActorFactory(name="Sprachcafé Naumburg", slug="sprachcafe-naumburg")

    after = get_json(client, URL)

    assert again.pk != network.pk
    assert [organization["id"] for organization in after["contents"]] == [
        organization["id"] for organization in before["contents"]
    ]
    assert get_json(client, URL) == after


def test_it_writes_a_json_data_package(network, tmp_path, hsds_schemas, client):
    call_command("export_hsds", str(tmp_path))

    organizations = json.loads((tmp_path / "organizations.json").read_text("utf-8"))
    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert hsds_schemas.errors(organizations, "compiled/organization_package.json") == []
    assert organizations == get_json(client, URL)["contents"]
    assert [resource["path"] for resource in descriptor["resources"]] == ["organizations.json"]


def test_it_writes_csv_tables_described_by_datapackage_json(network, tmp_path, hsds_schemas):
    call_command("export_hsds", str(tmp_path), "--format", "csv")

    descriptor = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    tables = {}
    for resource in descriptor["resources"]:
        with (tmp_path / resource["path"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [field["name"] for field in resource["schema"]["fields"]]
            tables[resource["name"]] = list(reader)
    assert descriptor["profile"] == "tabular-data-package"
    assert [row["name"] for row in tables["organizations"]] == [
        "Kleiner Verein",
        "Sprachcafé Naumburg",
    ]
    assert len(tables["services"]) == 2
    assert len(tables["schedules"]) == 2
    assert {row["name"] for row in tables["taxonomies"]} >= {"topic", "actor_kind", "language"}
    for name, rows in tables.items():
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), name
    for row in tables["organizations"]:
        typed = {key: value for key, value in row.items() if value}
        assert hsds_schemas.errors(typed, "compiled/organization_list.json") == []


def test_it_writes_cells_a_spreadsheet_would_run_as_text_and_reads_them_back(db, tmp_path):
    actor = ActorFactory(
        name='=HYPERLINK("https://evil.example";"Klick")',
        slug="formel",
        email="info@formel.example",
        phone="+49 3443 12345",
    )
    ContactPersonFactory(actor=actor, name="@SUMME(A1)", role="-2+3", phone="\t=1+1")
    LocationFactory(actor=actor, latitude=-51.2, longitude=11.97)

    call_command("export_hsds", str(tmp_path), "--format", "csv")

    cells = [
        value
        for path in tmp_path.glob("*.csv")
        for row in csv.reader(path.open(encoding="utf-8", newline=""))
        for value in row
    ]
    runnable = [cell for cell in cells if cell.startswith(("=", "+", "@", "\t", "\r", "-"))]
    assert runnable == ["-51.2"]  # a plain number is no formula
    assert '\'=HYPERLINK("https://evil.example";"Klick")' in cells
    assert "'@SUMME(A1)" in cells
    assert "'+49 3443 12345" in cells
    organization = read_tables(tmp_path)[0]
    assert organization["name"] == actor.name
    assert organization["contacts"][0]["name"] == "@SUMME(A1)"
