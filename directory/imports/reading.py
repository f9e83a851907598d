"""Reading spreadsheets as they arrive: CSV in any of the usual encodings and separators, XLSX.

Spreadsheet programs on German Windows machines still write cp1252 with semicolons, others UTF-8
with or without a byte order mark; both are detected rather than asked for.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

SPREADSHEET_SUFFIXES = {".csv", ".txt", ".xlsx"}
# Above this size a workbook is streamed (read-only); merged cells need the full model below it.
STREAMING_THRESHOLD = 5 * 1024 * 1024


class UnreadableFile(Exception):
    """The file is not a table we can read at all (not a single row is usable)."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped) if it decodes, else cp1252, else latin-1, which always does."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(first_line: str) -> str:
    return ";" if first_line.count(";") > first_line.count(",") else ","


def read_csv(data: bytes) -> Table:
    text = decode(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        headers = next(reader)
    except StopIteration as exc:
        raise UnreadableFile("The file is empty.") from exc
    except csv.Error as exc:
        raise UnreadableFile(f"Not a readable CSV file: {exc}") from exc

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for values in reader:
                if any(value.strip() for value in values):
                    yield reader.line_num, values
        except csv.Error as exc:
            raise UnreadableFile(f"Line {reader.line_num}: {exc}") from exc

    return Table(headers=headers, rows=rows())


def cell_text(value: object) -> str:
    """Cells as the person typed them: 6667 stays "6667", a date becomes ISO, 1.0 becomes "1"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    return str(value)


def read_xlsx(source: IO[bytes], size: int) -> Table:
    """The first sheet; a merged range gives its value to every cell it covers."""
    streaming = size > STREAMING_THRESHOLD
    try:
        workbook = load_workbook(source, read_only=streaming, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile(f"Not a readable XLSX file: {exc}") from exc
    sheet = workbook.worksheets[0]
    merged: dict[tuple[int, int], object] = {}
    if not streaming:
        for cell_range in list(sheet.merged_cells.ranges):
            value = sheet.cell(cell_range.min_row, cell_range.min_col).value
            for row in range(cell_range.min_row, cell_range.max_row + 1):
                for column in range(cell_range.min_col, cell_range.max_col + 1):
                    merged[(row, column)] = value
    all_rows = sheet.iter_rows(values_only=True)

    def with_merged(number: int, values: tuple) -> list[str]:
        return [
            cell_text(merged.get((number, column), value))
            for column, value in enumerate(values, start=1)
        ]

    try:
        first = next(all_rows)
    except StopIteration as exc:
        raise UnreadableFile("The workbook's first sheet is empty.") from exc
    headers = with_merged(1, first)

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, values in enumerate(all_rows, start=2):
            texts = with_merged(number, values)
            if any(text.strip() for text in texts):
                yield number, texts
        workbook.close()

    return Table(headers=headers, rows=rows())


def read_table(source: IO[bytes], name: str) -> Table:
    suffix = Path(name).suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise UnreadableFile(f"Unknown file type {suffix or '(none)'}: use .csv or .xlsx.")
    if suffix == ".xlsx":
        source.seek(0, io.SEEK_END)
        size = source.tell()
        source.seek(0)
        return read_xlsx(source, size)
    return read_csv(source.read())
