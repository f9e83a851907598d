"""PostgreSQL: a GIN index on the titles' terms alone, which suggestions match against, so a
prefix typed is looked up among titles without reading every body that contains it."""

from django.db import migrations

from search.migrations import _fulltext

FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_fts ON search_indexentry "
    "USING GIN (to_tsvector('simple', title_terms))",
]
BACKWARD = ["DROP INDEX IF EXISTS search_indexentry_title_fts"]


class Migration(migrations.Migration):
    dependencies = [("search", "0008_pages_only_in_our_index")]

    operations = [
        migrations.RunPython(
            _fulltext.run({"postgresql": FORWARD}), _fulltext.run({"postgresql": BACKWARD})
        )
    ]
