"""The actor import in the Wagtail admin: upload, preview, confirm; staff and admins only."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, Permission
from openpyxl import load_workbook
from wagtail.models import Revision

from network.models import Actor, AuditEntry
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory
from tests.html import select

URL = "/admin/directory/import/"
CONFIRM_URL = "/admin/directory/import/confirm/"
CSV = (
    "slug;name;kind;short_description;municipality;street;postcode;town\n"
    "neu-im-netz;Neu im Netz;Projekt;Ein neues Projekt.;Zeitz;Markt 1;06712;Zeitz\n"
    "kaputt;Kaputt;Projekt;Fehlerhaft.;Atlantis;Markt 2;06712;Zeitz\n"
)


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def admin_group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


@pytest.fixture
def agency_staff(db):
    """Staff of an agency unit, nothing more: no group, no Django staff flag."""
    user = UserFactory(username="agentur")
    AgencyUnitFactory(slug="eingangszone", is_intake=True).staff.add(user)
    return user


def upload(client, content: str = CSV, name: str = "liste.csv", **extra):
    data = {"file": io.BytesIO(content.encode("utf-8")), **extra}
    data["file"].name = name
    return client.post(URL, data)


def hidden(response, name: str) -> str:
    fields = select(response, f'input[name="{name}"]')
    assert fields, f"no hidden {name}"
    return fields[0].get("value", "")


def test_it_previews_then_imports_for_agency_staff(client, agency_staff, uploads_in_tmp):
    client.force_login(agency_staff)

    preview = upload(client)

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "1 neu, 0 geändert, 0 unverändert, 1 mit Fehlern" in page
    assert "Atlantis" in page
    assert not Actor.objects.exists()
    assert not AuditEntry.objects.filter(action="actors.imported").exists()

    done = client.post(
        CONFIRM_URL,
        {
            "token": hidden(preview, "token"),
            "name": hidden(preview, "name"),
            "all_or_nothing": "",
        },
    )

    assert done.status_code == 200
    assert "Import abgeschlossen" in done.content.decode()
    actor = Actor.objects.get()
    assert (actor.slug, actor.live, actor.kind) == ("neu-im-netz", True, "project")
    assert Revision.objects.get(object_id=str(actor.pk)).user == agency_staff
    entry = AuditEntry.objects.get(action="actors.imported")
    assert entry.user == agency_staff
    assert (entry.data["created"], entry.data["error"]) == (1, 1)
    assert not any(path.is_file() for path in uploads_in_tmp.rglob("*"))


def test_it_imports_nothing_when_all_or_nothing_was_asked_for(client, agency_staff):
    client.force_login(agency_staff)
    preview = upload(client, all_or_nothing="on")

    done = client.post(
        CONFIRM_URL,
        {
            "token": hidden(preview, "token"),
            "name": hidden(preview, "name"),
            "all_or_nothing": hidden(preview, "all_or_nothing"),
        },
    )

    assert "Nichts importiert" in done.content.decode()
    assert not Actor.objects.exists()


def test_it_lets_administrators_import_and_shows_them_the_menu_item(client, db):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))

    assert URL in client.get("/admin/").content.decode()
    assert upload(client).status_code == 200


def test_it_refuses_a_confirmation_of_someone_elses_upload(client, agency_staff):
    client.force_login(agency_staff)
    preview = upload(client)
    colleague = UserFactory(username="kollegin")
    AgencyUnitFactory(slug="jobcenter").staff.add(colleague)
    client.force_login(colleague)

    response = client.post(
        CONFIRM_URL, {"token": hidden(preview, "token"), "name": hidden(preview, "name")}
    )

    assert response.status_code == 400
    assert "nicht mehr da" in response.content.decode()
    assert not Actor.objects.exists()


def test_it_explains_a_file_it_cannot_take(client, agency_staff):
    client.force_login(agency_staff)

    wrong_type = upload(client, name="liste.ods")
    no_key = upload(client, content="name;kind\nA;project\n")

    assert "Bitte eine CSV-, XLSX- oder JSON-Datei hochladen." in wrong_type.content.decode()
    assert "no column &#x27;slug&#x27;" in no_key.content.decode()
    assert not Actor.objects.exists()


def test_it_offers_the_template_as_csv_and_xlsx(client, agency_staff, tmp_path):
    client.force_login(agency_staff)

    csv_file = client.get(URL + "vorlage.csv")
    xlsx_file = client.get(URL + "vorlage.xlsx")

    assert csv_file.content.startswith("\ufeff".encode())
    header = csv_file.content.decode("utf-8-sig").splitlines()[0].split(";")
    assert header[:4] == ["slug", "external_id", "name", "kind"]
    sheet = load_workbook(io.BytesIO(xlsx_file.content)).active
    assert [cell.value for cell in sheet[1]] == header
    (tmp_path / "vorlage.csv").write_bytes(csv_file.content)
    preview = upload(client, content=csv_file.content.decode("utf-8-sig"))
    assert "1 neu, 0 geändert, 0 unverändert, 0 mit Fehlern" in preview.content.decode()


@pytest.mark.parametrize("who", ["editor", "other_admin_user", "outsider"])
def test_it_keeps_everyone_else_out(client, db, who):
    user = UserFactory(username=who)
    if who == "editor":
        MembershipFactory(user=user, actor=ActorFactory())
    if who == "other_admin_user":
        user.groups.add(admin_group("Moderation"))
    client.force_login(user)

    responses = [
        client.get(URL),
        upload(client),
        client.post(CONFIRM_URL, {"token": "0" * 32, "name": "liste.csv"}),
        client.get(URL + "vorlage.csv"),
    ]

    assert all(response.status_code in {302, 403} for response in responses)
    assert Actor.objects.count() == (1 if who == "editor" else 0)
    if who == "other_admin_user":
        assert URL not in client.get("/admin/").content.decode()
