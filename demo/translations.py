"""Demo translations: vocabularies, concern categories, a few actors, offers and events in
English, Arabic and Ukrainian, and one translation left outdated on purpose, so that the
fallback marker, the editors' status page and the staff report all have something to show."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from portal.models import ContentTranslation
from portal.translations import digest, german_text

TOPICS = {
    "deutschkurs": ("German course", "دورة لغة ألمانية", "Курс німецької мови"),
    "sprachcafe": ("Language café", "مقهى اللغة", "Мовне кафе"),
    "beratung": ("Counselling", "استشارة", "Консультація"),
    "arbeit": ("Work", "العمل", "Робота"),
    "ausbildung": ("Vocational training", "التدريب المهني", "Професійне навчання"),
    "wohnen": ("Housing", "السكن", "Житло"),
    "gesundheit": ("Health", "الصحة", "Здоров'я"),
    "kinder-und-familie": ("Children and family", "الأطفال والعائلة", "Діти та сім'я"),
    "frauen": ("Women", "النساء", "Жінки"),
    "freizeit-und-sport": ("Leisure and sport", "الترفيه والرياضة", "Дозвілля та спорт"),
    "rechtsberatung": ("Legal advice", "استشارة قانونية", "Юридична консультація"),
    "dolmetschen": ("Interpreting", "الترجمة الشفوية", "Усний переклад"),
    "ehrenamt": ("Volunteering", "العمل التطوعي", "Волонтерство"),
    "schule-und-bildung": ("School and education", "المدرسة والتعليم", "Школа та освіта"),
    "aufenthalt": ("Residence", "الإقامة", "Перебування"),
    "kultur-und-begegnung": (
        "Culture and meeting people",
        "الثقافة واللقاء",
        "Культура та зустрічі",
    ),
    "psychosoziale-unterstuetzung": (
        "Psychosocial support",
        "الدعم النفسي الاجتماعي",
        "Психосоціальна підтримка",
    ),
    "mobilitaet": ("Mobility", "التنقل", "Мобільність"),
}

TARGET_GROUPS = {
    "gefluechtete": ("Refugees", "اللاجئون", "Біженці"),
    "neuzugewanderte": ("Newcomers", "القادمون الجدد", "Новоприбулі"),
    "frauen": ("Women", "النساء", "Жінки"),
    "kinder-und-jugendliche": ("Children and young people", "الأطفال والشباب", "Діти та молодь"),
    "familien": ("Families", "العائلات", "Сім'ї"),
    "aeltere-menschen": ("Older people", "كبار السن", "Люди похилого віку"),
    "arbeitsuchende": ("Jobseekers", "الباحثون عن عمل", "Шукачі роботи"),
    "ehrenamtliche": ("Volunteers", "المتطوعون", "Волонтери"),
}

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


def _terms(model: type[models.Model], texts: dict, field: str = "name") -> int:
    count = 0
    for term in model._default_manager.filter(slug__in=texts):
        for language, text in zip(("en", "ar", "uk"), texts[term.slug], strict=True):
            if isinstance(text, tuple):
                for name, value in zip((field, "description"), text, strict=True):
                    _put(term, name, language, value, german_text(term, name))
                    count += 1
            else:
                _put(term, field, language, text, german_text(term, field))
                count += 1
    return count


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
    from network.models import TargetGroup, Topic

    count = _terms(Topic, TOPICS) + _terms(TargetGroup, TARGET_GROUPS)
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
