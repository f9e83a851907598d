"""Writing, changing and reviewing articles, their history, freshness reminders, and the
articles a referral's page links."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from knowledge.models import KnowledgeArticlePage
from knowledge.services import remind_stale_articles
from tests.referrals.factories import ReferralFactory


def _form(units, **changes) -> dict:
    return {
        "title": "Leistungen nach AsylbLG beantragen",
        "summary": "Wer den Antrag stellt und was dazugehört.",
        "body": "Antrag beim Sozialamt.\n\nMitbringen: Ausweis, Mietvertrag.<script>x()</script>",
        "kind": "procedure",
        "audience": "staff",
        "unit": units.a.pk,
        **changes,
    }


def test_it_publishes_an_article_written_by_a_units_staff(client, staff_a, units, residence):
    client.force_login(staff_a)
    response = client.post(reverse("knowledge:new"), _form(units, categories=[residence.pk]))
    article = KnowledgeArticlePage.objects.get(title="Leistungen nach AsylbLG beantragen")
    assert response["Location"] == reverse("knowledge:article", kwargs={"slug": article.slug})
    assert article.live
    assert "<script" not in article.body
    assert "<p>Mitbringen: Ausweis, Mietvertrag." in article.body
    assert list(article.categories.all()) == [residence]
    assert article.revisions.count() == 1


def test_it_refuses_an_article_for_a_unit_the_writer_does_not_work_in(client, staff_a, units):
    client.force_login(staff_a)
    response = client.post(reverse("knowledge:new"), _form(units, unit=units.b.pk))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not KnowledgeArticlePage.objects.filter(title__startswith="Leistungen").exists()


def test_it_keeps_every_version_of_a_changed_article(client, staff_a, units, articles):
    client.force_login(staff_a)
    url = reverse("knowledge:edit", kwargs={"slug": articles.staff_only.slug})
    response = client.post(url, _form(units, title="Wohnsitzauflage streichen lassen"))
    assert response.status_code == 302
    article = KnowledgeArticlePage.objects.get(pk=articles.staff_only.pk)
    assert article.title == "Wohnsitzauflage streichen lassen"
    assert article.revisions.count() == 2
    page = client.get(reverse("knowledge:article", kwargs={"slug": article.slug}))
    assert "Anna Amtmann" in page.content.decode()


def test_it_lets_only_the_owning_units_staff_change_an_article(client, staff_b, units, articles):
    client.force_login(staff_b)
    url = reverse("knowledge:edit", kwargs={"slug": articles.staff_only.slug})
    assert client.get(url).status_code == 404
    assert client.post(url, _form(units, unit=units.b.pk)).status_code == 404
    assert (
        client.post(
            reverse("knowledge:reviewed", kwargs={"slug": articles.staff_only.slug})
        ).status_code
        == 404
    )


def test_it_marks_a_reviewed_article_fresh_and_logs_it(client, staff_a, articles):
    old = datetime.date.today() - datetime.timedelta(days=400)
    KnowledgeArticlePage.objects.filter(pk=articles.staff_only.pk).update(last_reviewed_on=old)
    client.force_login(staff_a)
    client.post(reverse("knowledge:reviewed", kwargs={"slug": articles.staff_only.slug}))
    article = KnowledgeArticlePage.objects.get(pk=articles.staff_only.pk)
    assert article.last_reviewed_on == timezone.localdate()
    assert not article.is_stale
    assert PageLogEntry.objects.filter(page=article, action="knowledge.reviewed").exists()


def test_it_reminds_the_owning_unit_of_a_stale_article_once(articles, staff_a, units):
    old = datetime.date.today() - datetime.timedelta(days=400)
    KnowledgeArticlePage.objects.filter(pk=articles.shared.pk).update(last_reviewed_on=old)
    mail.outbox.clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda func, **kwargs: func())
        run = remind_stale_articles()
        again = remind_stale_articles()
    assert [(article.pk, recipients) for article, recipients in run.reminded] == [
        (articles.shared.pk, [staff_a.email])
    ]
    assert again.reminded == []
    assert len(mail.outbox) == 1
    assert articles.shared.title in mail.outbox[0].body
    assert (
        reverse("knowledge:article", kwargs={"slug": articles.shared.slug}) in mail.outbox[0].body
    )


def test_it_schedules_the_reminder_and_its_dry_run_changes_nothing(articles, settings, capsys):
    assert "remind_stale_articles" in settings.SCHEDULED_JOBS
    old = datetime.date.today() - datetime.timedelta(days=400)
    KnowledgeArticlePage.objects.filter(pk=articles.shared.pk).update(last_reviewed_on=old)
    call_command("remind_stale_articles", "--dry-run")
    assert f"would remind: {articles.shared.slug}" in capsys.readouterr().out
    assert KnowledgeArticlePage.objects.get(pk=articles.shared.pk).last_reminded_at is None


def test_it_links_a_referrals_articles_on_its_page(client, staff_a, staff_b, units, articles):
    residence_referral = ReferralFactory(
        unit=units.a, categories=list(articles.staff_only.categories.all())
    )
    client.force_login(staff_a)
    html = client.get(
        reverse("agency:detail", kwargs={"reference": residence_referral.reference})
    ).content.decode()
    section = html[html.index('id="knowledge-related-heading"') :]
    url = reverse("knowledge:article", kwargs={"slug": articles.staff_only.slug})
    assert url in section
    # The unit's other articles follow those of the concern.
    assert section.index(url) < section.index(articles.shared.title)


def test_it_lets_administrators_edit_and_preview_an_article_in_the_admin(client, admin, articles):
    client.force_login(admin)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[articles.staff_only.pk]))
    preview = articles.staff_only.make_preview_request()
    assert edit.status_code == 200
    assert preview.status_code == 200
    assert "Antrag bei der Ausländerbehörde stellen" in preview.content.decode()
