"""Every public page stays light for people on a prepaid phone plan: the HTML with all the CSS
and JavaScript it links, images left out, weighs less than 300 KB."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.browser.public_site import (
    CHECKED_LANGUAGES,
    CHECKED_PAGES,
    PublicSite,
    make_public_site,
)

BUDGET_BYTES = 300 * 1024


class LinkedAssets(HTMLParser):
    """The stylesheets and scripts a page makes the browser load."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (
            tag == "link"
            and "stylesheet" in (values.get("rel") or "").split()
            and values.get("href")
        ):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])


def asset_size(client, url: str) -> int:
    """The size of a same-origin asset: from the static files when it is one, else as served."""
    parts = urlsplit(url)
    assert not parts.netloc, f"{url} is not same-origin; the portal loads nothing from elsewhere"
    if parts.path.startswith(settings.STATIC_URL):
        found = finders.find(parts.path.removeprefix(settings.STATIC_URL))
        assert found, f"{url} is linked but no static file has that name"
        return Path(found).stat().st_size
    response = client.get(parts.path, {} if not parts.query else dict(_query(parts.query)))
    assert response.status_code == 200, f"{url} answers {response.status_code}"
    return len(response.content)


def _query(query: str) -> list[tuple[str, str]]:
    return [tuple(pair.split("=", 1)) for pair in query.split("&") if "=" in pair]


def page_html(client, site: PublicSite, language: str, name: str) -> bytes:
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    if name == "referral-errors":
        response = client.post(prefix + site.pages["referral"], {"person_name": "Olena Bondar"})
        assert b'class="errorlist' in response.content, "the failed submit shows no errors"
    else:
        response = client.get(prefix + site.pages[name])
    assert response.status_code == 200, f"{name} ({language}) answers {response.status_code}"
    return response.content


@pytest.fixture
def site(db) -> PublicSite:
    return make_public_site()


@pytest.mark.parametrize("language", CHECKED_LANGUAGES)
@pytest.mark.parametrize("name", CHECKED_PAGES)
def test_it_keeps_each_public_page_with_its_css_and_js_under_300_kb(client, site, language, name):
    html = page_html(client, site, language, name)
    parser = LinkedAssets()
    parser.feed(html.decode())
    sizes = {"HTML": len(html)}
    for url in dict.fromkeys(parser.urls):
        sizes[url] = asset_size(client, url)
    total = sum(sizes.values())
    listing = ", ".join(f"{url} {size / 1024:.1f} KB" for url, size in sizes.items())
    assert total < BUDGET_BYTES, (
        f"{name} ({language}) weighs {total / 1024:.1f} KB of {BUDGET_BYTES // 1024} KB: {listing}"
    )
