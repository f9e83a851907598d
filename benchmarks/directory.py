"""Directory benchmark: response times and query counts for the pages and the API at scale.

Runs against a fresh database (SQLite in a temporary file unless DATABASE_URL says otherwise),
fills it with synthetic actors and times each request in-process with Django's test client, so
the figures measure the application, not a network. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from benchmarks.report import write_section

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def populate(actor_count: int) -> None:
    from django.db import transaction

    from network.models import Actor, Language, Municipality, TargetGroup, Topic
    from search import registry
    from tests.factories import ActorFactory, LocationFactory, OfferFactory

    rng = random.Random(42)  # noqa: S311 - synthetic data, not security
    topics = list(Topic.objects.all())
    languages = list(Language.objects.all())
    groups = list(TargetGroup.objects.all())
    municipalities = list(Municipality.objects.all())
    words = ["Sprachcafé", "Beratung", "Deutschkurs", "Frauentreff", "Lernpaten", "Begegnung"]
    with transaction.atomic(), registry.deferred():
        for number in range(actor_count - Actor.objects.count()):
            municipality = rng.choice(municipalities)
            actor = ActorFactory(
                name=f"{rng.choice(words)} {municipality.name} {number}",
                slug=f"bench-{number}",
                short_description=f"{rng.choice(words)} und {rng.choice(words)} für alle.",
                topics=rng.sample(topics, 3),
                languages=rng.sample(languages, 3),
                target_groups=rng.sample(groups, 2),
            )
            LocationFactory(actor=actor, municipality=municipality, town=municipality.name)
            for _ in range(2):
                OfferFactory(actor=actor, name=f"{rng.choice(words)} am Nachmittag")


def measure(path: str, repeat: int) -> dict[str, float]:
    from django.db import connection
    from django.test import Client

    client = Client()
    client.get(path)  # warm caches and templates
    timings = []
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    for _ in range(repeat):
        queries.clear()
        with connection.execute_wrapper(count):
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    tracemalloc.start()
    client.get(path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[max(0, int(len(timings) * 0.95) - 1)],
        "queries": len(queries),
        "peak_kib": peak / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    populate(args.actors)
    fill_seconds = time.perf_counter() - started

    from network.models import Actor

    slug = Actor.objects.order_by("pk").values_list("slug", flat=True).first()
    paths = [
        "/directory/",
        "/directory/?page=5",
        "/directory/?q=Sprachcafe",
        "/directory/?q=Beratung+Weissenfels",
        "/directory/?topic=deutschkurs&topic=beratung&language=ar",
        f"/directory/{slug}/",
        "/api/v1/actors/?q=Deutschkurs",
        "/api/v1/actors/?page_size=100",
    ]
    rows = [(path, measure(path, args.repeat)) for path in paths]
    lines = [
        "## Directory",
        "",
        f"`make bench`: {Actor.objects.count()} actors on {connection.vendor}, "
        f"{args.repeat} requests per path, in-process (Django test client); "
        f"filling the database and index took {fill_seconds:.1f} s.",
        "",
        "| path | median ms | p95 ms | SQL queries | peak memory KiB |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| `{path}` | {m['median']:.1f} | {m['p95']:.1f} | {m['queries']} | {m['peak_kib']:.0f} |"
        for path, m in rows
    ]
    report = "\n".join(lines) + "\n"
    write_section(args.output, "directory", report)
    print(report)


if __name__ == "__main__":
    main()
