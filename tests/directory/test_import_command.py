"""`manage.py import_actors` with spreadsheets: encodings, separators, XLSX, bad rows, re-runs."""

from __future__ import annotations

import datetime
import io
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook
from wagtail.models import Revision

from network.models import Actor, AuditEntry, Location
from tests.factories import ActorFactory, LocationFactory, OfferFactory

HEADER = [
    "slug",
    "name",
    "kind",
    "short_description",
    "email",
    "website",
    "topics",
    "languages",
    "street",
    "postcode",
    "town",
    "municipality",
    "opening_hours",
    "offer_name",
    "offer_topics",
    "contact_name",
    "contact_email",
]
GOOD = [
    "sprachcafe-weissenfels",
    "Sprachcafé Weißenfels",
    "Verein / NGO",
    "Wir üben gemeinsam Deutsch.",
    "info@sprachcafe.example",
    "https://sprachcafe.example/",
    "Sprachcafe, Beratung",
    "de; Arabisch",
    "Markt 1",
    "6667",
    "Weißenfels",
    "Weissenfels",
    "Mo 09:00-12:00, Mi 14:00-16:00 nach Vereinbarung",
    "Gesprächsrunde",
    "sprachcafe",
    "Alex Beispiel",
    "alex@sprachcafe.example",
]


def row(**changes: str) -> list[str]:
    values = dict(zip(HEADER, GOOD, strict=True))
    values.update(changes)
    return [values[column] for column in HEADER]


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"):
    lines = [delimiter.join(f'"{value}"' for value in values) for values in [HEADER, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_actors", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_creates_a_published_actor_with_offer_location_contact_and_hours(tmp_path):
    out, err = run(write_csv(tmp_path / "netzwerk.csv", [row()]))

    actor = Actor.objects.get(slug="sprachcafe-weissenfels")
    assert "Imported: 1 created, 0 updated, 0 unchanged, 0 with errors." in out
    assert err == ""
    assert actor.live and not actor.has_unpublished_changes
    assert actor.live_revision is not None
    assert actor.kind == "association"
    assert sorted(actor.topics.values_list("slug", flat=True)) == ["beratung", "sprachcafe"]
    assert sorted(actor.languages.values_list("code", flat=True)) == ["ar", "de"]
    location = actor.locations.get()
    assert (location.postcode, location.municipality.slug) == ("06667", "weissenfels")
    assert [(h.weekday, h.opens, h.by_appointment) for h in location.opening_hours.all()] == [
        (0, datetime.time(9), False),
        (2, datetime.time(14), True),
    ]
    assert actor.offers.get().topics.get().slug == "sprachcafe"
    assert actor.contacts.get().email == "alex@sprachcafe.example"
    entry = AuditEntry.objects.get(action="actors.imported")
    assert entry.user is None
    assert entry.data["created"] == 1
    assert entry.data["source"] == "netzwerk.csv"


@pytest.mark.django_db
def test_it_changes_nothing_when_the_same_file_is_imported_twice(tmp_path):
    path = write_csv(tmp_path / "netzwerk.csv", [row(), row(slug="zweiter", name="Zweiter")])
    run(path)
    revisions = Revision.objects.count()

    out, _err = run(path)

    assert "0 created, 0 updated, 2 unchanged, 0 with errors" in out
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_it_updates_the_first_offer_and_location_and_keeps_the_others(tmp_path):
    actor = ActorFactory(slug="sprachcafe-weissenfels", name="Alter Name")
    LocationFactory(actor=actor, street="Alte Straße 1", sort_order=0)
    LocationFactory(actor=actor, street="Zweigstelle 2", sort_order=1)
    OfferFactory(actor=actor, name="Altes Angebot")

    out, _err = run(write_csv(tmp_path / "netzwerk.csv", [row()]))

    actor.refresh_from_db()
    assert "0 created, 1 updated" in out
    assert actor.name == "Sprachcafé Weißenfels"
    assert list(actor.locations.order_by("sort_order").values_list("street", flat=True)) == [
        "Markt 1",
        "Zweigstelle 2",
    ]
    assert list(actor.offers.values_list("name", flat=True)) == ["Gesprächsrunde"]
    assert actor.live_revision.content["name"] == "Sprachcafé Weißenfels"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("latin-1", ",")],
)
def test_it_detects_encoding_and_separator(tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "liste.csv", [row()], delimiter=delimiter, encoding=encoding)

    run(path)

    actor = Actor.objects.get(slug="sprachcafe-weissenfels")
    assert actor.name == "Sprachcafé Weißenfels"
    assert actor.short_description == "Wir üben gemeinsam Deutsch."


