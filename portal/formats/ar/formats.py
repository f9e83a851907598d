"""Arabic: the day first in dates with a time too (Django's fallback is the US month/day),
the Arabic comma, the 24-hour clock used on the agency's timetables."""

DATETIME_FORMAT = "j F، Y، H:i"
TIME_FORMAT = "H:i"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y، H:i"
FIRST_DAY_OF_WEEK = 1
