"""The demo's editorial pages per interface language: one module per language, each with
`PAGES`, slug of the German page → field → text ("" is the home page)."""

from __future__ import annotations


def bring(*items: str) -> str:
    """The "please bring" list of a unit page, as the German pages write it."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