@pytest.mark.django_db
def test_it_reports_each_bad_row_and_still_imports_the_good_ones(tmp_path):
    rows = [
        row(),
        row(slug="unbekannte-gemeinde", municipality="Atlantis"),
        row(slug="falsche-mail", email="kein-at-zeichen"),
        row(slug="falsche-adresse", website="htp:/kaputt"),
        row(slug="sprachcafe-weissenfels", name="Doppelt"),
        row(slug="zu-lang", name="x" * 201),
        row(slug="ohne-name", name=""),
        row(slug="ohne-strasse", street=""),
        row(slug="gut-zwei", name="Gut Zwei"),
    ]

    out, err = run(write_csv(tmp_path / "liste.csv", rows))

    assert "2 created, 0 updated, 0 unchanged, 7 with errors" in out
    for expected in (
        "line 3, column municipality: „Atlantis“ ist unbekannt (Gemeinde).",
        "line 4, column email: „kein-at-zeichen“ ist keine gültige E-Mail-Adresse.",
        "line 5, column website: „htp:/kaputt“ ist keine gültige Internetadresse.",
        "line 6, column slug: „sprachcafe-weissenfels“ steht schon in Zeile 2.",
        "line 7, column name: zu lang (201 Zeichen, höchstens 200).",
        "line 8, column name: Pflichtfeld ist leer.",
        "line 9, column street: Pflichtfeld ist leer.",
    ):
        assert expected in err
    assert set(Actor.objects.values_list("slug", flat=True)) == {
        "sprachcafe-weissenfels",
        "gut-zwei",
    }
    assert Actor.objects.get(slug="sprachcafe-weissenfels").name == "Sprachcafé Weißenfels"


@pytest.mark.django_db
def test_it_imports_nothing_with_all_or_nothing_when_a_row_is_bad(tmp_path):
    path = write_csv(tmp_path / "liste.csv", [row(), row(slug="kaputt", email="@")])

    out, err = run(path, "--all-or-nothing")

    assert (
        "Nothing imported (--all-or-nothing): 1 created, 0 updated, 0 unchanged, 1 with errors"
        in out
    )
    assert "line 3, column email" in err
    assert not Actor.objects.exists()
    assert not AuditEntry.objects.filter(action="actors.imported").exists()


@pytest.mark.django_db
def test_it_reports_without_saving_on_a_dry_run(tmp_path):
    existing = ActorFactory(slug="zweiter", name="Zweiter alt")
    path = write_csv(tmp_path / "liste.csv", [row(), row(slug="zweiter", name="Zweiter neu")])

    out, _err = run(path, "--dry-run")

    assert "Dry run, nothing saved. Would be: 1 created, 1 updated, 0 unchanged" in out
    assert list(Actor.objects.values_list("slug", flat=True)) == ["zweiter"]
    existing.refresh_from_db()
    assert existing.name == "Zweiter alt"
    assert not existing.locations.exists()
    assert not Revision.objects.filter(object_id=str(existing.pk)).exists()


@pytest.mark.django_db
def test_it_matches_vocabulary_by_slug_code_or_name_with_or_without_umlauts(tmp_path):
    rows = [
        row(
            topics="MOBILITAET | Psychosoziale Unterstützung | kinder-und-familie",
            languages="Tuerkisch, uk, Русский",
            municipality="Hohenmölsen",
            kind="Öffentliche Stelle",
        ),
        row(slug="ortsteil", municipality="Bad Kösen", kind="oeffentliche stelle"),
    ]

    _out, err = run(write_csv(tmp_path / "liste.csv", rows))

    assert err == ""
    actor = Actor.objects.get(slug="sprachcafe-weissenfels")
    assert sorted(actor.topics.values_list("slug", flat=True)) == [
        "kinder-und-familie",
        "mobilitaet",
        "psychosoziale-unterstuetzung",
    ]
    assert sorted(actor.languages.values_list("code", flat=True)) == ["ru", "tr", "uk"]
    assert actor.kind == "public_service"
    assert actor.locations.get().municipality.slug == "hohenmoelsen"
    town = Location.objects.get(actor__slug="ortsteil")
    assert town.municipality.slug == "naumburg-saale"


