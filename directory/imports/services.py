"""An import run: read the source, check every row, then write what may be written.

Rows are checked before anything is written, so `all_or_nothing` can refuse the whole file
without having touched the database, and a dry run reports exactly what a real run would do.
The search index is brought up to date once at the end, not once per saved child.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import transaction

from directory.imports.applying import (
    CREATED,
    ERROR,
    UNCHANGED,
    UPDATED,
    Outcome,
    load_existing,
    match,
    plan,
    write,
)
from directory.imports.hsds_reading import is_hsds_source, read_hsds
from directory.imports.reading import MAX_ROWS, UnreadableFile, at_most, read_table
from directory.imports.records import ActorRecord, Problem
from directory.imports.spreadsheet import read_header, read_rows
from directory.imports.vocabulary import Vocabularies
from network.audit import record as audit
from search import registry

Progress = Callable[[int, int], None]
CHUNK = 500
PROGRESS_STEP = 25


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    all_or_nothing: bool
    outcomes: list[Outcome] = field(default_factory=list)
    file_problems: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    refused: bool = False

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(outcome.status for outcome in self.outcomes)
        return {status: counted[status] for status in (CREATED, UPDATED, UNCHANGED, ERROR)}

    @property
    def problems(self) -> list[Problem]:
        return [problem for outcome in self.outcomes for problem in outcome.problems]


@contextmanager
def _quiet_wagtail() -> Iterator[None]:
    """Wagtail logs every save and publish at INFO; an import would bury its own report."""
    loggers = [logging.getLogger(name) for name in ("wagtail", "django_tasks")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


@contextmanager
def _opened(source: Path | IO[bytes]) -> Iterator[IO[bytes]]:
    if isinstance(source, Path):
        with source.open("rb") as handle:
            yield handle
    else:
        yield source


def _read(
    source: Path | IO[bytes], name: str, report: ImportReport
) -> list[tuple[int, ActorRecord | None, list[Problem]]] | None:
    """Every row checked, or None when the file as a whole cannot be read."""
    vocabularies = Vocabularies.load()
    try:
        if is_hsds_source(source, name):
            return list(at_most(read_hsds(source, vocabularies), MAX_ROWS))
        with _opened(source) as handle:
            table = read_table(handle, name)
            header = read_header(table.headers)
            report.ignored_columns = header.unknown + header.duplicates
            if "slug" not in header.present:
                report.file_problems.append(
                    "The file has no column 'slug' (the key of each actor)."
                )
                return None
            return list(read_rows(table, vocabularies))
    except (UnreadableFile, OSError) as unreadable:
        report.file_problems.append(str(unreadable))
        return None
    except RecursionError:
        report.file_problems.append("The file is nested too deeply to be read.")
        return None


def import_actors(
    source: Path | IO[bytes],
    *,
    name: str,
    acting_user: Any,
    dry_run: bool = False,
    all_or_nothing: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a spreadsheet or an HSDS package; the report says what happened to each row."""
    report = ImportReport(source=name, dry_run=dry_run, all_or_nothing=all_or_nothing)
    rows = _read(source, name, report)
    if rows is None:
        return report
    checked = [
        (record, Outcome(line, record.slug if record else "", ERROR, problems=problems))
        for line, record, problems in rows
    ]
    # The index is brought up to date once per actor, after the transaction has committed.
    with _quiet_wagtail(), registry.deferred(), transaction.atomic():
        report.outcomes = _apply(checked, report, acting_user=acting_user, progress=progress)
        if report.refused or dry_run:
            transaction.set_rollback(True)
        else:
            audit(
                "actors.imported",
                user=acting_user,
                source=name,
                all_or_nothing=all_or_nothing,
                **report.counts,
            )
    return report


def _apply(
    checked: list[tuple[ActorRecord | None, Outcome]],
    report: ImportReport,
    *,
    acting_user: Any,
    progress: Progress | None,
) -> list[Outcome]:
    """Plan every row first (all or nothing needs the whole verdict), then write in chunks."""
    outcomes: list[Outcome] = []
    planned: list[ActorRecord] = []
    for start in range(0, len(checked), CHUNK):
        chunk = checked[start : start + CHUNK]
        by_slug, by_external_id = load_existing(record for record, _ in chunk if record is not None)
        for record, outcome in chunk:
            if record is None:
                outcomes.append(outcome)
                continue
            actor, problems = match(record, by_slug, by_external_id)
            outcome = (
                Outcome(record.line, record.slug, ERROR, problems=problems)
                if problems
                else plan(record, actor)
            )
            outcomes.append(outcome)
            if outcome.status != ERROR:
                planned.append(record)
    if report.dry_run:
        return outcomes
    if report.all_or_nothing and any(outcome.status == ERROR for outcome in outcomes):
        report.refused = True
        return outcomes
    written = {}
    for start in range(0, len(planned), CHUNK):
        chunk = planned[start : start + CHUNK]
        # Planning merged the records into these actors in memory; start from the database again.
        by_slug, by_external_id = load_existing(chunk)
        for offset, record in enumerate(chunk, start=start + 1):
            actor, _problems = match(record, by_slug, by_external_id)
            written[record.line] = write(record, actor, acting_user=acting_user)
            if progress is not None and (offset % PROGRESS_STEP == 0 or offset == len(planned)):
                progress(offset, len(planned))
    if report.all_or_nothing and any(outcome.status == ERROR for outcome in written.values()):
        report.refused = True
    return [
        written.get(outcome.line, outcome) if outcome.status != ERROR else outcome
        for outcome in outcomes
    ]
