"""Demo translations: terms, concern categories, the wayfinder's answers, the actors' short and
long descriptions and their offers, events, needs and the crisis situation in all six languages
besides German (`demo.content_texts`, `demo.detail_texts`, `demo.wayfinder_texts`), a few longer
texts in English, Arabic and Ukrainian, and one translation left outdated on purpose, so that the
fallback marker, the editors' status page and the staff report all have something to show.

Texts nobody translated stay German on purpose (the neighbourhood garden in Bad Kösen's profile
and offers): the portal shows them marked as German, as it would for an actor who has not
translated yet."""

from __future__ import annotations

import re

from django.contrib.contenttypes.models import ContentType
from django.db import models

from demo.content_texts import ALL_TEXTS, LANGUAGES, WRITTEN_FIRST_ELSEWHERE
from demo.detail_texts import MORE_LANGUAGES
from portal.models import ContentTranslation
from portal.translations import digest, german_text, translatable_models

# Texts of curated actors, offers and events by (model label, lookup, field): en, ar, uk.
CONTENT = [
    (
        "network.actor",
        {"slug": "sprachcafe-weissenfels"},
        "short_description",
        (
            "Speaking German without exam pressure: an open language café, beginners' courses "
            "and help with letters and forms.",
            "التحدث بالألمانية دون ضغط الامتحانات: مقهى لغة مفتوح، ودورات للمبتدئين، "
            "ومساعدة في الرسائل والاستمارات.",
            "Розмовляти німецькою без тиску іспитів: відкрите мовне кафе, курси для "
            "початківців і допомога з листами та формулярами.",
        ),
    ),
    (
        "network.actor",
        {"slug": "sprachcafe-weissenfels"},
        "description",
        (
            "<p>Since 2015, people learning German have been meeting people from Weißenfels "
            "who enjoy a good conversation. Over tea and cake we practise what everyday life "
            "needs: at the doctor's, when shopping, at a parents' evening at school.</p>"
            "<p>The association is run by around 30 volunteers. New helpers are always "
            "welcome – no previous knowledge needed.</p>"
            "<ul><li>open language café every Wednesday</li>"
            "<li>German courses for beginners</li>"
            "<li>help with filling in forms</li></ul>",
            None,
            None,
        ),
    ),
    (
        "network.offer",
        {"name": "Sprachcafé am Mittwoch"},
        "name",
        ("Wednesday language café", "مقهى اللغة يوم الأربعاء", "Мовне кафе в середу"),
    ),
    (
        "network.offer",
        {"name": "Sprachcafé am Mittwoch"},
        "description",
        (
            "An open meeting for speaking German in small groups, sorted by level. Children "
            "are welcome, there is a play corner.",
            "لقاء مفتوح للتحدث بالألمانية في مجموعات صغيرة حسب المستوى. يمكن إحضار الأطفال، "
            "وهناك ركن للعب.",
            "Відкрита зустріч для розмов німецькою в невеликих групах за рівнем. Можна "
            "приходити з дітьми, є ігровий куточок.",
        ),
    ),
    (
        "events.event",
        {"title": "Sprachcafé: Deutsch sprechen bei Tee und Kuchen"},
        "title",
        (
            "Language café: speaking German over tea and cake",
            "مقهى اللغة: التحدث بالألمانية مع الشاي والكعك",
            "Мовне кафе: говоримо німецькою за чаєм і тістечками",
        ),
    ),
    (
        "events.event",
        {"title": "Elterncafé mit Kinderbetreuung"},
        "title",
        (
            "Parents' café with childcare",
            "مقهى الآباء مع رعاية الأطفال",
            "Кафе для батьків з доглядом за дітьми",
        ),
    ),
]

# Made from an older German text than the profile now has: the staff report shows it outdated.
OUTDATED = (
    "network.actor",
    {"name": "Beratungsstelle für Migration und Flucht Weißenfels"},
    "short_description",
    "en",
    "Counselling on residence, asylum procedures and everyday questions.",
)


def _put(obj: models.Model, field: str, language: str, text: str, source: str) -> None:
    ContentTranslation.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        language=language,
        field=field,
        defaults={"text": text, "source_digest": digest(source)},
    )


def _model(label: str) -> type[models.Model]:
    return ContentType.objects.get_by_natural_key(*label.split(".")).model_class()


def _town_patterns() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """The texts that name a town, as patterns that find the town in a German text."""
    return [
        (re.compile(re.escape(german).replace(re.escape("{town}"), "(?P<town>.+)") + r"\Z"), texts)
        for german, texts in ALL_TEXTS.items()
        if "{town}" in german
    ]


def _translations_of(german: str, towns: list) -> dict[str, str]:
    """Language → translation of a German text the tables know (none: an empty dict)."""
    texts = ALL_TEXTS.get(german)
    if texts is None:
        for pattern, town_texts in towns:
            if match := pattern.match(german):
                texts = tuple(text.replace("{town}", match["town"]) for text in town_texts)
                break
    translations = dict(zip(LANGUAGES, texts, strict=True)) if texts is not None else {}
    # A text written first in another language keeps that original; the rest fills the gaps.
    return {
        **MORE_LANGUAGES.get(german, {}),
        **translations,
        **WRITTEN_FIRST_ELSEWHERE.get(german, {}),
    }


def _known_texts() -> int:
    """Rows for every translatable field whose German text the tables know, written in bulk;
    rows that exist already (the crisis' own, an editor's) are kept."""
    towns = _town_patterns()
    rows = []
    for translatable in translatable_models():
        content_type = ContentType.objects.get_for_model(translatable.model)
        for obj in translatable.model._default_manager.only("pk", *translatable.fields):
            for field in translatable.fields:
                german = german_text(obj, field)
                texts = _translations_of(german, towns) if german else {}
                source = digest(german)
                rows += [
                    ContentTranslation(
                        content_type=content_type,
                        object_id=obj.pk,
                        language=language,
                        field=field,
                        text=text,
                        source_digest=source,
                    )
                    for language, text in texts.items()
                ]
    ContentTranslation.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def _wayfinder_texts() -> int:
    from demo.wayfinder_texts import AUDIENCES, CATEGORIES, LANGUAGES
    from referrals.models import ConcernCategory, WayfinderAudience

    count = 0
    for model, texts, fields in (
        (ConcernCategory, CATEGORIES, ("name", "description")),
        (WayfinderAudience, AUDIENCES, ("label", "description")),
    ):
        for item in model._default_manager.filter(slug__in=texts):
            for language in LANGUAGES:
                for field, text in zip(fields, texts[item.slug][language], strict=True):
                    _put(item, field, language, text, german_text(item, field))
                    count += 1
    return count


def load_demo_translations() -> int:
    """Idempotent: existing demo translations are overwritten, nothing else is touched."""
    count = _known_texts()
    for label, lookup, field, texts in CONTENT:
        for obj in _model(label)._default_manager.filter(**lookup):
            for language, text in zip(("en", "ar", "uk"), texts, strict=True):
                if text:
                    _put(obj, field, language, text, german_text(obj, field))
                    count += 1
    count += _wayfinder_texts()
    label, lookup, field, language, text = OUTDATED
    for obj in _model(label)._default_manager.filter(**lookup):
        _put(obj, field, language, text, "Beratung zu Aufenthalt, Asyl und Alltag.")
        count += 1
    return count
