"""A need's title reads as it looks: no bidi controls or invisible characters (issue 24)."""

from __future__ import annotations

import pytest

from needs.models import Need
from tests.needs.test_member_pages import form_data


@pytest.mark.parametrize("title", ["Fahrdienst \u202eTSNEIDRHAF\u202c", "Fahr\u200bdienst"])
def test_it_refuses_need_titles_that_read_otherwise(client, editor, terms, title):
    client.force_login(editor)
    response = client.post("/my/actors/lernpaten-alpha/needs/new/", form_data(terms, title=title))
    assert response.status_code == 200
    assert "unsichtbare Steuerzeichen" in response.content.decode()
    assert not Need.objects.exists()
