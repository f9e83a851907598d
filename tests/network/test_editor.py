"""The profile editor: the toolbar's field without JavaScript, the preview, the hours grid, and a
page whose work does not grow with every offer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import Membership, OpeningHours, ProfileChange
from network.templatetags import profile_form
from tests.factories import (
    ActorFactory,
    LocationFactory,
    MembershipFactory,
    OfferFactory,
    OpeningHoursFactory,
    UserFactory,
)
from tests.html import form_data

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def actor(db):
    actor = ActorFactory(name="Sprachcafé Zeitz", slug="sprachcafe-zeitz")
    OfferFactory(actor=actor, name="Gesprächsrunde", description="Jeden Dienstag.")
    location = LocationFactory(actor=actor, street="Altmarkt 1", town="Zeitz")
    OpeningHoursFactory(location=location, weekday=0)
    return actor


@pytest.fixture
def editor(actor, client):
    user = MembershipFactory(
        actor=actor, role=Membership.Role.EDITOR, user=UserFactory(username="emil")
    ).user
    client.force_login(user)
    return user


def url(actor) -> str:
    return f"/my/actors/{actor.slug}/edit/"


def post(client, actor, **changes):
    data = form_data(client.get(url(actor)))
    data = {name: values for name, values in data.items() if "__prefix__" not in name}
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(url(actor), data)


def proposed(actor):
    return ProfileChange.objects.get(actor=actor).revision.as_object()


def test_it_offers_the_toolbar_over_a_plain_textarea(client, actor, editor):
    page = client.get(url(actor)).content.decode()

    textarea = re.search(r"<textarea[^>]*name=\"description\"[^>]*>", page).group(0)
    assert "data-rich-text" in textarea
    assert 'data-label-bold="Fett"' in textarea
    assert "/static/network/rich-text.js" in page
    assert "Einfaches HTML ist erlaubt" not in page


def test_it_turns_blank_lines_into_paragraphs_without_javascript(client, actor, editor):
    response = post(client, actor, description="Wir treffen uns.\n\nKommen Sie vorbei & üben Sie!")

    assert response.status_code == 302
    assert proposed(actor).description == (
        "<p>Wir treffen uns.</p>\n\n<p>Kommen Sie vorbei &amp; üben Sie!</p>"
    )


def test_it_keeps_the_editors_allowed_html_and_drops_the_rest(client, actor, editor):
    html = (
        '<p><strong>Neu</strong> und <em>offen</em> <a href="https://example.org" '
        'target="_blank">hier</a></p><ul><li><p>Kaffee</p></li></ul>'
        '<script>alert(1)</script><p onclick="x()">Ende</p>'
    )

    post(client, actor, description=html)

    description = proposed(actor).description
    assert "<strong>Neu</strong>" in description
    assert "<em>offen</em>" in description
    assert '<a href="https://example.org" rel="nofollow noopener">hier</a>' in description
    assert "<ul><li><p>Kaffee</p></li></ul>" in description
    assert "script" not in description
    assert "onclick" not in description


def test_it_leaves_an_untouched_description_as_stored(client, actor, editor):
    actor.description = "Ein Text ohne Absätze."
    actor.save()

    post(client, actor, short_description="Neu: jeden Dienstag.")

    assert proposed(actor).description == "Ein Text ohne Absätze."


def test_it_previews_the_profile_without_storing_anything(client, actor, editor):
    response = post(client, actor, preview="1", short_description="Deutsch üben mit Kuchen.")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Vorschau: so sieht Ihr Profil öffentlich aus" in page
    preview = page[
        page.index('id="preview"') : page.index("</section>", page.index('id="preview"'))
    ]
    assert "Deutsch üben mit Kuchen." in preview
    assert "Gesprächsrunde" in preview
    assert "Montag" in preview  # the week of the location
    assert not ProfileChange.objects.exists()
    assert "Zur Prüfung einreichen" in page


def test_it_submits_after_the_preview(client, actor, editor):
    post(client, actor, preview="1", short_description="Deutsch üben mit Kuchen.")

    response = post(client, actor, short_description="Deutsch üben mit Kuchen.")

    assert response.status_code == 302
    assert proposed(actor).short_description == "Deutsch üben mit Kuchen."


def test_it_shows_the_hours_as_a_grid_with_a_row_template(client, actor, editor):
    page = client.get(url(actor)).content.decode()

    assert "data-hours-grid" in page
    assert "<template data-hours-empty>" in page
    assert 'name="locations-0-opening_hours-__prefix__-weekday"' in page
    assert 'data-label-copy-week="Auf alle Werktage übertragen"' in page


def test_it_stores_rows_added_to_the_grid(client, actor, editor):
    data = form_data(client.get(url(actor)))
    data = {name: values for name, values in data.items() if "__prefix__" not in name}
    prefix = "locations-0-opening_hours"
    total = int(data[f"{prefix}-TOTAL_FORMS"][0])
    for offset, weekday in enumerate((1, 2, 3)):  # what "copy to all weekdays" adds
        index = total + offset
        data[f"{prefix}-{index}-weekday"] = [str(weekday)]
        data[f"{prefix}-{index}-opens"] = ["09:00"]
        data[f"{prefix}-{index}-closes"] = ["12:00"]
    data[f"{prefix}-TOTAL_FORMS"] = [str(total + 3)]

    assert client.post(url(actor), data).status_code == 302

    location = proposed(actor).locations.all()[0]
    assert sorted(slot.weekday for slot in location.opening_hours.all()) == [0, 1, 2, 3]
    assert OpeningHours.objects.count() == 1  # the public week is unchanged until review


def test_it_opens_only_the_first_offer(client, actor, editor):
    OfferFactory(actor=actor, name="Hausaufgabenhilfe")

    page = client.get(url(actor)).content.decode()

    offers = re.findall(r'<details class="child offer-form"( open)?>', page)
    assert offers[0] == " open"
    assert all(flag == "" for flag in offers[1:])


def test_it_reads_the_vocabularies_once_however_many_offers(client, actor, editor):
    with CaptureQueriesContext(connection) as one_offer:
        client.get(url(actor))
    for number in range(5):
        OfferFactory(actor=actor, name=f"Angebot {number}")

    with CaptureQueriesContext(connection) as six_offers:
        client.get(url(actor))

    # The offers' own terms cost a query each; the lists of all terms do not multiply.
    assert len(six_offers) - len(one_offer) <= 5 * 3


def test_it_keeps_the_committed_bundle_in_step_with_the_lock_file():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    package = json.loads((ROOT / "package.json").read_text())
    version = lock["packages"]["node_modules/@tiptap/core"]["version"]
    bundle = (ROOT / "network/static/network/rich-text.js").read_text()

    assert package["devDependencies"]["@tiptap/core"] == version
    assert bundle.startswith(f"/* rich-text editor: @tiptap/core {version},")
    assert package["scripts"]["build:editor"] == "node network/editor/build.mjs"


class Sample(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"data-x": True, "hidden": False}))
    kind = forms.ChoiceField(choices=[("", "---------"), ("a&b", "A <&> B"), ("7", 7)])
    maybe = forms.NullBooleanField()


@pytest.mark.parametrize(
    "data",
    [None, {}, {"note": "", "text": '<p>"Hallo" & tschüss</p>\n', "kind": "a&b", "maybe": "true"}],
)
@pytest.mark.parametrize("name", list(Sample.base_fields))
def test_it_writes_textareas_and_selects_as_djangos_templates_do(name, data):
    form = Sample(data)
    form.is_valid()  # errors, where there are any, are part of the markup

    assert str(profile_form._widget(form[name])) == form[name].as_widget()


def test_it_writes_a_formsets_head_with_its_errors_as_django_does():
    Formset = forms.formset_factory(Sample, can_order=True, max_num=1, validate_max=True)
    data = {"f-TOTAL_FORMS": "2", "f-INITIAL_FORMS": "0", "f-MIN_NUM_FORMS": "0"}
    data |= {"f-MAX_NUM_FORMS": "1", "f-0-text": "x", "f-0-kind": "7", "f-0-ORDER": "2"}
    for formset in (Formset(prefix="f"), Formset(data, prefix="f")):
        formset.is_valid()
        head = str(profile_form.formset_head(formset))

        expected = str(formset.management_form).strip() + str(formset.non_form_errors())
        assert head.replace("\n", "") == expected.replace("\n", "")
        child = formset.forms[0]
        assert profile_form.hidden_fields(child) == child["ORDER"].as_hidden()
