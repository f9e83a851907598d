"""`/search/suggest/` at 10,000 documents, in-process: p50, p95 and queries per request.

Fills a fresh SQLite file (or the PostgreSQL database of --database-url, dropped and created
again) with synthetic actors through benchmarks.search (each actor and its two offers are
documents), rebuilds the index, lets the worker's task build the vocabulary once, and then asks
for suggestions as a visitor types, with Django's test client and the page cache left out.
Beside each request, alternating under the same load, run its floors: a hello-world view
through the same client and middleware, and the title starts' statement of the same lookup
alone with the cursor; and, for comparison, the titles' full-text statement that suggestions
ran before the table of title starts. Writes its own section of docs/benchmarks.md between the
suggest markers (or of --output).
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from benchmarks.report import write_section

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = ("Be", "Ber", "Bera", "Spr", "Sprachc", "Deu", "Deutschk", "Lern", "Fra", "Weiß")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30, help="requests per prefix")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()

    from benchmarks import search as fill

    if args.database_url:
        fill.create_postgres_database(args.database_url)
    fill.setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from benchmarks.harness import percentile
    from benchmarks.pages import FLOOR, without_page_cache
    from search import registry, spelling
    from search.models import IndexEntry

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    # One actor and its two offers are three documents.
    fill.add_actors(args.documents // 3, random.Random(7))  # noqa: S311 - synthetic data
    registry.rebuild()
    words = spelling.refresh_vocabulary.call()  # the worker's task, once
    documents = IndexEntry.objects.count()
    fill_seconds = time.perf_counter() - started

    from django.conf import settings

    from search import synonyms
    from search.analysis import query_terms
    from search.backends.database import SUGGEST_WINDOW_FACTOR, DatabaseSearchBackend
    from search.services import SUGGESTIONS
    from search.suggestions import title_starts_sql

    backend = DatabaseSearchBackend()
    window = SUGGESTIONS * SUGGEST_WINDOW_FACTOR

    def statement(sql: str, params: list[object]) -> float:
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()
        return (time.perf_counter() - began) * 1000

    def statements(prefix: str) -> tuple[tuple[str, list], tuple[str, list]]:
        """The lookup's statement and the full-text one it replaced, for the prefix."""
        terms = synonyms.expand(query_terms(prefix))
        full_text = backend.full_text_sql(terms, "AND", None, True, window, (), titles_only=True)
        return title_starts_sql(terms, window), full_text

    def request(client: Client, path: str, params: dict) -> tuple[float, float, int]:
        """Wall and CPU time of this thread (what the load of others does not stretch; on
        PostgreSQL without the server's) in ms, and the queries."""
        reset_queries()  # a full log (9,000 queries, the filling's) would count none
        with CaptureQueriesContext(connection) as captured:
            began, cpu = time.perf_counter(), time.thread_time()
            response = client.get(path, params)
            took, used = time.perf_counter() - began, time.thread_time() - cpu
        if response.status_code != 200:
            raise SystemExit(f"{path} {params} answered {response.status_code}")
        return took * 1000, used * 1000, len(captured)

    timings: dict[str, list[float]] = {
        name: [] for name in ("request", "cpu", "hello", "hello cpu", "starts", "full")
    }
    queries: list[int] = []
    # One address types every request here; the per-address limit would answer 429.
    unlimited = dict.fromkeys(settings.RATE_LIMITS, "1000000000/s")
    with override_settings(
        MIDDLEWARE=without_page_cache(),
        RATE_LIMITS=unlimited,
        ROOT_URLCONF="benchmarks.pages_urls",  # the portal's addresses and the hello-world
    ):
        client = Client()
        for prefix in PREFIXES:
            starts, full_text = statements(prefix)
            request(client, "/search/suggest/", {"q": prefix})  # warm
            request(client, FLOOR, {})
            statement(*starts)
            statement(*full_text)
            for _ in range(args.repeat):
                # Side by side: the floors, the request and the old statement, under one load.
                took, used, _count = request(client, FLOOR, {})
                timings["hello"].append(took)
                timings["hello cpu"].append(used)
                timings["starts"].append(statement(*starts))
                took, used, count = request(client, "/search/suggest/", {"q": prefix})
                timings["request"].append(took)
                timings["cpu"].append(used)
                queries.append(count)
                timings["full"].append(statement(*full_text))
    vendor = connection.vendor
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    p50 = {name: percentile(values, 0.5) for name, values in timings.items()}
    p95 = {name: percentile(values, 0.95) for name, values in timings.items()}
    report = "\n".join(
        [
            f"### Suggestions, {vendor}",
            "",
            f"`python -m benchmarks.suggest` on {vendor}: {documents:,} documents in the index, "
            f"a vocabulary of {words:,} words built once by the worker's task "
            f"(`search.spelling.refresh_vocabulary`); filling took {fill_seconds:.0f} s. "
            f"{args.repeat} requests for each of {len(PREFIXES)} prefixes "
            f"({', '.join(PREFIXES)}), in-process with Django's test client; beside each "
            f"request, alternating, its floors: a hello-world view (`{FLOOR}`) through the "
            "same client and middleware, and the lookup's statement (`search.suggestions."
            "title_starts_sql`) run alone with the cursor; and the titles' full-text statement "
            "that suggestions ran before, alone. *CPU* is the time the request's thread "
            "ran (what other processes' load does not stretch; on PostgreSQL without the "
            "server's part). Load average at the end of the run "
            f"(1, 5, 15 min): {load} on {os.cpu_count()} CPUs.",
            "",
            "| documents | requests | p50 ms | p95 ms | CPU p50 / p95 ms "
            "| hello-world p50 / p95 ms | hello-world CPU p50 / p95 ms "
            "| statement p50 / p95 ms | p95 / (hello-world + statement) p95 "
            "| full-text statement before p50 / p95 ms | max queries |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {documents:,} | {len(timings['request'])} | {p50['request']:.1f} "
            f"| {p95['request']:.1f} | {p50['cpu']:.1f} / {p95['cpu']:.1f} "
            f"| {p50['hello']:.1f} / {p95['hello']:.1f} "
            f"| {p50['hello cpu']:.1f} / {p95['hello cpu']:.1f} "
            f"| {p50['starts']:.2f} / {p95['starts']:.2f} "
            f"| {p95['request'] / (p95['hello'] + p95['starts']):.1f} "
            f"| {p50['full']:.1f} / {p95['full']:.1f} | {max(queries)} |",
        ]
    )
    write_section(args.output, f"suggest-{vendor}", report)
    print(report)


if __name__ == "__main__":
    main()
