"""PostgreSQL: the weighted tsvector becomes a stored generated column with the GIN index on it,
so ranking reads it instead of building it again for every matching row."""

from django.db import migrations

from search.migrations import _fulltext

VECTOR = (
    "setweight(to_tsvector('simple', title_terms), 'A') || "
    "setweight(to_tsvector('simple', body_terms), 'B')"
)
FORWARD = [
    "DROP INDEX IF EXISTS search_indexentry_fts",
    f"ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX search_indexentry_fts ON search_indexentry USING GIN (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_indexentry_fts",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS search_vector",
    f"CREATE INDEX search_indexentry_fts ON search_indexentry USING GIN (({VECTOR}))",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_seed_synonyms")]

    operations = [
        migrations.RunPython(
            _fulltext.run({"postgresql": FORWARD}), _fulltext.run({"postgresql": BACKWARD})
        )
    ]
