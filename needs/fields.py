"""A need's editable fields, declared once (the shape of network.fields).

The member's form (needs/forms.py), the admin panels (needs/wagtail_hooks.py), the API
(needs/api/serializers.py) and the translation registration (needs/apps.py) are held to this
list by tests/needs/test_fields.py, so a new field cannot be left out of one of them unseen.
"""

from __future__ import annotations

from needs.models import Need
from network.fields import ADMIN, API, FORM, Declared, Editable, skip

NEED = Declared(
    Need,
    "need",
    (
        # The actor is the one the need is posted under (from the URL); staff may move it.
        Editable("actor", skip=skip(FORM)),
        Editable("title", translated=True),
        Editable("description", html=True, translated=True),
        Editable("skills", translated=True),
        # Members close and reopen a need through its own steps, not the form.
        Editable("status", skip=skip(FORM, API)),
        Editable("topics"),
        Editable("languages"),
        Editable("municipality"),
        Editable("is_online"),
        Editable("commitment"),
        Editable("hours", translated=True),
        Editable("start_date"),
        Editable("end_date"),
        Editable("helpers_wanted"),
        Editable("contact_person"),
    ),
    not_edited=("created_by",),
    projections=frozenset({FORM, ADMIN, API}),
)
