"""The index keeps each document's translations (shown to readers of their language); their
words are tagged in the terms columns. SQLite rebuilds search_indexentry to add a column, which
drops its FTS triggers: they are put back and FTS5 re-reads the table, as in 0004. Run
`manage.py search_index rebuild` once afterwards to index the translations."""

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
    dependencies = [("search", "0009_postgres_title_index")]

    operations = [
        migrations.AddField(
            model_name="indexentry",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(
            _fulltext.run({"sqlite": SQLITE_FORWARD}),
            _fulltext.run({"sqlite": SQLITE_FORWARD}),
        ),
    ]
