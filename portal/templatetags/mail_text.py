"""Filters of the plain-text mails: what people typed is set apart from the portal's words.

A mail quoting user text (a helper's message to a coordinator, a chat message to the person
mentioned) shows it as a quoted block under a header that says whose words these are and that
nobody checked them; each of its lines starts with "> ", so no line of it can pass for a line
of the portal's own (docs/security.md, "Mail").
"""

from __future__ import annotations

from django import template

from portal.names import without_invisible

register = template.Library()


@register.filter
def quoted(value: object) -> str:
    """Every line of the text behind "> ", as mail programs quote."""
    lines = without_invisible(str(value or "")).splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


@register.filter
def one_line(value: object) -> str:
    """The text on one line: line breaks and runs of white space become single spaces."""
    return " ".join(without_invisible(str(value or "")).split())
