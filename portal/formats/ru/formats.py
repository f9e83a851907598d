"""Russian: the month in the genitive after a day ("8 декабря")."""

DATETIME_FORMAT = "j E Y г., H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j E"
