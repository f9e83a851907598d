"""SQLite rebuilt search_indexentry to add the columns of 0003, which dropped its FTS triggers:
put them back and let FTS5 re-read the table."""

from django.db import migrations

from search.migrations import _fulltext

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    *_fulltext.SQLITE_TRIGGERS,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_presentation_and_synonyms")]

    operations = [
        migrations.RunPython(_fulltext.run({"sqlite": SQLITE_FORWARD}), migrations.RunPython.noop)
    ]
