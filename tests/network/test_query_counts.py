"""What the network's tags and Wagtail's locales cost a rendered page, in queries."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from network.models import Topic
from portal import pagecache, site_cache
from portal.models import ContentTranslation
from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

LISTED = Template(
    "{% load translation_tags term_tags %}{% with_translations topics as listed %}"
    '{% for topic in listed %}{% translated_inline topic "name" %};{% endfor %}'
)


def _translate(topic: Topic, text: str) -> None:
    ContentTranslation.objects.create(
        content_type=ContentType.objects.get_for_model(Topic),
        object_id=topic.pk,
        language="en",
        field="name",
        text=text,
    )


def test_it_names_listed_terms_in_one_query_whatever_their_number(django_assert_num_queries):
    topics = [TopicFactory(slug=f"thema-{n}", name=f"Thema {n}") for n in range(6)]
    _translate(topics[0], "Topic 0")
    with translation.override("en"), django_assert_num_queries(2):  # the terms, their names
        html = LISTED.render(Context({"topics": Topic.objects.filter(slug__startswith="thema-")}))
    assert html.count(";") == 6
    assert "Topic 0" in html


def test_it_asks_wagtail_for_a_locale_once_per_process_until_the_pages_change(
    settings, django_assert_num_queries
):
    settings.SITE_CACHE = True
    site_cache.forget()
    try:
        with translation.override("de"):
            found = Locale.get_active()
            with django_assert_num_queries(0):
                assert Locale.get_active() == found
                assert Locale.get_default() == found
            pagecache._bump([pagecache.PAGES])
            with django_assert_num_queries(1):
                assert Locale.get_active() == found
    finally:
        site_cache.forget()


def test_it_asks_the_database_each_time_where_the_process_keeps_nothing(
    django_assert_num_queries,
):
    with translation.override("de"), django_assert_num_queries(2):
        Locale.get_active()
        Locale.get_default()
