"""Required fields are marked one way on every public form (issue 20, docs/layout.md): the label
(or, for a group of choices, the legend) of a required field carries the class `required`, which
the stylesheet follows with " *", and no optional field's does; each such form says once what
the star means.

The rule is read from the HTML a visitor gets: a text box, list or single checkbox is required
when it has the `required` attribute; a group of radio buttons when its buttons have it; a group
of checkboxes (whose boxes never carry it) when its form class says so."""

from __future__ import annotations

import pytest
from django.urls import reverse

from events.forms import EventForm
from needs.forms import HelpForm, NeedForm
from referrals.forms import ReferralForm
from tests.factories import MembershipFactory, NeedFactory, UserFactory
from tests.html import select, soup

NOTE = "Pflichtfelder sind mit einem Sternchen (*) gekennzeichnet."
# Groups of checkboxes (no `required` on their boxes): whether the form class requires them.
CHECKBOX_GROUPS = {
    "categories": ReferralForm.base_fields["categories"].required,
    "languages": HelpForm.base_fields["languages"].required,
}
for form_class in (NeedForm, EventForm):
    for name, field in form_class.base_fields.items():
        CHECKBOX_GROUPS.setdefault(name, field.required)


def marked(tag) -> bool:
    return tag is not None and "required" in (tag.get("class") or "").split()


def check_form(form) -> list[str]:
    """The fields of one <form> whose marking disagrees with whether they are required."""
    wrong = []
    page = form
    while page.parent is not None:
        page = page.parent
    groups_seen = set()
    for control in form.select("input, select, textarea"):
        kind = control.get("type", "")
        name = control.get("name", "")
        if kind in {"hidden", "submit", "button"} or control.has_attr("hidden"):
            continue
        if control.find_parent(class_="hp") or control.has_attr("readonly"):
            continue  # the bot trap; a shown, unchangeable address
        if control.find_parent("fieldset", class_="child"):
            continue  # a formset's optional row: required only once it is filled in
        label = page.select_one(f'label[for="{control.get("id")}"]') if control.get("id") else None
        if kind in {"radio", "checkbox"} and control.find_parent("fieldset") is not None:
            group = control.find_parent("fieldset")
            legend = group.find("legend")
            boxes = group.select(f'input[name="{name}"]')
            if len(boxes) > 1 or kind == "radio":
                if name in groups_seen:
                    continue
                groups_seen.add(name)
                required = (
                    any(box.has_attr("required") for box in boxes)
                    if kind == "radio"
                    else CHECKBOX_GROUPS.get(name, False)
                )
                if required != marked(legend):
                    wrong.append(f"group {name}: required={required}, legend={legend}")
                continue
        required = control.has_attr("required")
        if label is None:
            wrong.append(f"{name}: no label")
        elif required != marked(label):
            wrong.append(f"{name}: required={required}, label={label}")
    has_required = any(c.has_attr("required") for c in form.select("input, select, textarea"))
    if has_required and NOTE not in form.get_text(" "):
        wrong.append("the form does not say what the star means")
    return wrong


def forms_on(response) -> list:
    assert response.status_code == 200, response.status_code
    main = soup(response).select_one("main")
    return [
        form
        for form in main.select("form")
        if form.select("input:not([type=hidden]), select, textarea")
    ]


@pytest.fixture
def member(db):
    user = UserFactory(username="mara")
    membership = MembershipFactory(user=user)
    return user, membership.actor


PUBLIC = [
    ("referral", lambda: reverse("referrals:form")),
    ("sign-in", lambda: reverse("accounts:login")),
    ("password reset", lambda: reverse("accounts:password_reset")),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "address"), PUBLIC, ids=[name for name, _ in PUBLIC])
def test_it_marks_exactly_the_required_fields_on_the_public_forms(client, name, address):
    forms = forms_on(client.get(address()))
    assert forms, name
    for form in forms:
        assert check_form(form) == [], name


@pytest.mark.django_db
def test_it_marks_exactly_the_required_fields_of_the_help_form(client):
    need = NeedFactory()
    forms = forms_on(client.get(need.get_absolute_url()))
    help_forms = [form for form in forms if form.select_one('[name="consent"]')]
    assert help_forms
    assert check_form(help_forms[0]) == []


def test_it_marks_exactly_the_required_fields_of_the_member_forms(client, member):
    user, actor = member
    client.force_login(user)
    for address in (
        reverse("accounts:password_change"),
        reverse("my_needs:new", kwargs={"actor_slug": actor.slug}),
        reverse("my_events:new", kwargs={"actor_slug": actor.slug}),
    ):
        forms = forms_on(client.get(address))
        assert forms, address
        for form in forms:
            assert check_form(form) == [], address


def test_it_marks_a_required_field_the_same_way_in_every_language(client, db):
    for prefix in ("", "/ar"):
        response = client.get(prefix + reverse("referrals:form"))
        labels = select(response, 'label[for="id_person_name"]')
        assert marked(labels[0])
