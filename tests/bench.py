"""`make bench`: latency percentiles, SQL queries and page weight for the
public pages, in-process, on a database of realistic size.

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

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
PATHS = [
    "/",
    "/about/",
    "/get-help/",
    "/news/",
    "/news/?page=25",
    "/news/partnership-update-42/",
    "/search/?q=digital+champions",
    "/no-such-page/",
]
ASSETS = ["static/build/css/main.css", "static/build/js/app.js"]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6))


def main():
    (ROOT / "var").mkdir(exist_ok=True)
    quiet = StringIO()
    call_command("migrate", verbosity=0, stdout=quiet)
    call_command("seed_demo", stdout=quiet)
    call_command("seed_bench", stdout=quiet)
    client = Client(HTTP_HOST="localhost")
    db = connection.vendor
    print(f"Database: {db}; {REQUESTS} requests per page after 5 warm-up requests\n")
    header = ("page", "p50 ms", "p95 ms", "p99 ms", "queries", "HTML KB gz")
    print(f"{header[0]:34} " + " ".join(f"{h:>8}" for h in header[1:]))
    for path in PATHS:
        for _ in range(5):
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
        html_kb = gzipped_size(response.content) / 1024
        print(
            f"{path:34} {statistics.median(timings):7.1f} {percentile(timings, 0.95):7.1f} "
            f"{percentile(timings, 0.99):7.1f} {query_count:8d} {html_kb:11.1f}"
        )

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


if __name__ == "__main__":
    main()
