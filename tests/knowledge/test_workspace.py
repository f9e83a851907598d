"""The staff workspace: its own navigation instead of the public menu, recent and stale articles."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from knowledge.models import KnowledgeArticlePage

STAFF_PAGES = [
    ("staff:workspace", {}),
    ("knowledge:index", {}),
    ("agency:statistics", {}),
    ("my:review_list", {}),
    ("crisis:overview", {}),
]


def _header(html: str) -> str:
    return html[html.index("<header") : html.index("</header>")]


@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_it_shows_staff_pages_in_the_workspace_layout(client, intake, articles, name, kwargs):
    client.force_login(intake)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    header = _header(response.content.decode())
    for target in ("agency:inbox", "my:review_list", "knowledge:index", "crisis:overview"):
        assert f'href="{reverse(target)}"' in header
    assert f'href="{reverse("directory:list")}"' not in header
    assert 'class="languages"' not in header
    assert "wagtail-userbar" not in response.content.decode()


def test_it_lists_recently_changed_and_stale_articles(client, staff_b, articles):
    old = datetime.date.today() - datetime.timedelta(days=400)
    KnowledgeArticlePage.objects.filter(pk=articles.shared.pk).update(last_reviewed_on=old)
    client.force_login(staff_b)
    html = client.get(reverse("staff:workspace")).content.decode()
    recent, stale = html.split('id="stale-heading"')
    assert articles.staff_only.title in recent
    assert articles.shared.title in stale
    assert articles.staff_only.title not in stale
    assert 'class="knowledge-stale"' in stale


def test_it_sends_others_away_from_the_workspace(client, partner, outsider, articles):
    assert client.get(reverse("staff:workspace")).status_code == 302
    client.force_login(partner)
    assert client.get(reverse("staff:workspace"))["Location"] == reverse("my_knowledge:index")
    client.force_login(outsider)
    assert client.get(reverse("staff:workspace")).status_code == 404


def test_it_leads_a_member_from_the_dashboard_to_the_shared_articles(client, partner, articles):
    client.force_login(partner)
    html = client.get("/my/").content.decode()
    assert reverse("my_knowledge:index") in html
    assert reverse("my_knowledge:article", kwargs={"slug": articles.shared.slug}) in html
    assert articles.staff_only.slug not in html


def test_it_shows_no_knowledge_panel_to_a_person_without_membership(client, outsider, articles):
    client.force_login(outsider)
    response = client.get("/my/")
    assert response.status_code == 200
    assert reverse("my_knowledge:index") not in response.content.decode()
