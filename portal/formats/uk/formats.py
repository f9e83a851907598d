"""Ukrainian: the month in the genitive after a day ("8 грудня"), the nominative alone ("грудень
2025")."""

DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р., H:i"
MONTH_DAY_FORMAT = "j E"
