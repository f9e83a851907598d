"""Suggestions look a typed prefix up in a table of title starts kept by triggers
(search/migrations/_title_starts.py) instead of ranking every title it starts with full text:
at 10,000 documents that statement alone took longer than a suggestion may."""

from django.db import migrations

from search.migrations import _fulltext, _title_starts

FORWARD = {
    "sqlite": [
        *_title_starts.SQLITE_TABLE,
        *_title_starts.SQLITE_TRIGGERS,
        *_title_starts.SQLITE_FILL,
    ],
    "postgresql": [
        *_title_starts.POSTGRES_TABLE,
        *_title_starts.POSTGRES_TRIGGERS,
        *_title_starts.POSTGRES_FILL,
    ],
}
BACKWARD = {"sqlite": _title_starts.SQLITE_DROP, "postgresql": _title_starts.POSTGRES_DROP}


class Migration(migrations.Migration):
    dependencies = [("search", "0010_index_translations")]

    operations = [migrations.RunPython(_fulltext.run(FORWARD), _fulltext.run(BACKWARD))]
