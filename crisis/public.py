"""What public pages show of the active situations, looked up once per request.

The banner is on every page, so its lookup is one small query (plus one for translations when
the page is not German), remembered on the request for anything else on the page that asks; the
banners themselves are kept per process and language (portal.site_cache).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils import timezone

from crisis.models import Situation, TemporaryOffer
from portal import pagecache
from portal.site_cache import remembered
from portal.translations import (
    GERMAN,
    TranslatedText,
    active_language,
    is_rtl,
    prefetch_translations,
    translated,
)

REQUEST_ATTR = "_crisis_situations"


@dataclass(frozen=True)
class BannerLine:
    text: TranslatedText

    @property
    def lang(self) -> str:
        return self.text.lang

    @property
    def dir(self) -> str:
        return "rtl" if is_rtl(self.text.lang) else "ltr"


@dataclass(frozen=True)
class Banner:
    situation: Situation
    title: TranslatedText
    lines: tuple[BannerLine, ...]  # the visitor's language first, then the situation's others


def active_situations(request: HttpRequest | None) -> list[Situation]:
    if request is None:
        return list(_active_situations())
    if not hasattr(request, REQUEST_ATTR):
        setattr(request, REQUEST_ATTR, list(_active_situations()))
    return getattr(request, REQUEST_ATTR)


def _active_situations():
    return (
        Situation.objects.active()
        .only("pk", "slug", "title", "banner_text", "banner_languages", "activated_at")
        .order_by("activated_at", "pk")
    )


def banners(request: HttpRequest | None) -> list[Banner]:
    """The banners in the visitor's language: the same on every page, so each process keeps them
    per language until a situation, its steps or a translation change (kind `crisis`)."""
    return remembered(
        request,
        "crisis-banners",
        active_language(),
        [pagecache.CRISIS],
        lambda: _banners(active_situations(request)),
    )


def _banners(situations: list[Situation]) -> list[Banner]:
    if not situations:
        return []
    visitor = active_language()
    prefetch_translations(situations, visitor)
    found = []
    for situation in situations:
        main = translated(situation, "banner_text", visitor)
        lines = [BannerLine(main)]
        shown = {main.lang}
        for code in situation.banner_languages or ():
            if code in shown or code == GERMAN:
                continue
            text = translated(situation, "banner_text", code)
            if not text.is_fallback:
                lines.append(BannerLine(text))
                shown.add(code)
        found.append(Banner(situation, translated(situation, "title", visitor), tuple(lines)))
    return found


def current_offers(request: HttpRequest | None = None) -> list[TemporaryOffer]:
    """Temporary offers the public sees today, for directory, calendar and wayfinder."""
    situations = {situation.pk: situation for situation in active_situations(request)}
    if not situations:
        return []
    offers = list(
        TemporaryOffer.objects.current(timezone.localdate())
        .filter(situation_id__in=situations)
        .order_by("starts_on", "situation_id", "sort_order")
    )
    for offer in offers:
        offer.situation = situations[offer.situation_id]
    prefetch_translations([*offers, *situations.values()])
    return offers
