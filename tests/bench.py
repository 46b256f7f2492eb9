"""`make bench`: latency percentiles, SQL queries and page weight for the
public pages, in-process, on a database of realistic size: the brand site's
bench content and a directory of BENCH_LISTINGS (10,000) synthetic listings,
with a course for every five of them. Then, over HTTP, each main page's
requests per second against a bare Django view (tests/bench_http.py).

The in-process tables measure the work behind each page, so the anonymous
page cache (website/page_cache.py) is off for them (PAGE_CACHE_SECONDS=0);
the caches behind it (search hits, drawn filters, open data) stay on unless
a table says it empties them. Searches nobody has made run with the page
cache on, as in production, where each is a miss; one small table shows
pages answered from it.

Uses DATABASE_URL when set (e.g. a PostgreSQL server), otherwise a SQLite file
at var/bench.sqlite3. Each page gets BENCH_REQUESTS timed requests, or as many
as fit in BENCH_SECONDS (at least three), so one very slow page cannot hold the
run up for an hour; the n column says how many. Timings are reported, never
asserted."""

import gzip
import itertools
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
# One client makes every request: the per-address search limit would answer
# most of them with "too many searches", and a log line per request would
# bury the figures.
os.environ.setdefault("SEARCH_RATE_LIMIT_PER_MINUTE", "0")
os.environ.setdefault("REQUEST_LOG", "false")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from website.process_memory import freeze_startup_objects  # noqa: E402

# As website/wsgi.py does in production.
freeze_startup_objects()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from directory import search_cache  # noqa: E402
from directory.models import AccessPointPage, OrganisationPage, Postcode  # noqa: E402
from events.models import EventPage  # noqa: E402
from tests import bench_http  # noqa: E402
from training.models import CoursePage  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
SECONDS_PER_PAGE = float(os.environ.get("BENCH_SECONDS", "60"))
LISTINGS = int(os.environ.get("BENCH_LISTINGS", "10000"))
WARM_UP = 5
MIN_SAMPLES = 3
BRAND_PATHS = [
    "/",
    "/about/",
    "/get-help/",
    "/news/",
    "/news/?page=25",
    "/news/bench-story-42/",
    "/search/?q=digital+champions",
    "/no-such-page/",
]
# (a) text search, (b) postcode + radius + two filters (places only), (d) mixed
# places and courses: postcode + radius + a day, which both kinds have, then
# the unfiltered list.
DIRECTORY_PATHS = [
    "/find-help/?q=wifi",
    "/find-help/?postcode=PR7+1AB&radius=5&service=free-wifi&access=step-free",
    "/find-help/?postcode=PR7+1AB&radius=5&when=1",
    "/find-help/",
]
VARIED_PATHS = [
    "/find-help/?postcode={postcode}&radius=5&service=free-wifi&access=step-free",
    "/find-help/?postcode={postcode}&radius=5&when=1",
]
# The open-data API (openreferral/): a page of 50 services, a page deep in
# the list, places near a postcode (5 miles), and one fully nested service.
API_PATHS = [
    "/api/oruk/services?per_page=50",
    "/api/oruk/services?per_page=50&page=100",
    "/api/oruk/service_at_locations?postcode=PR7+1AB&proximity=8047&per_page=50",
]
# Open downloads of every listing (cached until a listing changes) and the
# impact dashboard (computed on each request).
OPEN_DATA_PATHS = [
    "/open-data/access-points.csv",
    "/open-data/access-points.json",
    "/open-data/courses.csv",
    "/impact/",
]
ASSETS = ["static/build/css/main.css", "static/build/js/app.js"]
# Over HTTP (tests/bench_http.py): the main pages, with an organisation, an
# access-point and a course page added by http_paths().
HTTP_PATHS = [
    "/",
    "/about/",
    "/news/",
    "/find-help/",
    "/find-help/?postcode=PR7+1AB&radius=5&service=free-wifi&access=step-free",
    "/impact/",
    "/open-data/",
]
# The skills check's result, for a resident whose session has answered
# every step (finish_skills_check), and learning at home.
SKILLS_CHECK_PATHS = [
    "/skills-check/result/?postcode=PR7+1AB",
    "/skills-check/result/",
    "/learn-at-home/",
    "/learn-at-home/?area=transacting&level=beginner",
]
# Events (1,000 at 10,000 listings, events/bench.py): the upcoming list, a
# filtered list, a page deep in it, the feed of them all; one event's page
# is added by events_paths().
EVENTS_PATHS = [
    "/events/",
    "/events/?when=month&attendance=in_person",
    "/events/?page=10",
    "/events/calendar/",
]
# Answered from the page cache, in-process.
PAGE_CACHE_PATHS = ["/", "/about/", "/news/", "/find-help/", HTTP_PATHS[4]]


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


