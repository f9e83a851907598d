"""Public pages in-process: median, p95 and SQL queries per page, with and without the page cache.

The portal runs in this process with DEBUG off (Django's test client, no server, no network), on
a fresh SQLite file or on the PostgreSQL database named by --database-url, holding the demo
network grown to --actors actors (benchmarks.directory.populate). *uncached* renders every
request (the page cache middleware left out: what a signed-in member or the first visitor after
a change costs); *cached* is the same anonymous request with the page cache in place, warmed by
one request. `--profile PATH` prints where an uncached page spends its time instead (cProfile).
Results go to docs/benchmarks.md between the pages markers, one section per database.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import write_section

ROOT = Path(__file__).resolve().parent.parent
FLOOR = "/bench-hello/"
POOLED = ", psycopg pool as in compose.yaml"


def setup_django(database_url: str | None) -> None:
    if not database_url:
        database_url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench-pages.sqlite3'}"
    elif database_url.startswith("postgres"):
        from benchmarks.harness import ensure_database

        ensure_database(database_url)
        # As production runs (compose.yaml): Django's psycopg pool. Without it every request of
        # the test client opens a new connection (CONN_MAX_AGE 0 closes it at the request's end),
        # which measured the connection's start-up, 8-10 ms, rather than the page.
        os.environ.setdefault("DATABASE_POOL", "true")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "false"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ.pop("REDIS_URL", None)  # the embedded default: local-memory cache
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_data(actors: int) -> int:
    """Migrate, load the demo network once and grow it to `actors` actors."""
    from django.core.management import call_command

    from benchmarks.directory import populate
    from network.models import Actor

    call_command("migrate", verbosity=0, interactive=False)
    if not Actor.objects.exists():
        call_command("load_demo", verbosity=0)
    if Actor.objects.count() < actors:
        populate(actors)
    return Actor.objects.count()


def pages() -> dict[str, str]:
    """The public pages of issue 16, with real filter values, a real profile and unit page."""
    from network.models import Actor, Language, Topic
    from network.pages import AgencyPage

    topics = list(Topic.objects.order_by("pk").values_list("slug", flat=True)[:2])
    language = Language.objects.order_by("pk").values_list("code", flat=True).first()
    filters = "&".join(f"topic={slug}" for slug in topics) + f"&language={language}"
    actor = Actor.objects.filter(live=True).order_by("pk").values_list("slug", flat=True).first()
    agency = AgencyPage.objects.live().filter(locale__language_code="de").first()
    found = {
        "home": "/",
        "directory": "/directory/",
        "directory with filters": f"/directory/?{filters}",
        "profile": f"/directory/{actor}/",
        "events": "/events/",
        "search": "/search/?q=Beratung",
        "needs": "/needs/",
        "home in English": "/en/",
        "home in Arabic": "/ar/",
    }
    if agency is not None:
        found["agency page"] = agency.url
    return found


def without_page_cache() -> list[str]:
    from django.conf import settings

    return [name for name in settings.MIDDLEWARE if "pagecache" not in name.lower()]


def measure(path: str, repeat: int, *, cached: bool, kept: bool = True) -> dict[str, float]:
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    cache.clear()
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    timings = []
    cpu = []
    # One address asks for every page here; the per-address limits would answer 429.
    limits = {
        "RATE_LIMITS": dict.fromkeys(settings.RATE_LIMITS, "1000000000/s"),
        "PAGE_CACHE": cached,  # the test settings leave it off
        "ROOT_URLCONF": "benchmarks.pages_urls",  # the portal's and the floor's hello-world
    }
    if not cached:
        limits["MIDDLEWARE"] = without_page_cache()
        # What a signed-in member gets: no page cache, the per-process parts (portal.site_cache).
        limits["SITE_CACHE"] = kept
    with override_settings(**limits):
        response = client.get(path)  # warm the cache, templates and per-process copies
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        for _ in range(repeat):
            queries.clear()
            with connection.execute_wrapper(count):
                start, start_cpu = time.perf_counter(), time.thread_time()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.thread_time() - start_cpu) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code}")
    timings.sort()
    return {
        "median": statistics.median(timings),
        "cpu": statistics.median(cpu),
        "p95": timings[max(0, round(len(timings) * 0.95) - 1)],
        "queries": len(queries),
    }


def profile(path: str, repeat: int) -> None:
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    with override_settings(
        MIDDLEWARE=without_page_cache(), SITE_CACHE=True, ROOT_URLCONF="benchmarks.pages_urls"
    ):
        client.get(path)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            client.get(path)
        profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(90)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--profile", default=None, help="a path to profile instead of measuring")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated page names (as in the table) to measure only these; "
        "printed, not written to --output",
    )
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.db import connection

    started = time.perf_counter()
    actors = ensure_data(args.actors)
    fill_seconds = time.perf_counter() - started
    if args.profile:
        profile(args.profile, args.repeat)
        return

    load_before = os.getloadavg()[0]
    floor = measure(FLOOR, args.repeat, cached=False)
    rows = []
    chosen = {name.strip() for name in args.pages.split(",") if name.strip()}
    for name, path in pages().items():
        if chosen and name not in chosen:
            continue
        uncached = measure(path, args.repeat, cached=False)
        cold = measure(path, args.repeat, cached=False, kept=False)
        cached = measure(path, args.repeat, cached=True)
        rows.append((name, path, uncached, cold, cached))
    load_after = os.getloadavg()[0]
    vendor = connection.vendor
    lines = [
        f"### In-process, {vendor}",
        "",
        f"`python -m benchmarks.pages` on {vendor}: {actors} actors with the demo network, "
        f"{args.repeat} requests per page after one warm-up, Django's test client with DEBUG "
        f"off{POOLED if vendor == 'postgresql' else ''}; "
        f"filling took {fill_seconds:.0f} s. *uncached* renders each request (page cache "
        "middleware left out; the parts every page shares, menu, footer, site, upcoming events, "
        "kept per process by portal.site_cache as for a signed-in member), *cached* is the "
        "anonymous request answered by the page cache; *nothing kept* renders without the "
        "per-process parts as well (SITE_CACHE off: every shared part computed again, as before "
        "they were kept). The *floor* is a hello-world view "
        "through the same middleware and test client in the same run; *× floor* is the "
        "uncached median over it; *CPU* is the median time the request's thread ran (what other "
        "processes' load does not stretch; on PostgreSQL without the server's part). "
        f"Load average (2 CPUs) {load_before:.1f} before, "
        f"{load_after:.1f} after the run.",
        "",
        "| page | uncached median ms | uncached p95 ms | uncached CPU median ms | × floor "
        "| queries "
        "| nothing kept median ms | nothing kept queries | cached median ms "
        "| cached p95 ms | cached queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| floor: hello-world view `{FLOOR}` | {floor['median']:.1f} | {floor['p95']:.1f} "
        f"| {floor['cpu']:.1f} | 1 | {floor['queries']} | | | | | |",
    ]
    lines += [
        f"| {name} `{path}` | {u['median']:.1f} | {u['p95']:.1f} | {u['cpu']:.1f} "
        f"| {u['median'] / floor['median']:.0f} | {u['queries']} "
        f"| {k['median']:.1f} | {k['queries']} "
        f"| {c['median']:.1f} | {c['p95']:.1f} | {c['queries']} |"
        for name, path, u, k, c in rows
    ]
    report = "\n".join(lines) + "\n"
    if not chosen:
        write_section(args.output, f"pages-{vendor}", report)
    print(report)


if __name__ == "__main__":
    main()
