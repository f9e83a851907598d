"""How a need reads to the search index: its title first, then what it asks for and where."""

from __future__ import annotations

from django.db.models import QuerySet

from needs.models import Need
from portal.html import html_to_text
from search.addresses import default_language_url
from search.backends import SearchDocument

NEED_KIND = "need"


def indexable_needs() -> QuerySet[Need]:
    return Need.objects.select_related("actor", "municipality").prefetch_related(
        "topics", "languages"
    )


def need_document(need: Need) -> SearchDocument:
    parts: list[str] = [need.skills, need.actor.name, need.get_commitment_display(), need.hours]
    parts += [topic.name for topic in need.topics.all()]
    parts += [f"{language.name} {language.native_name}" for language in need.languages.all()]
    if need.municipality is not None:
        parts.append(need.municipality.name)
        parts += need.municipality.town_list
    if need.is_online:
        parts.append("online")
    parts.append(html_to_text(need.description))
    return SearchDocument(
        kind=NEED_KIND,
        object_id=str(need.pk),
        title=need.title,
        body="\n".join(part for part in parts if part),
        public=need.is_public,
        url=default_language_url(need.get_absolute_url),
        topics=tuple(sorted(topic.slug for topic in need.topics.all())),
        municipalities=(need.municipality.slug,) if need.municipality is not None else (),
        languages=tuple(sorted(language.code for language in need.languages.all())),
        visible_until=need.end_date,
    )
