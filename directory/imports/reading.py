"""Reading spreadsheets as they arrive: CSV in any of the usual encodings and separators, XLSX.

Spreadsheet programs on German Windows machines still write cp1252 with semicolons, others UTF-8
with or without a byte order mark; both are detected rather than asked for.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TypeVar

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

T = TypeVar("T")
SPREADSHEET_SUFFIXES = {".csv", ".txt", ".xlsx"}
# Limits of one import file (docs/security.md): far above the network's size, and low enough that
# reading a file can never tie up a worker. Files beyond them are refused before any row is checked.
MAX_ROWS = 20_000
MAX_COLUMNS = 100
MAX_CELLS = 200_000
# What an XLSX (a zip archive) may unpack to, read from the archive's directory before opening it.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 1_000
MAX_MERGED_CELLS = 100_000
SHEET_NAMESPACE = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MERGE_CELL = f"{SHEET_NAMESPACE}mergeCell"
ROW = f"{SHEET_NAMESPACE}row"
XML_ERRORS = (ElementTree.ParseError, DefusedXmlException)


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


def _too_big(what: str, limit: int) -> UnreadableFile:
    return UnreadableFile(
        f"The file has more than {limit} {what}, more than one import takes; "
        "please split it into smaller files."
    )


def at_most(rows: Iterator[T], limit: int) -> Iterator[T]:
    """The rows of a source read row by row, refused as a whole beyond the limit."""
    for read, item in enumerate(rows, start=1):
        if read > limit:
            raise _too_big("rows", limit)
        yield item


def _bounded(rows: Iterator[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Every row read up front within the limits, so that a file beyond them is refused before
    its first row is checked; empty rows count too, they cost as much to read."""
    kept: list[tuple[int, list[str]]] = []
    cells = 0
    for read, (line, values) in enumerate(rows, start=1):
        if read > MAX_ROWS:
            raise _too_big("rows", MAX_ROWS)
        if len(values) > MAX_COLUMNS:
            raise _too_big("columns", MAX_COLUMNS)
        cells += len(values)
        if cells > MAX_CELLS:
            raise _too_big("cells", MAX_CELLS)
        if any(value.strip() for value in values):
            kept.append((line, values))
    return kept


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
    if len(headers) > MAX_COLUMNS:
        raise _too_big("columns", MAX_COLUMNS)

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for values in reader:
                yield reader.line_num, values
        except csv.Error as exc:
            raise UnreadableFile(f"Line {reader.line_num}: {exc}") from exc

    return Table(headers=headers, rows=iter(_bounded(rows())))


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


def _check_archive(source: IO[bytes]) -> None:
    """An XLSX is a zip archive: what it would unpack to is read from its directory, before
    openpyxl opens anything, so a small file that unpacks to gigabytes is refused unread."""
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(f"Not a readable XLSX file: {exc}") from exc
    finally:
        source.seek(0)
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise UnreadableFile(f"Not a readable XLSX file: more than {MAX_ARCHIVE_MEMBERS} parts.")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"The workbook unpacks to {unpacked // (1024 * 1024)} MB, more than the "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB one import takes; "
            "please split it into smaller files."
        )


def _merged_ranges(workbook: Any, sheet: Any) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell a merged range covers → the range's first cell, read from the sheet's XML
    (streaming worksheets do not parse merges). Ranges are clipped to the limits."""
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    # openpyxl keeps the streamed sheet's archive and path on these two attributes.
    with workbook._archive.open(sheet._worksheet_path) as xml:
        for _event, element in ElementTree.iterparse(xml):
            if element.tag == ROW:
                element.clear()
            if element.tag != MERGE_CELL:
                continue
            try:
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
            except (TypeError, ValueError):
                continue
            for row in range(min_row, min(max_row, MAX_ROWS + 1) + 1):
                for column in range(min_col, min(max_col, MAX_COLUMNS) + 1):
                    covered[(row, column)] = (min_row, min_col)
                if len(covered) > MAX_MERGED_CELLS:
                    raise _too_big("merged cells", MAX_MERGED_CELLS)
    return covered


def _first_sheet(workbook: Any) -> tuple[Any, dict[tuple[int, int], tuple[int, int]]]:
    """The first sheet, refused if its declared size is beyond the limits, and its merges."""
    try:
        sheet = workbook.worksheets[0]
        declared_rows, declared_columns = sheet.max_row, sheet.max_column
        if declared_rows is not None and declared_rows > MAX_ROWS + 1:
            raise _too_big("rows", MAX_ROWS)
        if declared_columns is not None and declared_columns > MAX_COLUMNS:
            raise _too_big("columns", MAX_COLUMNS)
        if declared_rows and declared_columns and declared_rows * declared_columns > MAX_CELLS:
            raise _too_big("cells", MAX_CELLS)
        # The declared size may be wrong; rows are read as they are and counted instead.
        sheet.reset_dimensions()
        return sheet, _merged_ranges(workbook, sheet)
    except (KeyError, OSError, ValueError, IndexError, *XML_ERRORS) as exc:
        raise UnreadableFile(f"Not a readable XLSX file: {exc}") from exc


def read_xlsx(source: IO[bytes]) -> Table:
    """The first sheet, streamed; a merged range gives its value to every cell it covers."""
    _check_archive(source)
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, *XML_ERRORS) as exc:
        raise UnreadableFile(f"Not a readable XLSX file: {exc}") from exc
    try:
        sheet, covered = _first_sheet(workbook)
    except UnreadableFile:
        workbook.close()
        raise
    anchors: dict[tuple[int, int], object] = {}

    def with_merged(number: int, values: tuple) -> list[str]:
        texts = []
        for column, value in enumerate(values, start=1):
            anchor = covered.get((number, column))
            if anchor == (number, column):
                anchors[anchor] = value
            elif anchor is not None:
                value = anchors.get(anchor)
            texts.append(cell_text(value))
        return texts

    def numbered() -> Iterator[tuple[int, list[str]]]:
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if len(values) > MAX_COLUMNS:
                    raise _too_big("columns", MAX_COLUMNS)
                yield number, with_merged(number, values)
        except (KeyError, ValueError, *XML_ERRORS) as exc:
            raise UnreadableFile(f"Not a readable XLSX file: {exc}") from exc
        finally:
            workbook.close()

    all_rows = numbered()
    try:
        _line, headers = next(all_rows)
    except StopIteration as exc:
        raise UnreadableFile("The workbook's first sheet is empty.") from exc
    return Table(headers=headers, rows=iter(_bounded(all_rows)))


def read_table(source: IO[bytes], name: str) -> Table:
    suffix = Path(name).suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise UnreadableFile(f"Unknown file type {suffix or '(none)'}: use .csv or .xlsx.")
    if suffix == ".xlsx":
        return read_xlsx(source)
    return read_csv(source.read())
