"""The import template, made from the column definitions so it can never disagree with them."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from directory.imports.columns import COLUMNS

EXAMPLE = {
    "slug": "sprachcafe-weissenfels",
    "name": "Sprachcafé Weißenfels e.V.",
    "kind": "Verein / NGO",
    "short_description": "Wir treffen uns jede Woche und sprechen Deutsch.",
    "email": "info@sprachcafe.example",
    "website": "https://sprachcafe.example/",
    "works_online": "nein",
    "topics": "Sprachcafé, Beratung",
    "languages": "de, ar, uk",
    "offer_name": "Gesprächsrunde",
    "offer_topics": "Sprachcafé",
    "offer_is_free": "ja",
    "offer_availability": "open",
    "street": "Markt 1",
    "postcode": "06667",
    "town": "Weißenfels",
    "municipality": "Weißenfels",
    "opening_hours": "Di 15:00-17:00, Do 10:00-12:00 nach Vereinbarung",
    "contact_name": "Alex Beispiel",
    "contact_email": "alex@sprachcafe.example",
}


def template_csv() -> bytes:
    """UTF-8 with a byte order mark, so that Excel shows the umlauts right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.key for column in COLUMNS])
    writer.writerow([EXAMPLE.get(column.key, "") for column in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Akteure"
    sheet.append([column.key for column in COLUMNS])
    sheet.append([EXAMPLE.get(column.key, "") for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
