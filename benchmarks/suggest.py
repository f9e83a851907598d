"""`/search/suggest/` at 10,000 documents, in-process: p50, p95 and queries per request.

Fills a fresh SQLite file (or the PostgreSQL database of --database-url, dropped and created
again) with synthetic actors through benchmarks.search (each actor and its two offers are
documents), rebuilds the index, lets the worker's task build the vocabulary once, and then asks
for suggestions as a visitor types, with Django's test client and the page cache left out.
Writes its own section of docs/benchmarks.md between the suggest markers.
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
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from benchmarks.harness import percentile
    from benchmarks.pages import without_page_cache
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

    timings: list[float] = []
    floor: list[float] = []
    queries: list[int] = []
    from django.conf import settings

    from search import synonyms
    from search.analysis import query_terms
    from search.backends.database import SUGGEST_WINDOW_FACTOR, DatabaseSearchBackend
    from search.services import SUGGESTIONS

    backend = DatabaseSearchBackend()

    def raw_sql(prefix: str) -> float:
        """The floor: the titles' full-text statement the backend issues for the prefix,
        executed alone with the cursor (no analysis, ranking, JSON or view around it)."""
        terms = synonyms.expand(query_terms(prefix))
        sql, params = backend.full_text_sql(
            terms, "AND", None, True, SUGGESTIONS * SUGGEST_WINDOW_FACTOR, (), titles_only=True
        )
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()
        return (time.perf_counter() - began) * 1000

    # One address types every request here; the per-address limit would answer 429.
    unlimited = dict.fromkeys(settings.RATE_LIMITS, "1000000000/s")
    with override_settings(MIDDLEWARE=without_page_cache(), RATE_LIMITS=unlimited):
        client = Client()
        for prefix in PREFIXES:
            client.get("/search/suggest/", {"q": prefix})  # warm
            raw_sql(prefix)  # warm
            for _ in range(args.repeat):
                # Side by side: the floor and the request, alternating, under the same load.
                floor.append(raw_sql(prefix))
                with CaptureQueriesContext(connection) as captured:
                    began = time.perf_counter()
                    response = client.get("/search/suggest/", {"q": prefix})
                    timings.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{prefix!r} answered {response.status_code}")
                queries.append(len(captured))
    vendor = connection.vendor
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    p95, floor_p95 = percentile(timings, 0.95), percentile(floor, 0.95)
    report = "\n".join(
        [
            f"### Suggestions, {vendor}",
            "",
            f"`python -m benchmarks.suggest` on {vendor}: {documents:,} documents in the index, "
            f"a vocabulary of {words:,} words built once by the worker's task "
            f"(`search.spelling.refresh_vocabulary`); filling took {fill_seconds:.0f} s. "
            f"{args.repeat} requests for each of {len(PREFIXES)} prefixes "
            f"({', '.join(PREFIXES)}), in-process with Django's test client; beside each "
            "request the floor, the titles' full-text statement of the same lookup run alone "
            f"with the cursor. Load average during the run (1, 5, 15 min): {load} on "
            f"{os.cpu_count()} CPUs.",
            "",
            "| documents | requests | p50 ms | p95 ms | floor p50 ms | floor p95 ms "
            "| p95 / floor p95 | max queries |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {documents:,} | {len(timings)} | {percentile(timings, 0.5):.1f} "
            f"| {p95:.1f} | {percentile(floor, 0.5):.1f} | {floor_p95:.1f} "
            f"| {p95 / floor_p95 if floor_p95 else 0:.1f} | {max(queries)} |",
        ]
    )
    write_section(args.output, f"suggest-{vendor}", report)
    print(report)


if __name__ == "__main__":
    main()
