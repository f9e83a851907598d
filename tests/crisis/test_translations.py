"""Staff translate a situation's texts before switching it on, in the admin's translation pages."""

from __future__ import annotations

from django.utils import translation

from crisis.models import Situation
from portal.translations import translated
from tests.portal.test_content_translations import access_admin, field_key


def test_it_lets_staff_translate_a_situations_banner_before_switching_it_on(
    client, situation: Situation, staff
):
    access_admin(staff)
    client.force_login(staff)

    page = client.get("/admin/translations/situation/tr/")
    response = client.post(
        "/admin/translations/situation/tr/",
        {field_key(situation, "banner_text"): "Ukrayna'dan gelenler için ilk adımlar"},
    )

    assert page.status_code == 200
    assert situation.banner_text in page.content.decode()
    assert response.status_code == 302
    with translation.override("tr"):
        assert translated(situation, "banner_text") == "Ukrayna'dan gelenler için ilk adımlar"


def test_it_lists_the_wayfinder_answers_and_key_steps_for_translation(client, situation, staff):
    access_admin(staff)
    client.force_login(staff)

    report = client.get("/admin/translations/").content.decode()

    for name in ("wayfinderaudience", "situation", "keystep", "temporaryoffer"):
        assert f"/admin/translations/{name}/" in report
