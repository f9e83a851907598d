"""An event's title reads as it looks: no bidi controls or invisible characters (issue 24)."""

from __future__ import annotations

from tests.events.helpers import submit
from tests.events.test_member_pages import NEW_EVENT


def test_it_refuses_event_titles_that_read_otherwise(client, actor, editor, terms):
    client.force_login(editor)
    event = {**NEW_EVENT, "municipality": str(terms.place_a.pk), "topics": [str(terms.topic_a.pk)]}
    response = submit(client, actor, **{**event, "title": "Amt \u202eLleiziffo\u202c"})
    assert response.status_code == 400
    assert "unsichtbare Steuerzeichen" in response.content.decode()
    assert not actor.events.exists()
