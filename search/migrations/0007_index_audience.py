"""Who may find an entry besides the public. SQLite rebuilds search_indexentry to add the column,
which drops its FTS triggers (as in 0004): put them back and let FTS5 re-read the table."""

from django.db import migrations, models

from search.migrations import _fulltext

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    *_fulltext.SQLITE_TRIGGERS,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_search_vector")]

    operations = [
        migrations.AddField(
            model_name="indexentry",
            name="audience",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(_fulltext.run({"sqlite": SQLITE_FORWARD}), migrations.RunPython.noop),
    ]
