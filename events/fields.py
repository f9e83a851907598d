"""An event's editable fields, declared once (the shape of network.fields).

The member's form (events/forms.py), the admin panels (events/wagtail_hooks.py), the review's
difference (events/review.py) and the translation registration are held to this list by
tests/events/test_fields.py: a field the review does not show would go public unseen.
"""

from __future__ import annotations

from events.models import Event
from network.fields import ADMIN, DIFF, FORM, Declared, Editable, skip

EVENT = Declared(
    Event,
    "event",
    (
        # The actor is the one the event is posted under (from the URL); staff may move it, and
        # the slug, which its address keeps, is the admin's.
        Editable("actor", skip=skip(FORM, DIFF)),
        Editable("slug", skip=skip(FORM, DIFF)),
        Editable("co_organisers"),
        Editable("title", translated=True),
        Editable("description", html=True, translated=True),
        Editable("image"),
        Editable("status"),
        Editable("status_note", translated=True),
        Editable("start_date"),
        Editable("start_time"),
        Editable("end_date"),
        Editable("end_time"),
        Editable("frequency"),
        Editable("repeat_until"),
        Editable("repeat_count"),
        Editable("location_kind"),
        Editable("location"),
        Editable("venue"),
        Editable("street"),
        Editable("postcode"),
        Editable("town"),
        Editable("municipality"),
        Editable("online_url"),
        Editable("topics"),
        Editable("target_groups"),
        Editable("languages"),
        Editable("is_free"),
        Editable("cost_note", translated=True),
        Editable("registration"),
        Editable("registration_url"),
        Editable("registration_email"),
        Editable("capacity"),
    ),
    # Wagtail's publishing schedule, the calendar identity and version the feeds carry, and who
    # created it.
    not_edited=(
        "first_published_at",
        "go_live_at",
        "expire_at",
        "uid",
        "sequence",
        "created_by",
    ),
    projections=frozenset({FORM, ADMIN, DIFF}),
)
