"""The staff's synonym list: seeded, validated, editable by the agency, used at query time."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError

from search.backends import SearchDocument, get_search_backend
from search.models import Synonym
from tests.factories import AgencyUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    return [hit.object_id for hit in get_search_backend().search(query, kinds=["testsyn"])]


@pytest.fixture
def documents(db):
    get_search_backend().index(
        [
            SearchDocument(kind="testsyn", object_id="1", title="Integrationskurs in Zeitz"),
            SearchDocument(kind="testsyn", object_id="2", title="Hilfe bei der Unterkunft"),
            SearchDocument(kind="testsyn", object_id="3", title="Jobbörse Naumburg"),
            SearchDocument(kind="testsyn", object_id="4", title="Fahrradwerkstatt"),
        ]
    )


def test_it_seeds_the_groups_the_issue_names():
    groups = [synonym.words for synonym in Synonym.objects.all()]
    assert any({"Deutschkurs", "Sprachkurs", "Integrationskurs"} <= set(g) for g in groups)
    assert any({"Wohnung", "Unterkunft"} <= set(g) for g in groups)
    assert any({"Arbeit", "Job", "Beschäftigung"} <= set(g) for g in groups)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Deutschkurs", ["1"]),
        ("Sprachkurse Zeitz", ["1"]),
        ("Wohnung", ["2"]),
        ("Arbeit", ["3"]),
        ("Beschaeftigung", ["3"]),
    ],
)
def test_it_finds_documents_by_a_synonym(documents, query, expected):
    assert found(query) == expected


def test_it_ranks_the_word_as_typed_before_its_synonyms(db):
    get_search_backend().index(
        [
            SearchDocument(
                kind="testsyn", object_id="1", title="Sprachkurs", body="Sprachkurs " * 5
            ),
            SearchDocument(kind="testsyn", object_id="2", title="Deutschkurs"),
        ]
    )
    assert found("Deutschkurs") == ["2", "1"]


def test_it_applies_a_new_group_at_once(documents):
    assert found("Velo") == []
    Synonym.objects.create(terms="Fahrrad, Velo")
    assert found("Velo") == ["4"]
    Synonym.objects.get(terms="Fahrrad, Velo").delete()
    assert found("Velo") == []


@pytest.mark.parametrize(
    "terms", ["Fahrrad", "Fahrrad, ", "Fahr rad, Velo", "Fahrrad, Velo-Werkstatt"]
)
def test_it_refuses_groups_of_fewer_than_two_single_words(terms):
    with pytest.raises(ValidationError):
        Synonym(terms=terms).full_clean()


def test_it_tidies_the_spelling_of_a_group():
    synonym = Synonym(terms=" Fahrrad ,Velo,  Rad ")
    synonym.full_clean()
    assert synonym.terms == "Fahrrad, Velo, Rad"


def access_admin(user) -> None:
    """Admin access without being agency staff (a group given by mistake, say)."""
    group, _created = Group.objects.get_or_create(name="Admin-Zugang")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)


def test_it_lets_agency_staff_edit_the_list_in_the_admin(client):
    staff = UserFactory(username="staff")
    staff.agency_units.add(AgencyUnitFactory())
    client.force_login(staff)

    assert client.get("/admin/snippets/search/synonym/").status_code == 200
    response = client.post("/admin/snippets/search/synonym/add/", {"terms": "Fahrrad, Velo"})

    assert response.status_code == 302
    assert Synonym.objects.filter(terms="Fahrrad, Velo").exists()


def test_it_keeps_other_signed_in_people_out_of_the_list(client):
    member = UserFactory(username="member")
    access_admin(member)
    client.force_login(member)
    response = client.post("/admin/snippets/search/synonym/add/", {"terms": "Fahrrad, Velo"})
    assert response.status_code in {302, 403}
    assert not Synonym.objects.filter(terms="Fahrrad, Velo").exists()
