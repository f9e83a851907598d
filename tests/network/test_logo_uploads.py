"""Logos go through the upload pipeline: no metadata, a random name, private until the profile
is published, deleted once a newer published profile no longer uses them."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from network.models import Membership, ProfileChange
from network.profiles import approve_change
from tests.factories import ActorFactory, AgencyUnitFactory, MembershipFactory, UserFactory
from tests.html import form_data


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def actor(db):
    return ActorFactory(name="Sprachcafé Zeitz", slug="sprachcafe-zeitz")


@pytest.fixture
def editor(actor):
    user = UserFactory(username="emil")
    MembershipFactory(actor=actor, role=Membership.Role.EDITOR, user=user)
    return user


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


def edit_url(actor) -> str:
    return f"/my/actors/{actor.slug}/edit/"


def photo(name: str = "logo.jpg") -> SimpleUploadedFile:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 12.0, 0.0), 3: "E", 4: (11.0, 58.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (48, 48), "navy").save(buffer, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def propose_logo(client, actor, upload) -> str:
    data = form_data(client.get(edit_url(actor)))
    response = client.post(edit_url(actor), {**data, "logo": upload})
    assert response.status_code == 302
    pending = ProfileChange.objects.get(actor=actor, status=ProfileChange.Status.PENDING)
    return pending.revision.as_object().logo.name


def approve(actor, staff, capture) -> None:
    change = ProfileChange.objects.get(actor=actor, status=ProfileChange.Status.PENDING)
    with capture(execute=True):
        approve_change(change=change, acting_user=staff)


def test_it_serves_an_approved_logo_without_its_exif_gps(
    client, actor, editor, staff, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    name = propose_logo(client, actor, photo())
    assert client.get(f"/media/{name}").status_code == 404

    approve(actor, staff, django_capture_on_commit_callbacks)

    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as served:
        assert not served.getexif()


def test_it_deletes_superseded_and_replaced_logos(
    client, actor, editor, staff, media, settings, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    first = propose_logo(client, actor, photo())
    approve(actor, staff, django_capture_on_commit_callbacks)
    superseded = propose_logo(client, actor, photo("zweites.jpg"))
    latest = propose_logo(client, actor, photo("drittes.jpg"))
    assert (settings.PRIVATE_MEDIA_ROOT / superseded).exists()

    approve(actor, staff, django_capture_on_commit_callbacks)

    actor.refresh_from_db()
    assert actor.logo.name == latest
    assert (media / latest).exists()
    for gone in (first, superseded):
        assert not (media / gone).exists()
        assert not (settings.PRIVATE_MEDIA_ROOT / gone).exists()
