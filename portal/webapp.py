"""The portal as an app on a phone's home screen: the web app manifest and the favicon.

The manifest lives under each language's prefix (/manifest.webmanifest, /ar/manifest.webmanifest),
so a person who adds the portal to the home screen from an Arabic page gets it named in Arabic,
right to left, opening on the Arabic home page.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# The header's dark blue (portal.css --brand-dark): the phone's status bar matches the page.
THEME_COLOUR = "#073f56"
BACKGROUND_COLOUR = "#ffffff"
ICONS = [
    ("icons/favicon.svg", "any", "image/svg+xml", "any"),
    ("icons/icon-192.png", "192x192", "image/png", "any"),
    ("icons/icon-512.png", "512x512", "image/png", "any"),
    ("icons/icon-maskable-512.png", "512x512", "image/png", "maskable"),
]


def manifest_data() -> dict[str, object]:
    """The manifest in the active language."""
    home = reverse("wagtail_serve", args=[""])
    return {
        "name": _("Integrationsnetzwerk Burgenlandkreis"),
        "short_name": "MiA",
        "description": _(
            "Angebote, Beratung und Engagement rund um Migration und Integration im "
            "Burgenlandkreis."
        ),
        "lang": get_language() or settings.LANGUAGE_CODE,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": home,
        "scope": "/",
        "id": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static(path), "sizes": sizes, "type": kind, "purpose": purpose}
            for path, sizes, kind, purpose in ICONS
        ],
    }


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> HttpResponse:
    """The icon under its versioned static name (not a permanent redirect: the name changes
    with the icon)."""
    return HttpResponseRedirect(static("icons/favicon.ico"))


@require_safe
@cache_control(public=True, max_age=86400)
def manifest(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        json.dumps(manifest_data(), ensure_ascii=False),
        content_type="application/manifest+json; charset=utf-8",
    )
