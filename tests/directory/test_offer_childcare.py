"""Offers with childcare: one declared field, seen everywhere an offer's fields are.

The field was added as a new contributor would (model, migration, network/fields.py, the profile
template, this test); the editor, the review, the directory's filter and count, the API, the
HSDS export and the import follow from the declaration.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from network.diff import diff_actors
from network.forms.profiles import OfferForm
from network.models import Actor, Offer
from tests.directory.helpers import actor_names, facet_counts
from tests.factories import ActorFactory, LocationFactory, OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(db) -> dict[str, Actor]:
    with_care = ActorFactory(name="Quokka mit Betreuung", slug="quokka-betreuung")
    OfferFactory(actor=with_care, name="Deutschkurs für Mütter", childcare=True)
    LocationFactory(actor=with_care)
    without = ActorFactory(name="Quokka ohne Betreuung", slug="quokka-ohne")
    OfferFactory(actor=without, name="Abendkurs")
    return {"with": with_care, "without": without}


def test_members_edit_it():
    assert "childcare" in OfferForm().fields


def test_reviewers_see_it_change(actors):
    old = actors["without"]
    new = Actor.objects.get(pk=old.pk)
    new.offers = [Offer(pk=old.offers.get().pk, name="Abendkurs", childcare=True)]

    offers = next(section for section in diff_actors(old, new) if section.title == "Angebote")

    assert "<del>nein</del><ins>ja</ins>" in offers.changed_rows[0].inline
    assert "mit Kinderbetreuung: ja" in offers.changed_rows[0].new


def test_the_profile_shows_it(client, actors):
    content = client.get("/directory/quokka-betreuung/").content.decode()

    assert "Kinderbetreuung" in content


def test_the_directory_filters_and_counts_it(client, actors):
    response = client.get("/directory/")
    filtered = client.get("/directory/", {"childcare": "1"})
    without = client.get("/directory/", {"childcare": "0"})

    assert facet_counts(response, "childcare") == {"1": 1}
    assert actor_names(filtered) == ["Quokka mit Betreuung"]
    assert actor_names(without) == ["Quokka ohne Betreuung"]
    assert client.get("/directory/", {"childcare": "vielleicht"}).status_code == 400


def test_the_api_filters_and_shows_it(client, actors):
    listed = client.get("/api/v1/actors/", {"childcare": "true"}).json()["results"]
    detail = client.get("/api/v1/actors/quokka-betreuung/").json()

    assert [actor["slug"] for actor in listed] == ["quokka-betreuung"]
    assert detail["offers"][0]["childcare"] is True
    assert client.get("/api/v1/actors/", {"childcare": "null"}).status_code == 400


def test_the_hsds_export_carries_it_and_the_import_reads_it_back(actors, tmp_path):
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    Actor.objects.all().delete()

    call_command("import_actors", str(tmp_path / "organizations.json"), stdout=io.StringIO())

    assert Offer.objects.get(name="Deutschkurs für Mütter").childcare is True
    assert Offer.objects.get(name="Abendkurs").childcare is False


def test_the_spreadsheet_has_a_column_for_it(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text(
        "slug;name;kind;short_description;offer_name;offer_childcare\r\n"
        "elterncafe;Elterncafé;Verein / NGO;Wir treffen uns.;Elternfrühstück;ja\r\n",
        "utf-8",
    )

    call_command("import_actors", str(path), stdout=io.StringIO())

    assert Offer.objects.get(name="Elternfrühstück").childcare is True
