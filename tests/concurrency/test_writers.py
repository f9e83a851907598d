"""Many people writing at the same moment against a real portal process (daphne, as `make run`
serves, with the outbox worker beside it), on SQLite by default and on PostgreSQL when
DATABASE_URL names one: nothing is lost, nothing is stored twice, nobody sees a 500."""

from __future__ import annotations

import uuid

from tests.concurrency.site import Site
from tests.referrals.helpers import valid_form


def statuses(responses) -> dict[int, int]:
    counted: dict[int, int] = {}
    for response in responses:
        counted[response.status_code] = counted.get(response.status_code, 0) + 1
    return counted


def test_it_stores_50_referrals_sent_at_once_each_exactly_once(site: Site):
    marker = f"parallel-{uuid.uuid4().hex[:8]}"

    def prepare(number: int):
        visitor = site.visitor()
        return visitor, visitor.token("/referral/")

    def send(number: int, prepared):
        visitor, token = prepared
        form = valid_form(person_name=f"Person {number}", description=f"{marker}-{number:02d}")
        return visitor.post("/referral/", form, token)

    from tests.concurrency.site import at_once

    responses = at_once(50, prepare, send)

    assert statuses(responses) == {302: 50}
    rows = site.database.rows(
        "SELECT reference, description FROM referrals_referral WHERE description LIKE %s",
        f"{marker}-%",
    )
    assert sorted(description for _reference, description in rows) == [
        f"{marker}-{number:02d}" for number in range(50)
    ]
    assert len({reference for reference, _description in rows}) == 50
    assert not site.server_errors()


def test_it_stores_20_help_offers_to_one_need_sent_at_once(site: Site):
    need = site.people["busy_need"]
    path = f"/needs/{need}/"

    def prepare(number: int):
        visitor = site.visitor()
        return visitor, visitor.token(path)

    def offer(number: int, prepared):
        visitor, token = prepared
        data = {
            "name": f"Helferin {number}",
            "email": f"helferin{number}@example.org",
            "phone": "",
            "message": "Ich kann dienstags.",
            "consent": "on",
            "website": "",
        }
        return visitor.post(path, data, token)

    from tests.concurrency.site import at_once

    responses = at_once(20, prepare, offer)

    assert statuses(responses) == {302: 20}
    names = site.database.rows("SELECT name FROM needs_helpoffer WHERE need_id = %s", need)
    assert sorted(name for (name,) in names) == sorted(f"Helferin {n}" for n in range(20))
    assert not site.server_errors()