def finish_skills_check(client):
    """Answer every step of the skills check in the client's session: "Not
    yet" for transacting and being safe online, "Yes" elsewhere, so the
    result suggests courses for two areas."""
    from learning.skills_check import check_areas

    for area in check_areas():
        answer = "not_yet" if area.slug in ("transacting", "safe-and-legal") else "yes"
        client.post(
            f"/skills-check/{area.slug}/",
            {statement.key: answer for statement in area.statements},
        )


def access_point_path():
    """(c) one access-point page: the last bench listing, the same place on
    every database."""
    page = AccessPointPage.objects.live().order_by("-pk").first()
    return page.url if page else None


def events_paths():
    """EVENTS_PATHS and the page of the first upcoming bench event."""
    from django.utils import timezone

    from events.models import EventPage

    event = (
        EventPage.objects.live()
        .filter(slug__startswith="bench-event-", start__gt=timezone.now())
        .order_by("slug")
        .first()
    )
    return [*EVENTS_PATHS, *([event.url] if event else [])]


def http_paths():
    """HTTP_PATHS and one page of each kind a listing has: the first
    organisation and course of the demo, and the last bench listing (so
    the same pages on every database)."""
    organisation = OrganisationPage.objects.live().order_by("pk").first()
    course = CoursePage.objects.live().order_by("pk").first()
    kinds = [page.url for page in (organisation, course) if page]
    return [*HTTP_PATHS[:3], *kinds, *filter(None, [access_point_path()]), *HTTP_PATHS[3:]]


def api_paths():
    """API_PATHS and one service's full details: the last bench listing's."""
    from openreferral import ids

    page = AccessPointPage.objects.live().order_by("-pk").first()
    return [*API_PATHS, *([f"/api/oruk/services/{ids.service('place', page.pk)}"] if page else [])]


def measure(client, path, before_each=None):
    """(n, p50, p95, p99 in ms, queries, gzipped HTML in KB) for one path;
    `before_each` runs untimed before every request. A path holding
    {postcode} gets a different postcode each time (see varied_postcodes)."""
    before_each = before_each or (lambda: None)
    postcodes = varied_postcodes() if "{postcode}" in path else itertools.repeat("")
    next_path = lambda: path.format(postcode=next(postcodes))  # noqa: E731
    started = time.perf_counter()
    for _ in range(WARM_UP - 1):
        client.get(next_path())
        if time.perf_counter() - started > 1:
            break  # a slow page is warm after one request
    before_each()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(next_path())
    # Read now: the log is cleared by the requests that follow.
    query_count = len(queries)
    timings = []
    deadline = time.perf_counter() + SECONDS_PER_PAGE
    while len(timings) < REQUESTS and (
        len(timings) < MIN_SAMPLES or time.perf_counter() < deadline
    ):
        before_each()
        requested = next_path()
        started = time.perf_counter()
        answer = client.get(requested)
        timings.append((time.perf_counter() - started) * 1000)
        check_status(requested, answer)
    return (
        len(timings),
        statistics.median(timings),
        percentile(timings, 0.95),
        percentile(timings, 0.99),
        query_count,
        gzipped_size(response.content) / 1024,
    )


def check_status(path, response):
    """A figure is only of the page if the page was served: a rate limit's
    or an error's answer would be timed instead."""
    expected = 404 if "no-such-page" in path else 200
    if response.status_code != expected:
        raise SystemExit(f"{path} answered {response.status_code}, not {expected}: no figures")


def varied_postcodes():
    """Postcodes in the middle of the demo area, one for each request, so no
    search is one the cache of hits has seen."""
    postcodes = Postcode.objects.filter(postcode__startswith="PR7 ").order_by("postcode")
    codes = [code.replace(" ", "+") for code in postcodes.values_list("pk", flat=True)]
    return itertools.cycle(codes)


