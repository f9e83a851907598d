"""Reading the portal's HTML the way a browser would: with a parser, never with patterns.

A pattern breaks when a template gains an attribute, reorders two, or wraps a line, and then
either fails for no reason or, worse, quietly matches nothing. BeautifulSoup with Python's own
parser builds the tree a browser would, and CSS selectors say what a test looks for.

Every function takes a Django test response, a page as a string, or an element already found.
"""

from __future__ import annotations

import json
import warnings
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

Page = Any  # a test client response, an HTML string, or a Tag


def soup(page: Page) -> Tag:
    """The parsed document (or the element itself when given one). Attributes keep the text
    they were written with (`class`, `rel` are strings, not lists)."""
    if isinstance(page, Tag):
        return page
    if not isinstance(page, str):
        page = page.content.decode()
    with warnings.catch_warnings():
        # a chat message such as "https://example.org" is markup that looks like an address
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(page, "html.parser", multi_valued_attributes=None)


def elements(page: Page) -> list[tuple[str, dict[str, str]]]:
    """(tag name, attributes) of every element, in document order."""
    return [(node.name, dict(node.attrs)) for node in soup(page).find_all(True)]


def select(page: Page, selector: str) -> list[Tag]:
    return soup(page).select(selector)


def one(page: Page, selector: str) -> Tag:
    """The single element a selector names; fails the test when there is none or several."""
    found = select(page, selector)
    assert len(found) == 1, f"{len(found)} elements match {selector!r}, expected one"
    return found[0]


def text_of(page: Page, selector: str | None = None) -> str:
    """The text a reader sees in an element (or the whole page), whitespace collapsed."""
    node = soup(page) if selector is None else one(page, selector)
    return " ".join(node.get_text(" ").split())


def texts(page: Page, selector: str) -> list[str]:
    """The text of each element a selector names, in document order, whitespace collapsed."""
    return [" ".join(node.get_text(" ").split()) for node in select(page, selector)]


def links(page: Page, selector: str = "a[href]") -> list[str]:
    """The href of each link a selector names (attribute values come unescaped)."""
    return [node["href"] for node in select(page, selector) if node.has_attr("href")]


def errors_beside(page: Page, field_id: str) -> list[str]:
    """The messages Django renders next to one field (ul#<field id>_error)."""
    return texts(page, f"ul#{field_id}_error > li")


def jsonld(page: Page) -> list[Any]:
    """The page's JSON-LD blocks, decoded."""
    return [
        json.loads(script.string or "")
        for script in select(page, 'script[type="application/ld+json"]')
    ]


def csrf_token(page: Page) -> str:
    return one(page, 'input[name="csrfmiddlewaretoken"]')["value"]


# --- the listings (directory, needs board, search): templates/listing.html --------------------


def result_count(page: Page) -> int:
    """The number the results heading starts with ("3 Akteure gefunden")."""
    text = text_of(page, ".results__count")
    first = text.split(maxsplit=1)[0] if text else ""
    assert first.isdigit(), f"no count at the start of the results heading {text!r}"
    return int(first)


def facet_boxes(page: Page, name: str) -> list[tuple[str, bool, int]]:
    """(value, checked, count) of each checkbox of one filter that shows a count in its label."""
    document = soup(page)
    boxes = []
    for box in document.select(f'input[type="checkbox"][name="{name}"]'):
        label = document.find("label", attrs={"for": box["id"]}) if box.get("id") else None
        count = label.select_one(".count") if label else None
        if count is not None:
            boxes.append((box.get("value", "on"), box.has_attr("checked"), int(text_of(count))))
    return boxes


def facet_counts(page: Page, name: str) -> dict[str, int]:
    """The count shown beside each value of one filter; values without hits are not shown."""
    return {value: count for value, _checked, count in facet_boxes(page, name)}


def checked_values(page: Page, name: str) -> set[str]:
    return {value for value, checked, _count in facet_boxes(page, name) if checked}


# What a browser leaves out of a form submission: buttons send their value only when clicked.
NOT_SUBMITTED = {"submit", "button", "image", "reset", "file"}


def _disabled(field: Tag) -> bool:
    if field.has_attr("disabled"):
        return True
    return any(fieldset.has_attr("disabled") for fieldset in field.find_parents("fieldset"))


def form_data(page: Page, form_selector: str | None = None) -> dict[str, list[str]]:
    """The fields of a form with their current values, as a browser would submit them.

    `form_selector` names the form; without one, the page's main content must hold exactly one
    form sent by POST (the header's sign-out form is outside <main>, search boxes use GET).
    Checked boxes and radio buttons
    only, the selected options of a select (else its first, as browsers do), textareas without
    the newline that may follow the opening tag, nothing disabled, no buttons or files.
    """
    if not isinstance(page, str | Tag):
        assert page.status_code == 200, page.content.decode()[:2000]
    if form_selector is None:
        document = soup(page)
        content = document.find("main") or document
        forms = [
            form for form in content.select("form") if form.get("method", "").lower() == "post"
        ]
        assert len(forms) == 1, f"{len(forms)} POST forms in the page's content: name one"
        form = forms[0]
    else:
        form = one(page, form_selector)
    data: dict[str, list[str]] = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        if _disabled(field):
            continue
        name = field["name"]
        if field.name == "input":
            kind = field.get("type", "text").lower()
            if kind in NOT_SUBMITTED:
                continue
            if kind in {"checkbox", "radio"}:
                if field.has_attr("checked"):
                    data.setdefault(name, []).append(field.get("value", "on"))
                continue
            data.setdefault(name, []).append(field.get("value", ""))
        elif field.name == "select":
            options = [option for option in field.select("option") if not _disabled(option)]
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not field.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                value = option.get("value")
                data.setdefault(name, []).append(
                    value if value is not None else " ".join(option.get_text().split())
                )
        else:
            data.setdefault(name, []).append(field.get_text().removeprefix("\n"))
    return data
