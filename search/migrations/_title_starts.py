"""The suggestions' table of title starts and the triggers that keep it in step with the index,
shared by the migrations that (re)create them.

One row per start of every title token (search_indexentry.title_terms: the title's, the
keywords' and the translated titles' analysed words) and entry: "b", "be", "ber", … "beratung"
up to LONGEST_PREFIX characters, with the entry's weight (the length of its title terms,
shorter first). The primary key (prefix, weight, entry_id) hands a typed prefix's entries over
in the order they are suggested, so a lookup reads a few dozen rows whatever the index holds.
The triggers write the rows in the transaction that writes the entry, as the FTS triggers do:
a suggestion never shows what did not commit, and no request rebuilds anything.

SQLite drops a table's triggers when a migration rebuilds it (adding a column to
search_indexentry does): such a migration runs SQLITE_TRIGGERS and FILL again.
"""

# search.suggestions.LONGEST_PREFIX: longer query forms are checked against the title terms.
LONGEST_PREFIX = 20

_SQLITE_LENGTHS = "[" + ",".join(str(n) for n in range(1, LONGEST_PREFIX + 1)) + "]"
# The title terms as a JSON array of tokens (they hold letters and digits only; quotes and
# backslashes are escaped all the same, so no text can break the entry's write).
_SQLITE_TOKENS = (
    "json_each('[\"' || replace(replace(replace({terms}, '\\', '\\\\'), '\"', '\\\"'), "
    "' ', '\",\"') || '\"]')"
)


def _sqlite_starts(row: str, source: str = "") -> str:
    tokens = _SQLITE_TOKENS.format(terms=f"{row}.title_terms")
    return (
        "INSERT INTO search_titlestart (prefix, weight, entry_id) "
        f"SELECT DISTINCT substr(token.value, 1, n.value), length({row}.title_terms), {row}.id "
        f"FROM {source}{tokens} AS token, json_each('{_SQLITE_LENGTHS}') AS n "
        "WHERE n.value <= length(token.value)"
    )


SQLITE_TABLE = [
    "CREATE TABLE search_titlestart ("
    "prefix TEXT NOT NULL, weight INTEGER NOT NULL, entry_id INTEGER NOT NULL, "
    "PRIMARY KEY (prefix, weight, entry_id)) WITHOUT ROWID",
    "CREATE UNIQUE INDEX search_titlestart_entry ON search_titlestart (entry_id, prefix)",
]
SQLITE_TRIGGERS = [
    "CREATE TRIGGER search_titlestart_insert AFTER INSERT ON search_indexentry BEGIN "
    f"{_sqlite_starts('new')}; END",
    "CREATE TRIGGER search_titlestart_delete AFTER DELETE ON search_indexentry BEGIN "
    "DELETE FROM search_titlestart WHERE entry_id = old.id; END",
    "CREATE TRIGGER search_titlestart_update AFTER UPDATE ON search_indexentry "
    "WHEN old.title_terms IS NOT new.title_terms OR old.id IS NOT new.id BEGIN "
    "DELETE FROM search_titlestart WHERE entry_id = old.id; "
    f"{_sqlite_starts('new')}; END",
]
SQLITE_FILL = [
    "DELETE FROM search_titlestart",
    _sqlite_starts("e", source="search_indexentry AS e, "),
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_titlestart_update",
    "DROP TRIGGER IF EXISTS search_titlestart_delete",
    "DROP TRIGGER IF EXISTS search_titlestart_insert",
    "DROP TABLE IF EXISTS search_titlestart",
]

_POSTGRES_STARTS = (
    "INSERT INTO search_titlestart (prefix, weight, entry_id) "
    "SELECT DISTINCT left(token, n), length({row}.title_terms), {row}.id "
    "FROM {source}unnest(string_to_array({row}.title_terms, ' ')) AS token, "
    f"generate_series(1, least(length(token), {LONGEST_PREFIX})) AS n"
)
POSTGRES_TABLE = [
    'CREATE TABLE search_titlestart (prefix text COLLATE "C" NOT NULL, '
    "weight integer NOT NULL, entry_id integer NOT NULL, "
    "PRIMARY KEY (prefix, weight, entry_id))",
    "CREATE UNIQUE INDEX search_titlestart_entry ON search_titlestart (entry_id, prefix)",
]
POSTGRES_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION search_titlestart_write() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP <> 'INSERT' THEN DELETE FROM search_titlestart WHERE entry_id = OLD.id; END IF; "
    "IF TG_OP <> 'DELETE' THEN "
    f"{_POSTGRES_STARTS.format(row='NEW', source='')}; END IF; "
    "RETURN NULL; END $$",
    # Django's flush empties the tables with TRUNCATE, which row triggers do not see.
    "CREATE OR REPLACE FUNCTION search_titlestart_truncate() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN TRUNCATE search_titlestart; RETURN NULL; END $$",
    "CREATE TRIGGER search_titlestart_insert AFTER INSERT ON search_indexentry "
    "FOR EACH ROW EXECUTE FUNCTION search_titlestart_write()",
    "CREATE TRIGGER search_titlestart_delete AFTER DELETE ON search_indexentry "
    "FOR EACH ROW EXECUTE FUNCTION search_titlestart_write()",
    "CREATE TRIGGER search_titlestart_update AFTER UPDATE ON search_indexentry FOR EACH ROW "
    "WHEN (OLD.title_terms IS DISTINCT FROM NEW.title_terms OR OLD.id <> NEW.id) "
    "EXECUTE FUNCTION search_titlestart_write()",
    "CREATE TRIGGER search_titlestart_truncate AFTER TRUNCATE ON search_indexentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_titlestart_truncate()",
]
POSTGRES_FILL = [
    "TRUNCATE search_titlestart",
    _POSTGRES_STARTS.format(row="e", source="search_indexentry e, "),
    "ANALYZE search_titlestart",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS search_titlestart_truncate ON search_indexentry",
    "DROP TRIGGER IF EXISTS search_titlestart_update ON search_indexentry",
    "DROP TRIGGER IF EXISTS search_titlestart_delete ON search_indexentry",
    "DROP TRIGGER IF EXISTS search_titlestart_insert ON search_indexentry",
    "DROP FUNCTION IF EXISTS search_titlestart_truncate()",
    "DROP FUNCTION IF EXISTS search_titlestart_write()",
    "DROP TABLE IF EXISTS search_titlestart",
]
