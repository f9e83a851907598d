"""Uploaded import files hold personal data: private storage that no URL serves, deleted after
the import or, for an abandoned preview, after 24 hours."""

from __future__ import annotations

import io
import os
import re
import time

import pytest
from django.core.management import call_command

from tests.factories import AgencyUnitFactory, UserFactory
from tests.html import one

URL = "/admin/directory/import/"
CSV = "slug;name;kind;short_description;municipality\nneu;Neu;Projekt;Neu hier.;Zeitz\n"


@pytest.fixture
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def staff(db):
    user = UserFactory(username="agentur")
    AgencyUnitFactory(slug="eingangszone", is_intake=True).staff.add(user)
    return user


def preview(client) -> str:
    upload = io.BytesIO(CSV.encode())
    upload.name = "liste.csv"
    response = client.post(URL, {"file": upload})
    assert response.status_code == 200
    token = one(response, 'input[name="token"]')["value"]
    assert re.fullmatch(r"[0-9a-f]{32}", token), token
    return token


def files(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_it_keeps_a_previewed_file_in_private_storage_no_url_serves(client, staff, folders):
    media, private = folders
    client.force_login(staff)

    token = preview(client)

    assert files(media) == []
    [kept] = files(private)
    assert kept.name == f"{token}.csv"
    assert kept.read_text() == CSV
    assert client.get(f"/media/imports/{staff.pk}/{token}.csv").status_code == 404


def test_it_deletes_abandoned_previews_after_a_day_and_keeps_fresh_ones(client, staff, folders):
    media, private = folders
    client.force_login(staff)
    preview(client)
    preview(client)
    old, fresh = sorted(files(private))
    day_ago = time.time() - 24 * 60 * 60 - 60
    os.utime(old, (day_ago, day_ago))
    left_public = media / "imports" / "7" / "alt.csv"
    left_public.parent.mkdir(parents=True)
    left_public.write_text(CSV)
    out = io.StringIO()

    call_command("purge_import_uploads", stdout=out)

    assert files(private) == [fresh]
    assert files(media) == []
    assert out.getvalue().strip() == "Deleted 2 abandoned import files."
