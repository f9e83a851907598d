"""What a source says an actor should look like, independent of the file it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Problem:
    """Why one value of one row cannot be imported; line is the file's own line number."""

    line: int
    column: str
    reason: str | Promise

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.reason}"


@dataclass
class HoursRecord:
    weekday: int
    opens: Any
    closes: Any
    by_appointment: bool = False

    def key(self) -> tuple:
        return (self.weekday, self.opens, self.closes, self.by_appointment)


@dataclass
class ChildRecord:
    """An offer, location or contact: its own fields and, where it has them, its terms."""

    fields: dict[str, Any] = field(default_factory=dict)
    relations: dict[str, list] = field(default_factory=dict)
    opening_hours: list[HoursRecord] | None = None


@dataclass
class ActorRecord:
    """Fields and terms given for one actor; None means the source says nothing about it.

    `replace_children` is set by sources that list every child (HSDS): children beyond those
    listed are removed. A spreadsheet row describes the first offer, location and contact only.
    """

    line: int
    slug: str
    external_id: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    relations: dict[str, list] = field(default_factory=dict)
    children: dict[str, list[ChildRecord]] = field(default_factory=dict)
    replace_children: bool = False
