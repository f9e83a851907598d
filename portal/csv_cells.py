"""Cells of the CSV files the portal writes, safe to open in a spreadsheet program (OWASP CSV
injection): a cell that starts like a formula (=, +, -, @, tab, carriage return) gets a leading
apostrophe, so Excel and LibreOffice show it as text instead of running it. Plain numbers stay as
they are; reading our own files back takes the apostrophe off again.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
QUOTE = "'"


def safe_cell(value: object) -> object:
    """The value as written to a cell: text that a spreadsheet would run is turned into text."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.match(value)
    ):
        return QUOTE + value
    return value


def read_cell(value: str) -> str:
    """The value a cell written by safe_cell stood for."""
    if value.startswith(QUOTE) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