@pytest.mark.django_db
def test_it_refuses_a_file_without_key_column_or_of_unknown_type(tmp_path):
    no_key = tmp_path / "liste.csv"
    no_key.write_text("name,kind\nA,project\n", "utf-8")
    unknown_type = tmp_path / "liste.ods"
    unknown_type.write_bytes(b"PK\x03\x04")

    with pytest.raises(CommandError):
        run(no_key)
    with pytest.raises(CommandError):
        run(unknown_type)
    with pytest.raises(CommandError):
        run(tmp_path / "fehlt.csv")
    assert not Actor.objects.exists()


@pytest.mark.django_db
def test_it_warns_about_unknown_columns_and_ignores_them(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_text(
        "slug,name,kind,short_description,Bemerkung\nneu,Neu,project,Kurz,intern\n", "utf-8"
    )

    out, err = run(path)

    assert "Column 'Bemerkung' is unknown" in err
    assert "1 created" in out


def xlsx(path: Path, rows: list[list[object]], merges: list[str] = ()) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for values in [HEADER, *rows]:
        sheet.append(values)
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    workbook.save(path)
    return path


@pytest.mark.django_db
def test_it_reads_xlsx_with_merged_cells_and_typed_values(tmp_path):
    first = row()
    first[HEADER.index("postcode")] = 6667
    second = row(slug="zweiter", name="Zweiter", municipality="", kind="")
    third = row(slug="dritter", name="Dritter", municipality="", kind="")
    municipality = f"{chr(ord('A') + HEADER.index('municipality'))}"
    kind = f"{chr(ord('A') + HEADER.index('kind'))}"
    path = xlsx(
        tmp_path / "liste.xlsx",
        [first, second, third],
        merges=[f"{municipality}2:{municipality}4", f"{kind}2:{kind}4"],
    )

    out, err = run(path)

    assert err == ""
    assert "3 created" in out
    assert set(Location.objects.values_list("municipality__slug", flat=True)) == {"weissenfels"}
    assert set(Location.objects.values_list("postcode", flat=True)) == {"06667"}
    assert set(Actor.objects.values_list("kind", flat=True)) == {"association"}


@pytest.mark.django_db
def test_it_reports_ten_thousand_rows_quickly_and_imports_none_of_them_if_one_is_bad(tmp_path):
    rows = [row(slug=f"akteur-{number}", name=f"Akteur {number}") for number in range(10_000)]
    rows[9_876] = row(slug="akteur-9876", municipality="Gibtsnicht")
    rows[9_999] = row(slug="akteur-5", name="Doppelt")
    path = write_csv(tmp_path / "gross.csv", rows, delimiter=";", encoding="cp1252")
    started = time.monotonic()

    out, err = run(path, "--all-or-nothing")

    assert time.monotonic() - started < 60
    assert "9998 created, 0 updated, 0 unchanged, 2 with errors" in out
    assert "line 9878, column municipality: „Gibtsnicht“ ist unbekannt (Gemeinde)." in err
    assert "line 10001, column slug: „akteur-5“ steht schon in Zeile 7." in err
    assert not Actor.objects.exists()
    assert not Location.objects.exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_it_draws_a_progress_bar_on_a_terminal_only(tmp_path):
    rows = [row(slug=f"akteur-{number}", name=f"Akteur {number}") for number in range(30)]
    path = write_csv(tmp_path / "liste.csv", rows)
    terminal, log = Terminal(), io.StringIO()

    call_command("import_actors", str(path), "--dry-run", stdout=log)
    call_command("import_actors", str(path), stdout=terminal)

    assert "[" not in log.getvalue()
    assert "] 25/30" in terminal.getvalue()
    assert "\r[" + "#" * 30 + "] 30/30\n" in terminal.getvalue()


@pytest.mark.django_db
def test_it_makes_imported_actors_findable_in_the_directory_search(tmp_path, client):
    run(write_csv(tmp_path / "liste.csv", [row(short_description="Wir reparieren Fahrräder.")]))

    response = client.get("/api/v1/actors/", {"q": "Fahrradwerkstatt Fahrräder"})

    assert [actor["slug"] for actor in response.json()["results"]] == ["sprachcafe-weissenfels"]
