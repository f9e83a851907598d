"""The calendar's views as clean GET parameters: ?view=list, ?view=month&month=2026-12,
?view=week&week=2026-W49. Each period knows its window and its neighbours, for no-JS paging.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from events.recurrence import aware

LIST, MONTH, WEEK = "list", "month", "week"
VIEWS = (LIST, MONTH, WEEK)
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
LIST_DAYS = 90


class InvalidPeriod(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Period:
    view: str
    first_day: datetime.date
    last_day: datetime.date  # inclusive
    key: str = ""  # "2026-12" or "2026-W49"; "" for the list

    @property
    def since(self) -> datetime.datetime:
        return aware(datetime.datetime.combine(self.first_day, datetime.time()))

    @property
    def until(self) -> datetime.datetime:
        return aware(
            datetime.datetime.combine(self.last_day + datetime.timedelta(days=1), datetime.time())
        )

    @property
    def days(self) -> list[datetime.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + datetime.timedelta(days=offset) for offset in range(count)]

    @property
    def previous_key(self) -> str:
        return _key(self.view, self.first_day - datetime.timedelta(days=1))

    @property
    def next_key(self) -> str:
        return _key(self.view, self.last_day + datetime.timedelta(days=1))

    @property
    def weeks(self) -> list[list[datetime.date | None]]:
        """The month as rows of Monday to Sunday, days of other months left empty."""
        lead = [None] * self.first_day.weekday()
        cells: list[datetime.date | None] = [*lead, *self.days]
        cells += [None] * (-len(cells) % 7)
        return [cells[index : index + 7] for index in range(0, len(cells), 7)]


def _key(view: str, day: datetime.date) -> str:
    if view == MONTH:
        return f"{day:%Y-%m}"
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_period(key: str) -> Period:
    match = MONTH_RE.match(key)
    if not match or not 1 <= int(match[2]) <= 12 or not 1900 < int(match[1]) < 2200:
        raise InvalidPeriod("month", _("Bitte geben Sie den Monat als JJJJ-MM an, z. B. 2026-12."))
    first = datetime.date(int(match[1]), int(match[2]), 1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return Period(MONTH, first, following - datetime.timedelta(days=1), key)


def week_period(key: str) -> Period:
    match = WEEK_RE.match(key)
    try:
        if not match or not 1900 < int(match[1]) < 2200:
            raise ValueError(key)
        monday = datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError as exc:
        raise InvalidPeriod(
            "week", _("Bitte geben Sie die Kalenderwoche als JJJJ-Www an, z. B. 2026-W49.")
        ) from exc
    return Period(WEEK, monday, monday + datetime.timedelta(days=6), key)


def period_from(params: dict, today: datetime.date) -> Period:
    """The period the parameters ask for; the current month or week when none is named."""
    view = params.get("view") or LIST
    if view not in VIEWS:
        raise InvalidPeriod("view", _("Bitte wählen Sie Liste, Monat oder Woche."))
    if view == MONTH:
        return month_period(params.get("month") or _key(MONTH, today))
    if view == WEEK:
        return week_period(params.get("week") or _key(WEEK, today))
    return Period(LIST, today, today + datetime.timedelta(days=LIST_DAYS - 1))
