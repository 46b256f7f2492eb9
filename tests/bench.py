"""`make bench`: latency percentiles, SQL queries and page weight for the
public pages, in-process, on a database of realistic size: the brand site's
bench content and a directory of BENCH_LISTINGS (10,000) synthetic listings.

Uses DATABASE_URL when set (e.g. a PostgreSQL server), otherwise a SQLite file
at var/bench.sqlite3. Timings are reported, never asserted."""

import gzip
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.models import AccessPointPage  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
LISTINGS = int(os.environ.get("BENCH_LISTINGS", "10000"))
WARM_UP = 5
BRAND_PATHS = [
    "/",
    "/about/",
    "/get-help/",
    "/news/",
    "/news/?page=25",
    "/news/partnership-update-42/",
    "/search/?q=digital+champions",
    "/no-such-page/",
]
# (a) text search, (b) postcode + radius + two filters, then the unfiltered list.
DIRECTORY_PATHS = [
    "/find-help/?q=wifi",
    "/find-help/?postcode=PR7+1AB&radius=5&service=free-wifi&access=step-free",
    "/find-help/",
]
ASSETS = ["static/build/css/main.css", "static/build/js/app.js"]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6))


def seed():
    """Migrate and load the demo and bench content; each step tops up what an
    earlier run left, so a second run starts measuring in seconds."""
    (ROOT / "var").mkdir(exist_ok=True)
    quiet = StringIO()
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("seed_demo", stdout=quiet)
    report = StringIO()
    call_command("seed_bench", listings=LISTINGS, stdout=report)
    return report.getvalue().strip()


def access_point_path():
    """(c) one access-point page: the last bench listing, the same place on
    every database."""
    page = AccessPointPage.objects.live().order_by("-pk").first()
    return page.url if page else None


def measure(client, path):
    """(p50, p95, p99 in ms, queries, gzipped HTML in KB) for one path."""
    for _ in range(WARM_UP):
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    # Read now: the log is cleared by the requests that follow.
    query_count = len(queries)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    return (
        statistics.median(timings),
        percentile(timings, 0.95),
        percentile(timings, 0.99),
        query_count,
        gzipped_size(response.content) / 1024,
    )


def print_table(client, paths):
    width = max(len(path) for path in paths)
    header = ("p50 ms", "p95 ms", "p99 ms", "queries", "HTML KB gz")
    print(f"{'page':{width}} " + " ".join(f"{h:>8}" for h in header))
    for path in paths:
        p50, p95, p99, queries, html_kb = measure(client, path)
        print(f"{path:{width}} {p50:7.1f} {p95:7.1f} {p99:7.1f} {queries:8d} {html_kb:11.1f}")


def print_page_weight(client):
    home_html = client.get("/").content
    govuk_js = ROOT / "static/build/js/govuk-frontend.min.js"
    parts = {"home page HTML": home_html, "brand.css": client.get("/brand.css").content}
    for asset in [*ASSETS, str(govuk_js.relative_to(ROOT))]:
        parts[asset] = (ROOT / asset).read_bytes()
    print("\nPage weight of the home page (HTML + CSS + JS, gzip level 6, images aside):")
    total = 0
    for name, data in parts.items():
        size = gzipped_size(data)
        total += size
        print(f"  {name:40} {len(data) / 1024:7.1f} KB raw {size / 1024:7.1f} KB gzipped")
    print(f"  {'total':40} {'':15} {total / 1024:7.1f} KB gzipped (budget 100 KB)")


def main():
    seeded = seed()
    print(seeded)
    client = Client(HTTP_HOST="localhost")
    paths = [*BRAND_PATHS, *DIRECTORY_PATHS]
    listing = access_point_path()
    if listing:
        paths.insert(len(BRAND_PATHS) + 2, listing)
    print(
        f"\nDatabase: {connection.vendor}; {AccessPointPage.objects.live().count()} live "
        f"access points; {REQUESTS} requests per page after {WARM_UP} warm-up requests\n"
    )
    print_table(client, paths)
    print_page_weight(client)


if __name__ == "__main__":
    main()
