"""Search benchmark: latency of the database backend beside the raw full-text SQL it issues.

For 100, 10,000 and 100,000 synthetic actors (bulk-inserted, then indexed by the registry's
batched rebuild) each query is run through the backend (analysis, synonyms, the SQL, ranking in
Python) and as the bare SQL statement the backend sends (`full_text_sql`), both with the same
limit, and p50/p95 are reported with their ratio: what the backend adds to the engine. Runs on a
fresh SQLite file unless --database-url names a PostgreSQL database (dropped and created
again). Writes its own section of docs/benchmarks.md between the search markers.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- search:start -->", "<!-- search:end -->"
SIZES = (100, 10_000, 100_000)
QUERIES = ("Beratung", "Deutschkurs Zeitz", "Sprachcafe Weissenfels", "Wohnung", "Lernpat")
WORDS = ("Sprachcafé", "Beratung", "Deutschkurs", "Frauentreff", "Lernpaten", "Begegnung")


def setup_django(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        path = Path(tempfile.mkdtemp()) / "bench-search.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_postgres_database(url: str) -> None:
    """The benchmark's own database, created afresh for each run."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def add_actors(target: int, rng: random.Random) -> None:
    """Bulk inserts of actors with topics, languages, a location and two offers each."""
    from django.db import transaction

    from network.models import Actor, ActorKind, Language, Location, Municipality, Offer, Topic

    topics = list(Topic.objects.all())
    languages = list(Language.objects.all())
    municipalities = list(Municipality.objects.all())
    start = Actor.objects.count()
    batch = 5000
    for first in range(start, target, batch):
        numbers = range(first, min(first + batch, target))
        with transaction.atomic():
            actors = Actor.objects.bulk_create(
                Actor(
                    name=f"{rng.choice(WORDS)} {rng.choice(municipalities).name} {number}",
                    slug=f"bench-{number}",
                    kind=ActorKind.ASSOCIATION,
                    short_description=f"{rng.choice(WORDS)} und {rng.choice(WORDS)} für alle.",
                    live=True,
                )
                for number in numbers
            )
            Actor.topics.through.objects.bulk_create(
                Actor.topics.through(actor_id=actor.pk, topic_id=topic.pk)
                for actor in actors
                for topic in rng.sample(topics, 3)
            )
            Actor.languages.through.objects.bulk_create(
                Actor.languages.through(actor_id=actor.pk, language_id=language.pk)
                for actor in actors
                for language in rng.sample(languages, 2)
            )
            Location.objects.bulk_create(
                Location(
                    actor=actor,
                    street="Marktplatz 1",
                    postcode="06667",
                    town=(municipality := rng.choice(municipalities)).name,
                    municipality=municipality,
                    latitude="51.2",
                    longitude="11.97",
                )
                for actor in actors
            )
            Offer.objects.bulk_create(
                Offer(actor=actor, name=f"{rng.choice(WORDS)} am Nachmittag")
                for actor in actors
                for _ in range(2)
            )


def percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, int(len(timings) * 0.95) - 1)]


def timed(call, repeat: int) -> tuple[float, float]:
    call()  # warm caches
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return percentiles(timings)


def measure(query: str, repeat: int) -> dict[str, float]:
    from django.db import connection

    from search.backends import get_search_backend
    from search.synonyms import query_forms

    backend = get_search_backend()
    sql, params = backend.full_text_sql(query_forms(query), "AND", None, True, 1000)

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    backend_p50, backend_p95 = timed(lambda: backend.search(query, limit=1000), repeat)
    raw_p50, raw_p95 = timed(raw, repeat)
    hits = len(backend.search(query, limit=1000))
    return {
        "backend_p50": backend_p50,
        "backend_p95": backend_p95,
        "raw_p50": raw_p50,
        "raw_p95": raw_p95,
        "hits": hits,
    }


def write_section(path: Path, section: str) -> None:
    """Replace only this benchmark's section, reading the file right before writing."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    block = f"{START}\n{section.rstrip()}\n{END}"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)


def run(database_url: str | None, sizes: tuple[int, ...], repeat: int) -> tuple[str, list[str]]:
    if database_url and database_url.startswith("postgres"):
        create_postgres_database(database_url)
    setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection

    from search import registry

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(42)  # noqa: S311 - synthetic data, not security
    rows = []
    for size in sizes:
        started = time.perf_counter()
        add_actors(size, rng)
        filled = time.perf_counter() - started
        started = time.perf_counter()
        registry.rebuild("actor", batch_size=2000)
        indexed = time.perf_counter() - started
        print(f"{connection.vendor} {size}: filled {filled:.0f} s, indexed {indexed:.0f} s")
        for query in QUERIES:
            m = measure(query, repeat)
            ratio = m["backend_p50"] / m["raw_p50"] if m["raw_p50"] else 0.0
            rows.append(
                f"| {connection.vendor} | {size:,} | `{query}` | {m['hits']} | "
                f"{m['backend_p50']:.1f} | {m['backend_p95']:.1f} | "
                f"{m['raw_p50']:.1f} | {m['raw_p95']:.1f} | {ratio:.2f} |"
            )
            print(rows[-1])
    return connection.vendor, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--sizes", default=",".join(str(size) for size in SIZES))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rows-from", type=Path, help="rows of an earlier run to keep beside")
    parser.add_argument("--save-rows", type=Path, help="write this run's rows here")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()
    sizes = tuple(int(size) for size in args.sizes.split(","))
    _vendor, rows = run(args.database_url, sizes, args.repeat)
    if args.save_rows:
        args.save_rows.write_text("\n".join(rows) + "\n")
    earlier = args.rows_from.read_text().splitlines() if args.rows_from else []
    section = "\n".join(
        [
            "## Search",
            "",
            "`make bench` (SQLite; with `BENCH_POSTGRES_URL=postgres://…` also PostgreSQL), or "
            "`python -m benchmarks.search [--database-url postgres://…]`; "
            f"in-process, {args.repeat} runs per query after one warm-up, limit "
            "1,000 hits. *backend* is `DatabaseSearchBackend.search` (analysis, synonyms, SQL, "
            "ranking in Python); *raw SQL* is the one full-text statement it sends, run alone; "
            "ratio = backend p50 / raw p50.",
            "",
            "| engine | actors | query | hits | backend p50 ms | backend p95 ms | "
            "raw SQL p50 ms | raw SQL p95 ms | ratio |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            *earlier,
            *rows,
        ]
    )
    write_section(args.output, section)


if __name__ == "__main__":
    main()
