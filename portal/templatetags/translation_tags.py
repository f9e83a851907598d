"""Content in the visitor's language: `{{ obj|translated:"field" }}` for a bare string,
`{% translated_block %}` / `{% translated_inline %}` for text marked with its language, and a
visible "Nur auf Deutsch" where the German original stands in for a missing translation; dates
(`|day_and_month`), commas (`{% comma %}`) and language names (`|language_name`) as the
visitor's language writes them."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime

from django import template
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from portal.localisation import day_and_month as format_day_and_month
from portal.localisation import german_name, list_separator
from portal.localisation import language_name as format_language_name
from portal.translations import (
    CACHE_ATTR,
    GERMAN,
    TranslatedText,
    active_language,
    is_html_field,
    is_rtl,
    prefetch_translations,
    translated,
)

register = template.Library()


@register.filter(name="translated")
def translated_filter(obj: models.Model, field: str) -> TranslatedText:
    """`{{ actor|translated:"description" }}`: the text in the visitor's language or German."""
    return translated(obj, field)


def _language_attributes(text: TranslatedText) -> SafeString:
    """lang (and dir) only where the text's language differs from the page's."""
    if text.lang == active_language():
        return SafeString("")
    direction = "rtl" if is_rtl(text.lang) else "ltr"
    if (direction == "rtl") == get_language_bidi():
        return format_html(' lang="{}"', text.lang)
    return format_html(' lang="{}" dir="{}"', text.lang, direction)


def _marker(tag: str = "p") -> SafeString:
    return format_html('<{} class="translation-note">{}</{}>', tag, _("Nur auf Deutsch"), tag)


@register.filter
def with_lang(text: str) -> SafeString:
    """A translated label wrapped in its language where that differs from the page's."""
    escaped = conditional_escape(text)
    if not isinstance(text, TranslatedText):
        return escaped
    attributes = _language_attributes(text)
    return format_html("<span{}>{}</span>", attributes, escaped) if attributes else escaped


@register.filter
def in_german(text: str) -> SafeString:
    """A name the network writes in German only (an actor, a place, a venue), marked `lang="de"`
    on other pages for screen readers, and isolated left to right on right-to-left pages so
    that its punctuation stays where German puts it ("Sprachcafé Weißenfels e.V.", not
    ".Sprachcafé Weißenfels e.V"). A name without Latin letters is not German and stays as is."""
    return german_name(text)


@register.simple_tag
def german_attributes() -> SafeString:
    """`<p{% german_attributes %}>` for a block the network only has in German (a search hit's
    passage): its language, and its direction on right-to-left pages."""
    if active_language() == GERMAN:
        return SafeString("")
    if get_language_bidi():
        return format_html(' lang="{}" dir="ltr"', GERMAN)
    return format_html(' lang="{}"', GERMAN)


@register.simple_tag
def translated_block(
    obj: models.Model, field: str, tag: str = "", css: str = "", marker: bool = True
) -> SafeString:
    """The text as a block in its language: rich text as it is (sanitised when saved), plain
    text in paragraphs; before it "Nur auf Deutsch" when the German original stands in."""
    text = translated(obj, field)
    if not text.strip():
        return SafeString("")
    attributes = _language_attributes(text)
    if is_html_field(type(obj), field):
        # German and translations are sanitised on save (portal.html.sanitize_html).
        body = mark_safe(text)  # noqa: S308  # nosec B308 B703
        if not (tag or css or attributes):
            return body  # rich text in the page's language needs no wrapper
        tag = tag or "div"
    else:
        body = linebreaksbr(text, autoescape=True)
        tag = tag or "p"
    css_attribute = format_html(' class="{}"', css) if css else ""
    block = format_html("<{}{}{}>{}</{}>", tag, css_attribute, attributes, body, tag)
    if text.is_fallback and marker:
        return format_html("{}{}", _marker(), block)
    return block


@register.simple_tag
def translated_inline(obj: models.Model, field: str, marker: bool = False) -> SafeString:
    """A short text (a name, a title) in the flow of a sentence or heading."""
    text = translated(obj, field)
    span = with_lang(text)
    if text.is_fallback and marker and text.strip():
        return format_html("{} {}", span, _marker("small"))
    return span


@register.simple_tag
def translated_list(objects: Iterable[models.Model], field: str = "name") -> SafeString:
    """Terms (topics, target groups) by name in the visitor's language, separated by commas;
    their translations are loaded in one query unless the view did so already."""
    objects = list(objects)
    language = active_language()
    prefetch_translations(
        obj for obj in objects if language not in obj.__dict__.get(CACHE_ATTR, {})
    )
    return format_html_join(
        list_separator(), "{}", ((with_lang(translated(obj, field)),) for obj in objects)
    )


@register.filter
def day_and_month(value: date | datetime | None, parts: str = "") -> str:
    """`{{ day|day_and_month }}` "Monday 8 December", `|day_and_month:"year"` with the year,
    `|day_and_month:"no-weekday"`; a moment is first put on the portal's clock."""
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return _day_and_month(get_language(), value, "no-weekday" not in parts, "year" in parts)


@functools.lru_cache(maxsize=4096)
def _day_and_month(language: str | None, value: date, weekday: bool, year: bool) -> str:
    """CLDR's pattern is matched per call (a few milliseconds); a calendar page shows the same
    few dozen dates on every request, so each is written once per process and language."""
    return format_day_and_month(value, weekday=weekday, year=year)


@register.simple_tag
def comma() -> str:
    """The comma between parts of a text ("، " in Arabic and Persian)."""
    return list_separator()


@register.filter
def language_name(language: models.Model) -> SafeString:
    """`{{ language|language_name }}`: a Language named in the visitor's language (CLDR), else
    by its German name, marked as German."""
    name = format_language_name(language.code)
    return conditional_escape(name) if name else german_name(language.name)