def print_table(client, paths, before_each=None):
    width = max(len(path) for path in paths)
    header = ("n", "p50 ms", "p95 ms", "p99 ms", "queries", "HTML KB gz")
    print(f"{'page':{width}} " + " ".join(f"{h:>8}" for h in header))
    for path in paths:
        n, p50, p95, p99, queries, html_kb = measure(client, path, before_each)
        print(f"{path:{width}} {n:8d} {p50:8.1f} {p95:8.1f} {p99:8.1f} {queries:8d} {html_kb:8.1f}")


def machine_state():
    """Other work on the machine, and the speed a shared VM's CPU happens to
    run at, move every figure: say how busy and how fast it was, timing a
    fixed pure-Python loop to compare runs by."""
    started = time.perf_counter()
    total = 0
    for number in range(2_000_000):
        total += number
    loop_ms = (time.perf_counter() - started) * 1000
    return (
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs, "
        f"reference loop {loop_ms:.0f} ms"
    )


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
    missing_wrk = bench_http.wrk_missing_message()
    if missing_wrk:
        print(f"\n{missing_wrk} The in-process part runs first all the same.")
    client = Client(HTTP_HOST="localhost")
    paths = [*BRAND_PATHS, *DIRECTORY_PATHS, *OPEN_DATA_PATHS]
    listing = access_point_path()
    if listing:
        paths.insert(len(BRAND_PATHS) + 2, listing)
    print(
        f"\nDatabase: {connection.vendor}; {AccessPointPage.objects.live().count()} live "
        f"access points, {CoursePage.objects.live().count()} live courses and "
        f"{EventPage.objects.live().count()} live events; up to "
        f"{REQUESTS} requests or {SECONDS_PER_PAGE:.0f} s per page after up to {WARM_UP} "
        f"warm-up requests; {machine_state()}\n"
    )
    with override_settings(PAGE_CACHE_SECONDS=0):
        print("Each page worked out on each request: the page cache off, the caches behind it on.")
        print_table(client, paths)
        print(
            "\nThe skills check's result for a resident who has answered every step (the "
            "result is never cached; the search hits behind its courses are), and learning "
            "at home."
        )
        # A client of its own: the answers live in its session, and a
        # visitor with a session is never served from the page cache.
        resident = Client(HTTP_HOST="localhost")
        finish_skills_check(resident)
        print_table(resident, SKILLS_CHECK_PATHS)
        print(
            "\nEvents: the upcoming list (budget p95 50 ms), filtered, deep, its feed, one event."
        )
        print_table(client, events_paths())
    print(
        "\nSearches nobody made in the last five minutes: a different postcode on each "
        "request, so neither the page cache nor the cache of hits has them (the filters' "
        "cached HTML is used); the page cache on, as in production."
    )
    print_table(client, VARIED_PATHS)
    with override_settings(PAGE_CACHE_SECONDS=0):
        print(
            "\nThe same searches just after a listing is published: every cache of the search "
            "(hits and the filters' HTML, directory/search_cache.py) emptied before each "
            "request; the page cache off."
        )
        print_table(client, DIRECTORY_PATHS, before_each=search_cache.invalidate)
        print(
            "\nThe Open Referral UK API (JSON KB gz in the last column), the page cache off: "
            "answered from its own cache, then worked out afresh (the cache generation moved "
            "on before every request)."
        )
        print_table(client, api_paths())
        print_table(client, api_paths(), before_each=search_cache.invalidate)
        print("\nThe open downloads built afresh: their cache emptied the same way.")
        print_table(client, OPEN_DATA_PATHS[:3], before_each=search_cache.invalidate)
    print("\nFrom the page cache (an anonymous visitor's second request for the page):")
    if client.cookies:
        raise SystemExit(f"The anonymous client holds cookies {list(client.cookies)}: no figures")
    print_table(client, PAGE_CACHE_PATHS)
    print(f"\nAfter the in-process part: {machine_state()}")
    print_page_weight(client)
    if missing_wrk:
        raise SystemExit(f"\n{missing_wrk}")
    pages = http_paths()
    # The HTTP part's servers use the database from here on.
    connection.close()
    bench_http.run(pages, machine_state)


if __name__ == "__main__":
    main()
