"""Content in several languages: lookup and fallback, outdated translations, listings in a fixed
number of queries, the editors' pages, review for untrusted actors, sanitising, the staff report."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from network.models import Actor, Membership, ProfileChange
from network.translations import field_key
from portal.models import ContentTranslation
from portal.translations import digest, prefetch_translations, translated
from tests.events.factories import EventFactory
from tests.factories import (
    ActorFactory,
    AgencyUnitFactory,
    MembershipFactory,
    NeedFactory,
    OfferFactory,
    TopicFactory,
    UserFactory,
)


def content_rows():
    """Translation rows of the actors' content: the municipalities' names, base data that the
    migrations load (network.vocabularies), are left out."""
    return ContentTranslation.objects.exclude(content_type__model="municipality")


def translate(obj, field: str, text: str, language: str = "en") -> ContentTranslation:
    return ContentTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        field=field,
        text=text,
        source_digest=digest(str(getattr(obj, field))),
    )


@pytest.fixture
def actor(db) -> Actor:
    actor = ActorFactory(
        name="Sprachcafé Testdorf",
        slug="sprachcafe-testdorf",
        short_description="Deutsch üben bei Kaffee und Kuchen.",
        description="<p>Jeden Dienstag treffen wir uns.</p>",
    )
    OfferFactory(actor=actor, name="Gesprächsrunde", description="Wir sprechen Deutsch.")
    return actor


@pytest.fixture
def editor(actor):
    return MembershipFactory(
        actor=actor, role=Membership.Role.EDITOR, user=UserFactory(username="erika")
    ).user


def access_admin(user) -> None:
    """Admin access without being agency staff (a group given by mistake, say)."""
    group, _created = Group.objects.get_or_create(name="Admin-Zugang")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)


@pytest.fixture
def staff(db):
    user = UserFactory(username="stefanie")
    AgencyUnitFactory(name="Eingangszone", slug="eingangszone", is_intake=True).staff.add(user)
    return user


def test_it_returns_the_translation_in_the_active_language(actor):
    translate(actor, "short_description", "Practise German over coffee and cake.")

    with translation.override("en"):
        text = translated(Actor.objects.get(pk=actor.pk), "short_description")

    assert text == "Practise German over coffee and cake."
    assert (text.lang, text.is_fallback, text.is_outdated) == ("en", False, False)


def test_it_falls_back_to_german_where_no_translation_exists(actor):
    with translation.override("uk"):
        text = translated(actor, "short_description")

    assert text == "Deutsch üben bei Kaffee und Kuchen."
    assert (text.lang, text.is_fallback) == ("de", True)


def test_it_marks_a_translation_outdated_after_the_german_text_changed(actor):
    translate(actor, "short_description", "Practise German over coffee and cake.")
    actor.short_description = "Deutsch üben bei Tee und Kuchen."
    actor.save()

    with translation.override("en"):
        text = translated(Actor.objects.get(pk=actor.pk), "short_description")

    assert text == "Practise German over coffee and cake."
    assert text.is_outdated


def test_it_shows_the_translation_on_the_english_profile(client, actor):
    translate(actor, "description", "<p>We meet every Tuesday.</p>")

    content = client.get("/en/directory/sprachcafe-testdorf/").content.decode()

    assert "<p>We meet every Tuesday.</p>" in content
    assert "Jeden Dienstag" not in content


def test_it_marks_german_fallback_with_its_language_and_a_note(client, actor):
    content = client.get("/en/directory/sprachcafe-testdorf/").content.decode()

    assert '<p class="translation-note">' in content
    assert '<div lang="de" dir="ltr"><p>Jeden Dienstag treffen wir uns.</p></div>' not in content
    assert '<div lang="de"><p>Jeden Dienstag treffen wir uns.</p></div>' in content


def test_it_sets_the_direction_of_german_text_on_a_right_to_left_page(client, actor):
    content = client.get("/ar/directory/sprachcafe-testdorf/").content.decode()

    assert '<div lang="de" dir="ltr"><p>Jeden Dienstag treffen wir uns.</p></div>' in content


def test_it_shows_no_note_on_german_pages(client, actor):
    content = client.get("/directory/sprachcafe-testdorf/").content.decode()

    assert "translation-note" not in content
    assert '<section class="prose" aria-label="Beschreibung"><p>Jeden Dienstag' in content


def test_it_translates_vocabulary_names_in_the_directory_filters(client, actor):
    topic = TopicFactory(name="Testsprachkurse", slug="testsprachkurse")
    actor.topics.add(topic)
    translate(topic, "name", "Test language courses")

    content = client.get("/en/directory/", {"topic": "testsprachkurse"}).content.decode()

    assert "Test language courses" in content
    assert "Testsprachkurse" not in content


def test_it_prefetches_many_objects_translations_in_one_query(db):
    actors = [ActorFactory() for _ in range(6)]
    for actor in actors[:3]:
        translate(actor, "short_description", f"English {actor.pk}")
    fresh = list(Actor.objects.filter(pk__in=[actor.pk for actor in actors]))

    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        prefetch_translations(fresh)
        texts = [translated(actor, "short_description") for actor in fresh]

    assert len(queries) == 1
    assert sum(not text.is_fallback for text in texts) == 3


def _count(client, url: str) -> int:
    client.get(url)  # warm caches (site, settings)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_it_lists_translated_actors_needs_and_events_in_a_fixed_number_of_queries(client, db):
    def make(count: int) -> None:
        for _ in range(count):
            actor = ActorFactory()
            translate(actor, "short_description", "An association.")
            need = NeedFactory(actor=actor)
            translate(need, "title", "A need")
            event = EventFactory(actor=actor)
            translate(event, "title", "An event")

    make(3)
    few = [_count(client, url) for url in ("/en/directory/", "/en/needs/", "/en/events/")]
    make(9)
    many = [_count(client, url) for url in ("/en/directory/", "/en/needs/", "/en/events/")]

    assert many == few


@pytest.mark.parametrize(
    "path",
    [
        "/my/actors/sprachcafe-testdorf/translations/",
        "/my/actors/sprachcafe-testdorf/translations/en/",
    ],
)
def test_it_hides_the_translation_pages_from_outsiders(client, actor, outsider, path):
    client.force_login(outsider)

    assert client.get(path).status_code == 404
    assert client.post(path, {}).status_code in (
        404,
        405,
    )


def test_it_hides_another_actors_need_from_an_editor(client, actor, editor):
    foreign = NeedFactory()
    client.force_login(editor)

    url = f"/my/actors/sprachcafe-testdorf/translations/need/{foreign.pk}/en/"

    assert client.get(url).status_code == 404
    assert client.get("/my/actors/sprachcafe-testdorf/translations/xx/").status_code == 404


def test_it_shows_editors_what_is_missing_and_outdated(client, actor, editor):
    translate(actor, "short_description", "Practise German.")
    actor.short_description = "Deutsch üben bei Tee."
    actor.save()
    client.force_login(editor)

    content = client.get("/my/actors/sprachcafe-testdorf/translations/").content.decode()
    form = client.get("/my/actors/sprachcafe-testdorf/translations/en/").content.decode()

    assert "<strong>1</strong>" in content  # one outdated text in English
    assert 'lang="de" dir="ltr"' in form
    assert "Practise German." in form
    assert "veraltet" in form


def test_it_keeps_untrusted_actors_translations_for_review(client, actor, editor, staff):
    client.force_login(editor)
    response = client.post(
        "/my/actors/sprachcafe-testdorf/translations/en/",
        {field_key(actor, "description"): "<p>We meet every Tuesday.</p>"},
    )

    assert response.status_code == 302
    assert not content_rows().exists()
    change = ProfileChange.objects.get(status=ProfileChange.Status.PENDING)
    public = client.get("/en/directory/sprachcafe-testdorf/").content.decode()
    assert "We meet every Tuesday." not in public

    client.force_login(staff)
    review = client.get(f"/my/review/{change.pk}/").content.decode()
    assert "We meet every Tuesday." in review
    assert client.post(f"/my/review/{change.pk}/approve/").status_code == 302

    public = client.get("/en/directory/sprachcafe-testdorf/").content.decode()
    assert "<p>We meet every Tuesday.</p>" in public


def test_it_publishes_trusted_actors_translations_at_once(client, actor, editor):
    Actor.objects.filter(pk=actor.pk).update(is_trusted=True)
    offer = actor.offers.get()
    client.force_login(editor)

    client.post(
        "/my/actors/sprachcafe-testdorf/translations/uk/",
        {field_key(offer, "name"): "Розмовний клуб"},
    )

    assert not ProfileChange.objects.exists()
    assert "Розмовний клуб" in client.get("/uk/directory/sprachcafe-testdorf/").content.decode()


def test_it_sanitises_translated_rich_text(client, actor, editor):
    Actor.objects.filter(pk=actor.pk).update(is_trusted=True)
    client.force_login(editor)

    client.post(
        "/my/actors/sprachcafe-testdorf/translations/en/",
        {
            field_key(actor, "description"): (
                '<p onclick="steal()">Hello<script>alert(1)</script></p>'
            )
        },
    )

    stored = ContentTranslation.objects.get(field="description").text
    assert stored == "<p>Hello</p>"


def test_it_translates_a_need_through_its_actor(client, actor, editor):
    Actor.objects.filter(pk=actor.pk).update(is_trusted=True)
    need = NeedFactory(actor=actor, title="Lernpaten gesucht")
    client.force_login(editor)

    response = client.post(
        f"/my/actors/sprachcafe-testdorf/translations/need/{need.pk}/ar/",
        {field_key(need, "title"): "مطلوب مرشدون للتعلم"},
    )

    assert response.status_code == 302
    content = client.get(f"/ar/needs/{need.pk}/").content.decode()
    assert "مطلوب مرشدون للتعلم" in content


def test_it_reports_missing_and_outdated_translations_to_staff(client, actor, staff):
    translate(actor, "short_description", "Practise German.")
    actor.short_description = "Deutsch üben bei Tee."
    actor.save()
    client.force_login(staff)

    response = client.get("/admin/translations/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Veraltete Übersetzungen" in content
    assert "Sprachcafé Testdorf" in content


def test_it_lets_staff_translate_topics(client, actor, staff):
    topic = TopicFactory(name="Testsprachkurse", slug="testsprachkurse")
    client.force_login(staff)

    response = client.post(
        "/admin/translations/topic/fa/", {field_key(topic, "name"): "دوره‌های زبان آزمایشی"}
    )

    assert response.status_code == 302
    with translation.override("fa"):
        assert translated(topic, "name") == "دوره‌های زبان آزمایشی"


def test_it_hides_the_staff_report_from_editors(client, editor):
    access_admin(editor)
    client.force_login(editor)

    assert client.get("/admin/translations/").status_code == 404
    assert client.get("/admin/translations/topic/en/").status_code == 404


def test_it_loads_demo_translations_with_one_outdated(db):
    from demo.translations import load_demo_translations
    from network.models import Topic

    counselling = ActorFactory(
        name="Beratungsstelle für Migration und Flucht Weißenfels",
        short_description="Beratung zu Aufenthalt, Asylverfahren und Alltagsfragen.",
    )

    assert load_demo_translations() > 0
    with translation.override("ar"):
        assert translated(Topic.objects.get(slug="deutschkurs"), "name") == "دورة لغة ألمانية"
    with translation.override("en"):
        assert translated(counselling, "short_description").is_outdated
