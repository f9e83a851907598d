"""Staff see per language which Wagtail pages are missing (still an alias of the German page)
or outdated (translated before the German page was last published), beside the content kinds;
machine drafts nobody reviewed have a column of their own, neither missing nor done."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page

from network.models import Actor
from network.translations import State, page_translation_report, translation_report
from portal.localisation import synchronise_page_tree
from portal.models import ContentPage, ContentTranslation, HomePage
from portal.translations import digest
from tests.factories import ActorFactory, AgencyUnitFactory, UserFactory
from tests.html import links, select

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefanie")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


@pytest.fixture
def german_page() -> ContentPage:
    home = HomePage.objects.get(depth=2, locale__language_code="de")
    page = ContentPage(title="Beratungszeiten im Sommer", slug="beratungszeiten-sommer")
    home.add_child(instance=page)
    page.save_revision().publish()
    synchronise_page_tree()
    return page


def translate(page: ContentPage, language: str, title: str) -> ContentPage:
    alias = Page.objects.get(
        translation_key=page.translation_key, locale__language_code=language
    ).specific
    ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
    translated = ContentPage.objects.get(pk=alias.pk)
    translated.title = title
    translated.save_revision().publish()
    return translated


def counts(language: str) -> dict[State, int]:
    return page_translation_report().counts[language]


def test_it_counts_an_alias_as_missing(german_page):
    every_page = Page.objects.filter(depth__gt=1, live=True, locale__language_code="de").count()

    for language in ("en", "ar", "uk", "ru", "fa", "tr"):
        assert counts(language) == {
            State.MISSING: every_page,
            State.MACHINE: 0,
            State.OUTDATED: 0,
            State.CURRENT: 0,
        }


def test_it_counts_a_translation_current_until_the_german_page_is_published_again(german_page):
    missing_before = counts("en")[State.MISSING]
    translate(german_page, "en", "Opening hours in summer")

    assert counts("en")[State.CURRENT] == 1
    assert counts("en")[State.MISSING] == missing_before - 1
    assert counts("uk")[State.MISSING] == missing_before

    german_page.title = "Beratungszeiten im Sommer 2026"
    german_page.save_revision().publish()

    report = page_translation_report()
    assert report.counts["en"][State.OUTDATED] == 1
    assert report.counts["en"][State.CURRENT] == 0
    assert [(status.label, status.language) for status in report.outdated] == [
        ("Beratungszeiten im Sommer 2026", "en")
    ]


def test_it_shows_staff_the_pages_with_a_way_to_the_outdated_copy(client, staff, german_page):
    english = translate(german_page, "en", "Opening hours in summer")
    german_page.save_revision().publish()
    client.force_login(staff)

    response = client.get("/admin/translations/")

    assert response.status_code == 200
    assert "Seiten" in [table.caption.get_text(strip=True) for table in select(response, "table")]
    assert f"/admin/pages/{english.pk}/edit/" in links(response)


def translate_actor(actor: Actor, language: str, text: str, *, machine: bool) -> None:
    ContentTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(actor),
        object_id=actor.pk,
        language=language,
        field="short_description",
        text=text,
        source_digest=digest(actor.short_description),
        machine_translated=machine,
    )


def actor_counts(language: str) -> dict[State, int]:
    (line,) = [line for line in translation_report() if line.model_name == "actor"]
    return line.counts[language]


def test_it_counts_an_unreviewed_machine_draft_in_its_own_column(db):
    actor = ActorFactory(short_description="Beratung für Familien.")
    translate_actor(actor, "en", "Advice for families.", machine=True)
    translate_actor(actor, "uk", "Консультації для родин.", machine=False)

    assert actor_counts("en") == {
        State.MISSING: 0,
        State.MACHINE: 1,
        State.OUTDATED: 0,
        State.CURRENT: 0,
    }
    assert actor_counts("uk")[State.CURRENT] == 1
    assert actor_counts("ar")[State.MISSING] == 1


def test_it_shows_staff_the_machine_drafts_beside_missing_and_done(client, staff):
    actor = ActorFactory(short_description="Beratung für Familien.")
    translate_actor(actor, "en", "Advice for families.", machine=True)
    client.force_login(staff)

    response = client.get("/admin/translations/")

    assert response.status_code == 200
    (table,) = [
        table
        for table in select(response, "table")
        if table.caption.get_text(strip=True) == "Akteure"
    ]
    headers = [cell.get_text(strip=True) for cell in table.select("thead th")]
    assert headers == ["Sprache", "fehlt", "maschinell, ungeprüft", "veraltet", "aktuell"]
    rows = {
        row.th["lang"]: [cell.get_text(strip=True) for cell in row.select("td")]
        for row in table.select("tbody tr")
    }
    assert rows["en"] == ["0", "1", "0", "0"]
    assert rows["ar"] == ["1", "0", "0", "0"]
