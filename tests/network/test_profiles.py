"""Members edit profiles through a review: the public sees the approved version until then."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from network.models import Actor, AuditEntry, Location, Membership, Offer, ProfileChange
from network.profiles import approve_change
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    OfferFactory,
    UserFactory,
)
from tests.html import errors_beside, form_data


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def actor(db):
    actor = ActorFactory(
        name="Sprachcafé Zeitz",
        slug="sprachcafe-zeitz",
        short_description="Deutsch üben bei Kaffee und Kuchen.",
    )
    OfferFactory(actor=actor, name="Gesprächsrunde", description="Jeden Dienstag.")
    LocationFactory(actor=actor, street="Altmarkt 1", town="Zeitz")
    return actor


@pytest.fixture
def other_actor(db):
    return ActorFactory(name="Frauentreff Naumburg", slug="frauentreff-naumburg")


@pytest.fixture
def editor(actor):
    return MembershipFactory(
        actor=actor, role=Membership.Role.EDITOR, user=UserFactory(username="emil")
    ).user


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefan")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


def edit_url(actor) -> str:
    return f"/my/actors/{actor.slug}/edit/"


def edit(client, actor, **changes):
    data = form_data(client.get(edit_url(actor)))
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(edit_url(actor), data)


def field_with_value(data: dict[str, list[str]], prefix: str, value: str) -> str:
    """The name of the formset field under `prefix` that currently holds `value`."""
    return next(
        name for name, values in data.items() if name.startswith(prefix) and value in values
    )


def png(size=(32, 32), name="logo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 90, 122)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_it_keeps_the_published_profile_until_the_change_is_approved(client, actor, editor, staff):
    client.force_login(editor)

    response = edit(client, actor, name="Sprachcafé Zeitz e. V.")

    assert response.status_code == 302
    assert response.url == f"/my/actors/{actor.slug}/"
    actor.refresh_from_db()
    assert actor.name == "Sprachcafé Zeitz"
    assert actor.has_unpublished_changes
    change = ProfileChange.objects.get(actor=actor)
    assert change.status == ProfileChange.Status.PENDING
    assert change.submitted_by == editor
    assert change.revision.as_object().name == "Sprachcafé Zeitz e. V."
    public = client.get(actor.get_absolute_url()).content.decode()
    assert "<h1>Sprachcafé Zeitz</h1>" in public

    approve_change(change=change, acting_user=staff)

    public = client.get(actor.get_absolute_url()).content.decode()
    assert "<h1>Sprachcafé Zeitz e. V.</h1>" in public
    assert AuditEntry.objects.filter(action="profile.submitted", actor=actor, user=editor).exists()


def test_it_sends_offer_and_location_edits_through_the_same_review(client, actor, editor, staff):
    municipality = MunicipalityFactory(name="Elsteraue", slug="elsteraue")
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))
    data[field_with_value(data, "offers-0-", "Gesprächsrunde")] = ["Gesprächsrunde am Abend"]
    new = f"locations-{int(data['locations-TOTAL_FORMS'][0]) - 1}"
    data.update(
        {
            f"{new}-street": ["Bahnhofstraße 5"],
            f"{new}-postcode": ["06729"],
            f"{new}-town": ["Elsteraue"],
            f"{new}-municipality": [str(municipality.pk)],
            f"{new}-opening_hours-0-weekday": ["2"],
            f"{new}-opening_hours-0-opens": ["14:00"],
            f"{new}-opening_hours-0-closes": ["17:00"],
        }
    )
    offers_before = list(Offer.objects.filter(actor=actor).values_list("name", flat=True))
    locations_before = Location.objects.filter(actor=actor).count()

    response = client.post(edit_url(actor), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(Offer.objects.filter(actor=actor).values_list("name", flat=True)) == offers_before
    assert Location.objects.filter(actor=actor).count() == locations_before
    public = client.get(actor.get_absolute_url()).content.decode()
    assert "Bahnhofstraße 5" not in public
    assert "Gesprächsrunde am Abend" not in public

    approve_change(change=ProfileChange.objects.get(actor=actor), acting_user=staff)

    public = client.get(actor.get_absolute_url()).content.decode()
    assert "Gesprächsrunde am Abend" in public
    assert "Bahnhofstraße 5" in public
    added = Location.objects.get(actor=actor, street="Bahnhofstraße 5")
    assert [str(slot) for slot in added.opening_hours.all()] == ["Mittwoch 14:00–17:00"]


def test_it_removes_an_offer_only_once_approved(client, actor, editor, staff):
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))
    data["offers-0-DELETE"] = ["on"]

    client.post(edit_url(actor), data)

    assert Offer.objects.filter(actor=actor).exists()
    approve_change(change=ProfileChange.objects.get(actor=actor), acting_user=staff)
    assert not Offer.objects.filter(actor=actor).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_answers_404_for_another_actors_profile(client, editor, other_actor, method):
    client.force_login(editor)

    response = getattr(client, method)(edit_url(other_actor), {"name": "Übernommen"})

    assert response.status_code == 404
    assert not ProfileChange.objects.filter(actor=other_actor).exists()
    other_actor.refresh_from_db()
    assert other_actor.name == "Frauentreff Naumburg"


def test_it_sends_visitors_to_sign_in_before_editing(client, actor):
    response = client.get(edit_url(actor))

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_it_builds_on_the_pending_version_and_supersedes_it(client, actor, editor):
    client.force_login(editor)
    edit(client, actor, short_description="Erste Fassung.")
    first = ProfileChange.objects.get(actor=actor)

    data = form_data(client.get(edit_url(actor)))
    assert data["short_description"] == ["Erste Fassung."]
    data["name"] = ["Sprachcafé im Mehrgenerationenhaus"]
    client.post(edit_url(actor), data)

    first.refresh_from_db()
    assert first.status == ProfileChange.Status.SUPERSEDED
    latest = ProfileChange.objects.filter(actor=actor).order_by("-pk").first()
    assert latest.status == ProfileChange.Status.PENDING
    proposed = latest.revision.as_object()
    assert (proposed.name, proposed.short_description) == (
        "Sprachcafé im Mehrgenerationenhaus",
        "Erste Fassung.",
    )
    audit = AuditEntry.objects.filter(action="profile.submitted", object_id=str(latest.pk)).get()
    assert audit.data["superseded"] == [str(first.pk)]


def test_it_keeps_an_offer_added_in_the_pending_version_once(client, actor, editor, staff):
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))
    new = f"offers-{int(data['offers-TOTAL_FORMS'][0]) - 1}"
    client.post(edit_url(actor), {**data, f"{new}-name": "Hausaufgabenhilfe"})

    data = form_data(client.get(edit_url(actor)))
    assert data["offers-INITIAL_FORMS"] == ["2"]
    client.post(edit_url(actor), {**data, "short_description": "Zweite Fassung."})
    approve_change(
        change=ProfileChange.objects.get(status=ProfileChange.Status.PENDING), acting_user=staff
    )

    assert sorted(Offer.objects.filter(actor=actor).values_list("name", flat=True)) == [
        "Gesprächsrunde",
        "Hausaufgabenhilfe",
    ]


def test_it_shows_errors_beside_the_fields_and_saves_nothing(client, actor, editor):
    client.force_login(editor)

    response = edit(client, actor, name="", website="kein Link")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_name_error"' in page
    assert 'aria-invalid="true"' in page
    assert 'id="id_website_error"' in page
    assert not ProfileChange.objects.exists()


def test_it_refuses_opening_hours_that_end_before_they_begin(client, actor, editor):
    client.force_login(editor)

    response = edit(
        client,
        actor,
        **{
            "locations-0-opening_hours-0-weekday": "0",
            "locations-0-opening_hours-0-opens": "18:00",
            "locations-0-opening_hours-0-closes": "09:00",
        },
    )

    assert response.status_code == 200
    assert 'href="#section-locations"' in response.content.decode()
    assert not ProfileChange.objects.exists()


def test_it_keeps_members_from_posing_as_an_agency_unit(client, actor, editor):
    client.force_login(editor)

    response = edit(client, actor, kind="agency_unit")

    assert response.status_code == 200
    assert 'id="id_kind_error"' in response.content.decode()
    assert not ProfileChange.objects.exists()


def test_it_sanitises_the_description(client, actor, editor, staff):
    client.force_login(editor)
    description = (
        '<p onclick="steal()">Willkommen!<script>alert(1)</script></p>'
        '<img src="x" onerror="alert(2)">'
        '<p><a href="javascript:alert(3)">klick</a> <a href="https://example.org/">Infos</a></p>'
    )

    edit(client, actor, description=description)

    proposed = ProfileChange.objects.get(actor=actor).revision.as_object().description
    for dangerous in ("<script", "alert(", "onerror", "onclick", "javascript:", "<img"):
        assert dangerous not in proposed
    assert '<a href="https://example.org/" rel="nofollow noopener">Infos</a>' in proposed
    approve_change(change=ProfileChange.objects.get(actor=actor), acting_user=staff)
    public = client.get(actor.get_absolute_url()).content.decode()
    assert "alert(" not in public
    assert 'rel="nofollow noopener"' in public


def test_it_accepts_a_png_logo_and_publishes_it_with_the_change(
    client, actor, editor, staff, settings, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))

    response = client.post(edit_url(actor), {**data, "logo": png(name="unser logo.PNG")})

    assert response.status_code == 302
    actor.refresh_from_db()
    assert not actor.logo
    logo = ProfileChange.objects.get(actor=actor).revision.as_object().logo
    assert logo.name.startswith("logos/") and "unser" not in logo.name
    assert logo.name.endswith(".png")
    assert client.get(logo.url).status_code == 404
    with Image.open(settings.PRIVATE_MEDIA_ROOT / logo.name) as stored:
        assert stored.format == "PNG"
    with django_capture_on_commit_callbacks(execute=True):
        approve_change(change=ProfileChange.objects.get(actor=actor), acting_user=staff)
    actor.refresh_from_db()
    assert actor.logo.name == logo.name
    assert client.get(logo.url).status_code == 200


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "logo.svg",
                b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
                content_type="image/svg+xml",
            ),
            "SVG-Dateien werden aus Sicherheitsgründen nicht angenommen.",
        ),
        (
            SimpleUploadedFile("logo.png", b"<html>no image at all</html>", "image/png"),
            "Diese Datei ist kein solches Bild.",
        ),
        (
            SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024), "image/png"),
            "Das Logo darf höchstens 2 MB groß sein.",
        ),
        (png(size=(4001, 1)), "höchstens 4000 × 4000 Pixel"),
    ],
    ids=["svg", "fake-png", "too-large", "too-many-pixels"],
)
def test_it_refuses_unsafe_or_oversized_logos_beside_the_field(
    client, actor, editor, upload, message
):
    client.force_login(editor)
    data = form_data(client.get(edit_url(actor)))

    response = client.post(edit_url(actor), {**data, "logo": upload})

    assert response.status_code == 200
    assert any(message in error for error in errors_beside(response, "id_logo"))
    assert not ProfileChange.objects.exists()


def test_it_keeps_a_new_actor_private_until_approved(client, outsider, staff):
    client.force_login(outsider)
    municipality = MunicipalityFactory(name="Teuchern", slug="teuchern")
    data = form_data(client.get("/my/actors/new/"))
    data.update(
        {
            "name": ["Nähstube Teuchern"],
            "kind": ["volunteer_initiative"],
            "short_description": ["Gemeinsam nähen und reden."],
            "offers-0-name": ["Offene Nähstube"],
            "locations-0-street": ["Markt 2"],
            "locations-0-postcode": ["06682"],
            "locations-0-town": ["Teuchern"],
            "locations-0-municipality": [str(municipality.pk)],
        }
    )

    response = client.post("/my/actors/new/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    actor = Actor.objects.get(name="Nähstube Teuchern")
    assert response.url == f"/my/actors/{actor.slug}/"
    assert actor.slug == "naehstube-teuchern"
    assert not actor.live
    assert [offer.name for offer in actor.offers.all()] == ["Offene Nähstube"]
    assert Membership.objects.get(actor=actor, user=outsider).role == Membership.Role.OWNER
    change = ProfileChange.objects.get(actor=actor)
    assert change.is_new_actor
    assert client.get(actor.get_absolute_url()).status_code == 404
    assert "Nähstube Teuchern" not in client.get("/directory/").content.decode()
    assert set(AuditEntry.objects.filter(actor=actor).values_list("action", flat=True)) == {
        "actor.created",
        "membership.created",
        "profile.submitted",
    }

    approve_change(change=change, acting_user=staff)

    assert client.get(actor.get_absolute_url()).status_code == 200
    assert "Nähstube Teuchern" in client.get("/directory/").content.decode()
