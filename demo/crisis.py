"""The demo's crisis situation, "Ankunft aus der Ukraine": loaded switched off, ready to be
switched on by staff (or a test) at /crisis/ankunft-aus-der-ukraine/switch/."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from crisis.models import KeyStep, Situation, TemporaryOffer
from network.models import AgencyUnit
from portal.models import ContentTranslation
from portal.translations import digest
from referrals.models import ConcernCategory

SLUG = "ankunft-aus-der-ukraine"
TITLE = "Ankunft aus der Ukraine"
BANNER = (
    "Neu aus der Ukraine angekommen? Hier finden Sie die wichtigsten Schritte und Hilfe im Haus."
)
TRANSLATIONS = {
    "title": {
        "uk": "Прибуття з України",
        "ru": "Прибытие из Украины",
        "en": "Arriving from Ukraine",
    },
    "banner_text": {
        "uk": "Щойно прибули з України? Тут ви знайдете найважливіші кроки та допомогу в будинку.",
        "ru": "Только что прибыли из Украины? Здесь вы найдёте самые важные шаги и помощь "
        "в здании.",
        "en": "Just arrived from Ukraine? Here you find the most important steps and help in "
        "the building.",
    },
}
INTRO = (
    "Sie sind aus der Ukraine geflohen und neu im Burgenlandkreis? Die Migrationsagentur hilft "
    "Ihnen bei den ersten Schritten. Sie können ohne Termin kommen."
)
STEPS = (
    (
        "Registrierung",
        "Melden Sie sich bei der Ausländerbehörde in der Migrationsagentur. Bringen Sie Ihren "
        "Pass oder Ausweis mit, wenn Sie einen haben. Sie bekommen eine Bescheinigung.",
    ),
    (
        "Aufenthaltserlaubnis nach § 24 AufenthG",
        "Menschen aus der Ukraine bekommen vorübergehenden Schutz. Die Ausländerbehörde stellt "
        "dafür eine Aufenthaltserlaubnis nach § 24 Aufenthaltsgesetz aus. Damit dürfen Sie hier "
        "wohnen und arbeiten.",
    ),
    (
        "Leistungen",
        "Bis Sie Arbeit haben, bekommen Sie Geld zum Leben und eine Krankenversicherung. Das "
        "Jobcenter im Haus sagt Ihnen, was Ihnen zusteht, und hilft beim Antrag.",
    ),
    (
        "Unterkunft",
        "Sie haben noch keine Wohnung? Die Unterbringung im Haus hilft Ihnen. Sagen Sie uns, ob "
        "Sie bei Bekannten wohnen oder einen Platz brauchen.",
    ),
    (
        "Konto/Bank",
        "Für Geld vom Amt und für Arbeit brauchen Sie ein Bankkonto. Jede Bank muss Ihnen ein "
        "Basiskonto eröffnen. Die Sparkasse kommt dafür mit einer mobilen Filiale ins Haus.",
    ),
)
CATEGORY_SLUG = "ankunft-aus-der-ukraine"
CATEGORY_DESCRIPTION = (
    "Erste Schritte nach der Flucht aus der Ukraine: Registrierung, Aufenthalt, Leistungen, "
    "Unterkunft."
)
UNIT_SLUG = "auslaenderbehoerde"


def load_demo(today: datetime.date | None = None) -> int:
    """Create the switched-off situation once; the number of situations created (0 or 1)."""
    if Situation.objects.filter(slug=SLUG).exists():
        return 0
    today = today or timezone.localdate()
    category, _created = ConcernCategory.objects.get_or_create(
        slug=CATEGORY_SLUG,
        defaults={
            "name": TITLE,
            "description": CATEGORY_DESCRIPTION,
            "ordering": 5,
            "is_active": False,
        },
    )
    situation = Situation.objects.create(
        title=TITLE,
        slug=SLUG,
        banner_text=BANNER,
        banner_languages=["uk", "ru", "en"],
        intro=INTRO,
        concern_category=category,
        routed_unit=AgencyUnit.objects.filter(slug=UNIT_SLUG).first(),
    )
    KeyStep.objects.bulk_create(
        KeyStep(situation=situation, title=title, text=text, sort_order=number)
        for number, (title, text) in enumerate(STEPS)
    )
    TemporaryOffer.objects.bulk_create(
        [
            TemporaryOffer(
                situation=situation,
                sort_order=0,
                title="Sparkasse: mobile Filiale im Haus",
                description=(
                    "Basiskonto eröffnen, Bankkarte beantragen, Fragen zum Online-Banking. Bitte "
                    "Pass oder Ausweis und die Bescheinigung der Ausländerbehörde mitbringen."
                ),
                where="im Haus, Erdgeschoss, Raum 0.14",
                hours="Di und Do 9–13 Uhr",
                starts_on=today - datetime.timedelta(days=7),
                ends_on=today + datetime.timedelta(days=83),
            ),
            TemporaryOffer(
                situation=situation,
                sort_order=1,
                title="SIM-Karte und Handy: Beratung",
                description=(
                    "Hilfe bei der Wahl von SIM-Karte und Tarif, beim Einrichten des Handys und "
                    "wichtiger Apps. Auf Ukrainisch und Russisch."
                ),
                where="im Haus, Wartebereich der Eingangszone",
                hours="Mo, Mi und Fr 10–12 Uhr",
                starts_on=today - datetime.timedelta(days=7),
                ends_on=today + datetime.timedelta(days=53),
            ),
        ]
    )
    _translate(situation)
    return 1


def _translate(situation: Situation) -> None:
    content_type = ContentType.objects.get_for_model(Situation)
    for field, languages in TRANSLATIONS.items():
        source = digest(getattr(situation, field))
        for language, text in languages.items():
            ContentTranslation.objects.update_or_create(
                content_type=content_type,
                object_id=situation.pk,
                language=language,
                field=field,
                defaults={"text": text, "source_digest": source},
            )
