"""Event images go through the upload pipeline and stay private until the event is public;
a replaced image is deleted once its successor is published."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import Event
from network.models import ProfileChange
from tests.events.helpers import errors_beside, submit
from tests.events.test_member_pages import NEW_EVENT


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def new_event(terms):
    return {**NEW_EVENT, "municipality": str(terms.place_a.pk), "topics": [str(terms.topic_a.pk)]}


def photo(name: str = "treffen.jpg") -> SimpleUploadedFile:
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 12.0, 0.0), 3: "E", 4: (11.0, 58.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(buffer, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def polyglot() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    data = buffer.getvalue() + b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    return SimpleUploadedFile("flyer.pdf", data, content_type="application/pdf")


def review(client, staff, django_capture_on_commit_callbacks) -> None:
    change = ProfileChange.objects.get(status=ProfileChange.Status.PENDING)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/my/review/{change.pk}/approve/")


def pending_name(event: Event) -> str:
    change = ProfileChange.objects.get(
        revision__object_id=str(event.pk), status=ProfileChange.Status.PENDING
    )
    return change.revision.as_object().image.name


def test_it_keeps_a_pending_image_out_of_reach_until_the_event_is_approved(
    client, actor, editor, staff, new_event, folders, django_capture_on_commit_callbacks
):
    media, private = folders
    client.force_login(editor)

    submit(client, actor, **new_event, image=photo())

    event = actor.events.get()
    name = pending_name(event)
    assert name.startswith("events/") and name.endswith(".jpg") and "treffen" not in name
    assert not (media / name).exists()
    assert (private / name).exists()
    assert client.get(f"/media/{name}").status_code == 404
    review(client, staff, django_capture_on_commit_callbacks)
    assert not (private / name).exists()
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    served = b"".join(response.streaming_content)
    with Image.open(io.BytesIO(served)) as image:
        assert image.format == "JPEG" and not image.getexif()


def test_it_serves_a_polyglot_as_a_plain_png_of_a_trusted_actor(
    client, actor, editor, new_event, django_capture_on_commit_callbacks
):
    actor.is_trusted = True
    actor.save()
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, actor, **new_event, image=polyglot())

    event = actor.events.get()
    assert event.live and event.image.name.endswith(".png")
    response = client.get(event.image.url)
    assert response["Content-Type"] == "image/png"
    assert b"%PDF" not in b"".join(response.streaming_content)


def test_it_refuses_an_image_of_too_many_pixels_beside_the_field(client, actor, editor, new_event):
    buffer = io.BytesIO()
    Image.new("1", (13_000, 13_000)).save(buffer, format="PNG")
    client.force_login(editor)

    response = submit(
        client, actor, **new_event, image=SimpleUploadedFile("gross.png", buffer.getvalue())
    )

    assert response.status_code == 400
    assert errors_beside(response, "id_image") == [
        "Das Bild darf höchstens 4000 × 4000 Pixel groß sein."
    ]
    assert not Event.objects.exists()


def test_it_deletes_the_replaced_image_once_the_new_one_is_published(
    client, actor, editor, staff, new_event, folders, django_capture_on_commit_callbacks
):
    media, private = folders
    client.force_login(editor)
    submit(client, actor, **new_event, image=photo())
    review(client, staff, django_capture_on_commit_callbacks)
    event = actor.events.get()
    first = event.image.name
    client.force_login(editor)

    submit(client, actor, event, image=photo("neu.jpg"))
    second = pending_name(event)

    assert (media / first).exists() and (private / second).exists()
    review(client, staff, django_capture_on_commit_callbacks)
    event.refresh_from_db()
    assert event.image.name == second
    assert (media / second).exists()
    assert not (media / first).exists() and not (private / first).exists()
