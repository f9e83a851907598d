"""Import files beyond the documented limits are refused with the reason before any row is
checked: rows, columns, what an XLSX unpacks to, nesting of HSDS JSON."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from directory.imports.reading import MAX_CELLS, MAX_COLUMNS, MAX_ROWS
from directory.imports.services import import_actors
from network.models import Actor
from tests.factories import UserFactory

HEADER = "slug;name;kind;short_description;municipality;street;postcode;town"
ROW = "akteur-{n};Akteur {n};Projekt;Ein Projekt.;Zeitz;Markt 1;06712;Zeitz"


@pytest.fixture
def importer(db):
    return UserFactory(username="importer", is_superuser=True)


def run(importer, data: bytes, name: str):
    return import_actors(io.BytesIO(data), name=name, acting_user=importer, dry_run=True)


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_it_refuses_a_csv_with_more_rows_than_the_limit(importer):
    lines = [HEADER, *(ROW.format(n=n) for n in range(MAX_ROWS + 1))]

    report = run(importer, "\n".join(lines).encode(), "liste.csv")

    assert report.outcomes == []
    assert report.file_problems == [
        f"The file has more than {MAX_ROWS} rows, more than one import takes; "
        "please split it into smaller files."
    ]


def test_it_still_reads_a_csv_at_the_limit(importer):
    lines = [HEADER, *(ROW.format(n=n) for n in range(50))]

    report = run(importer, "\n".join(lines).encode(), "liste.csv")

    assert report.file_problems == []
    assert report.counts["created"] == 50


def test_it_refuses_a_csv_with_too_many_columns(importer):
    header = HEADER + ";" + ";".join(f"extra {n}" for n in range(MAX_COLUMNS))

    report = run(importer, (header + "\n" + ROW.format(n=1)).encode(), "liste.csv")

    assert report.outcomes == []
    assert f"more than {MAX_COLUMNS} columns" in report.file_problems[0]


def test_it_refuses_an_xlsx_whose_declared_rows_exceed_the_limit(importer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.append(ROW.format(n=1).split(";"))
    sheet.cell(row=MAX_ROWS + 5, column=1, value="akteur-ganz-unten")

    report = run(importer, workbook_bytes(workbook), "liste.xlsx")

    assert report.outcomes == []
    assert f"more than {MAX_ROWS} rows" in report.file_problems[0]


def test_it_refuses_an_xlsx_with_a_cell_beyond_the_column_limit(importer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.cell(row=2, column=MAX_COLUMNS + 50, value="weit rechts")

    report = run(importer, workbook_bytes(workbook), "liste.xlsx")

    assert f"more than {MAX_COLUMNS} columns" in report.file_problems[0]


def test_it_refuses_an_xlsx_that_unpacks_to_more_than_the_limit_before_opening_it(importer):
    workbook = Workbook()
    workbook.active.append(HEADER.split(";"))
    buffer = io.BytesIO(workbook_bytes(workbook))
    with (
        zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w") as padding,
    ):
        for _chunk in range(110):
            padding.write(b"\0" * (1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024

    report = run(importer, data, "liste.xlsx")

    assert report.outcomes == []
    assert "unpacks to 110 MB, more than the 100 MB one import takes" in report.file_problems[0]


def test_it_explains_an_xlsx_that_is_no_zip_archive(importer):
    report = run(importer, b"PK\x03\x04 not really", "liste.xlsx")

    assert report.file_problems[0].startswith("Not a readable XLSX file")


def test_it_refuses_deeply_nested_hsds_json_with_a_reason(importer):
    report = run(importer, b"[" * 50_000, "paket.json")

    assert len(report.file_problems) == 1
    assert report.outcomes == []
    assert not Actor.objects.exists()


def test_it_refuses_an_xlsx_with_more_cells_than_the_limit(importer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    sheet.cell(row=MAX_CELLS // MAX_COLUMNS + 2, column=MAX_COLUMNS, value="unten rechts")

    report = run(importer, workbook_bytes(workbook), "liste.xlsx")

    assert report.outcomes == []
    assert f"more than {MAX_CELLS} cells" in report.file_problems[0]
