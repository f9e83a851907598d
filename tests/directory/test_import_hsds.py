"""`manage.py import_actors` with HSDS JSON from other directories, and broken HSDS input."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from network.models import Actor

FOREIGN_ID = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"


def organization(**changes) -> dict:
    data = {
        "id": FOREIGN_ID,
        "name": "Beratungsstelle Zeitz",
        "description": "Migrationsberatung für Erwachsene.",
        "email": "beratung@zeitz.example",
        "services": [
            {
                "id": "ac148810-d857-441c-9679-408f346de14b",
                "name": "Sprechstunde",
                "status": "active",
                "languages": [{"id": "1b0b2a9e-4f1a-4a34-9d1e-0a9a1c2b3c4d", "code": "ar"}],
            }
        ],
        "locations": [
            {
                "id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
                "location_type": "physical",
                "addresses": [
                    {
                        "id": "9ac4a7c8-9f4e-4d3b-8b0e-2b8b8b8b8b8b",
                        "address_1": "Altmarkt 1",
                        "city": "Zeitz",
                        "postal_code": "06712",
                        "country": "DE",
                        "state_province": "Sachsen-Anhalt",
                        "address_type": "physical",
                    }
                ],
                "schedules": [
                    {
                        "id": "48102e86-bb50-41c4-8f1e-e269368c41d1",
                        "byday": "MO,WE",
                        "opens_at": "09:00:00",
                        "closes_at": "12:00:00",
                    }
                ],
            }
        ],
    }
    data.update(changes)
    return data


def run(path) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_actors", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_imports_another_directorys_organization_and_keys_it_on_the_hsds_id(tmp_path):
    path = tmp_path / "fremd.json"
    path.write_text(json.dumps({"contents": [organization()], "total_items": 1}), "utf-8")

    first, err = run(path)
    again, _err = run(path)

    actor = Actor.objects.get()
    assert err == ""
    assert "1 created" in first
    assert "1 unchanged" in again
    assert (actor.slug, actor.external_id, actor.kind) == (
        "beratungsstelle-zeitz",
        FOREIGN_ID,
        "association",
    )
    assert actor.offers.get().languages.get().code == "ar"
    location = actor.locations.get()
    assert location.municipality.slug == "zeitz"
    assert sorted(location.opening_hours.values_list("weekday", flat=True)) == [0, 2]


@pytest.mark.django_db
def test_it_reports_bad_organizations_by_position_and_field(tmp_path):
    broken_service = organization(id="a", name="Zweite")
    broken_service["services"][0]["name"] = ""
    path = tmp_path / "fremd.json"
    path.write_text(
        json.dumps(
            [organization(email="kein-mail"), broken_service, organization(id="b", name="Gut")]
        ),
        "utf-8",
    )

    out, err = run(path)

    assert "1 created, 0 updated, 0 unchanged, 2 with errors" in out
    assert "line 1, column email: „kein-mail“ ist keine gültige E-Mail-Adresse." in err
    assert "line 2, column services[1].offer_name: Pflichtfeld ist leer." in err
    assert list(Actor.objects.values_list("name", flat=True)) == ["Gut"]


@pytest.mark.django_db
def test_it_refuses_json_that_is_not_hsds(tmp_path):
    not_json = tmp_path / "kaputt.json"
    not_json.write_bytes(b"\xff{ nein")
    not_organizations = tmp_path / "zahlen.json"
    not_organizations.write_text("[1, 2, 3]", "utf-8")
    misshapen = tmp_path / "schief.json"
    misshapen.write_text(json.dumps([organization(services="keine Liste")]), "utf-8")
    empty_directory = tmp_path / "leer"
    empty_directory.mkdir()

    for source in (not_json, not_organizations, empty_directory):
        with pytest.raises(CommandError):
            run(source)
    out, err = run(misshapen)
    assert "1 with errors" in out
    assert "line 1, column -: not HSDS 3.0" in err
    assert not Actor.objects.exists()
