"""`make bench`, neighbourhoods: importing 35,000 synthetic boundaries and
three indicators, working out the reach of every area against the bench's
10,000 access points and 1.7 million postcodes, the reach after one place
changes, and the "Where help is needed" page for one local authority
(about 100 areas): latency and weight before map tiles.

Runs on the bench database that tests/bench.py seeds (its 10,000 listings
are in the demo area); the synthetic areas are squares of about 1 km with
jagged edges (60 points each, as generalised ONS boundaries have tens to
hundreds), in a grid centred on the demo area, written as British National
Grid GeoJSON the way the ONS publishes it. Sizes come from BENCH_AREAS,
BENCH_POSTCODES and BENCH_REFERRALS; timings are reported, not asserted.
The test suite uses small inputs and never runs this."""

import gzip
import json
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("REQUEST_LOG", "false")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from champions.models import Champion  # noqa: E402
from directory.models import PlaceRow  # noqa: E402
from directory.postcode_store import store_postcodes  # noqa: E402
from neighbourhoods import reach  # noqa: E402
from neighbourhoods.models import AreaSet, WhereHelpIsNeededPage  # noqa: E402
from referrals.models import Referral  # noqa: E402
from website.models import HomePage  # noqa: E402

AREAS = int(os.environ.get("BENCH_AREAS", "35000"))
POSTCODES = int(os.environ.get("BENCH_POSTCODES", "1700000"))
REFERRALS = int(os.environ.get("BENCH_REFERRALS", "20000"))
PAGE_REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
CENTRE = (356000, 417000)  # Chorley, British National Grid
SIDE = 1000
POINTS_PER_SIDE = 15
JITTER = 20  # metres
SET_NAME = "Bench: synthetic areas"
LOCAL_SET = "Bench: one local authority"
OUTWARD_LETTERS = "ABDFGHKLMNOPQRSTUWXY"
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def cell(column, row, rng):
    """A jagged square: POINTS_PER_SIDE points a side, each nudged."""
    west = CENTRE[0] + (column - 50) * SIDE
    south = CENTRE[1] + (row - 50) * SIDE
    corners = [
        (west, south),
        (west + SIDE, south),
        (west + SIDE, south + SIDE),
        (west, south + SIDE),
    ]
    ring = []
    for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1], strict=True):
        for step in range(POINTS_PER_SIDE):
            share = step / POINTS_PER_SIDE
            ring.append(
                [
                    round(x1 + (x2 - x1) * share + rng.uniform(-JITTER, JITTER), 1),
                    round(y1 + (y2 - y1) * share + rng.uniform(-JITTER, JITTER), 1),
                ]
            )
    return [ring + [ring[0]]]


def boundaries(count, first_columns=None):
    rng = random.Random(21)
    width = first_columns or math.ceil(math.sqrt(count))
    features = [
        {
            "type": "Feature",
            "properties": {"LSOA21CD": f"E01{n:06d}", "LSOA21NM": f"Bench area {n}"},
            "geometry": {"type": "Polygon", "coordinates": cell(n % width, n // width, rng)},
        }
        for n in range(count)
    ]
    return {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}},
        "features": features,
    }


def write(folder, name, text):
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def timed(label, action):
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    print(f"  {label:62} {elapsed:8.2f} s")
    return elapsed, result


def synthetic_postcodes(count):
    """Valid-looking postcodes (area letters Z, which the Royal Mail uses
    for no area in Great Britain but Shetland's ZE, left out)."""
    rng = random.Random(1700)
    lngs_lats = (-3.2, -2.0, 53.2, 54.1)
    for n in range(count):
        outward = f"Z{OUTWARD_LETTERS[n // 400_000 % 20]}{n // 4000 % 100}"
        inward = f"{n // 400 % 10}{INWARD_LETTERS[n // 20 % 20]}{INWARD_LETTERS[n % 20]}"
        yield (
            f"{outward} {inward}",
            outward,
            round(rng.uniform(lngs_lats[2], lngs_lats[3]), 6),
            round(rng.uniform(lngs_lats[0], lngs_lats[1]), 6),
        )


def seed_people():
    """POSTCODES synthetic postcodes, and REFERRALS referrals and a tenth as
    many champions from among them (added once; later runs reuse them)."""
    if Referral.objects.filter(postcode__startswith="Z").count() >= REFERRALS:
        return "postcodes and referrals from an earlier run"
    started = time.perf_counter()
    stored = store_postcodes(synthetic_postcodes(POSTCODES))
    rng = random.Random(22)
    picks = [rng.randrange(POSTCODES) for _ in range(REFERRALS)]
    picked = set(picks)
    codes = {
        n: code for n, (code, *_rest) in enumerate(synthetic_postcodes(POSTCODES)) if n in picked
    }
    now = timezone.now()
    Referral.objects.bulk_create(
        (
            Referral(
                resident_name="Bench resident",
                contact_method=Referral.Contact.PHONE,
                postcode=codes[pick],
                barriers=rng.sample(
                    ["no_device", "no_internet", "cannot_afford_data", "low_skills"], 2
                ),
                consent_text="Bench",
                consented_at=now,
            )
            for pick in picks
        ),
        batch_size=2000,
    )
    Champion.objects.bulk_create(
        (
            Champion(name="Bench champion", postcode=codes[pick])
            for pick in picks[: REFERRALS // 10]
        ),
        batch_size=2000,
    )
    took = time.perf_counter() - started
    return f"{stored:,} postcodes and {REFERRALS:,} referrals stored in {took:.0f} s"


def indicator_csv(count, column):
    rng = random.Random(column)
    lines = [f"LSOA21CD,LSOA21NM,{column}"]
    lines += [f"E01{n:06d},Bench area {n},{rng.uniform(0, 10):.2f}" for n in range(count)]
    return "\r\n".join(lines) + "\r\n"


def import_everything(folder, count):
    geojson = write(folder, "areas.geojson", json.dumps(boundaries(count)))
    size = os.path.getsize(geojson) / 1024 / 1024
    print(f"\nImporting {count:,} boundaries ({size:.0f} MB of GeoJSON) and 3 indicators:")
    quiet = StringIO()
    areas, _ = timed(
        "import_areas (read, simplify, centres, write)",
        lambda: call_command(
            "import_areas", geojson, "--set", SET_NAME, "--no-reach", stdout=quiet
        ),
    )
    total = areas
    for column in ("deri_score", "never_online", "no_decent_broadband"):
        path = write(folder, f"{column}.csv", indicator_csv(count, column))
        took, _ = timed(
            f"import_indicator {column}",
            lambda path=path, column=column: call_command(
                "import_indicator",
                path,
                "--set",
                SET_NAME,
                "--name",
                column,
                "--source",
                "Bench",
                "--licence",
                "None",
                "--year",
                "2026",
                "--higher-is-worse",
                stdout=quiet,
            ),
        )
        total += took
    print(f"  {'total (budget 120 s)':62} {total:8.2f} s")


def local_authority_page(folder):
    """About 100 areas and an indicator as one local authority's set, and
    the page showing it."""
    geojson = write(folder, "local.geojson", json.dumps(boundaries(100, first_columns=10)))
    quiet = StringIO()
    call_command("import_areas", geojson, "--set", LOCAL_SET, stdout=quiet)
    path = write(folder, "local.csv", indicator_csv(100, "deri_score"))
    call_command(
        "import_indicator",
        path,
        "--set",
        LOCAL_SET,
        "--name",
        "DERI score",
        "--source",
        "Bench",
        "--licence",
        "None",
        "--year",
        "2026",
        "--higher-is-worse",
        stdout=quiet,
    )
    page = WhereHelpIsNeededPage.objects.first()
    if page is None:
        page = WhereHelpIsNeededPage(title="Where help is needed", slug="where-help-is-needed")
        HomePage.objects.get().add_child(instance=page)
    page.area_set = AreaSet.objects.get(name=LOCAL_SET)
    page.indicator = None
    page.save_revision().publish()
    return page


def asset_bytes(html):
    """Gzipped bytes of the stylesheets and scripts the page links to."""
    total = 0
    for url in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        response = Client(HTTP_HOST="localhost").get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        total += len(gzip.compress(body, 6))
    return total


def measure_page(page):
    client = Client(HTTP_HOST="localhost")
    url = page.url
    with override_settings(PAGE_CACHE_SECONDS=0):
        for _ in range(10):
            response = client.get(url)
        samples = []
        for _ in range(PAGE_REQUESTS):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
    html = response.content
    samples.sort()
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(
        f"\nThe page for one local authority ({page.area_set.areas.count()} areas), "
        f"{PAGE_REQUESTS} requests after 10 warm-up, page cache off:"
    )
    print(f"  p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms (budget 50 ms)")
    cached = []
    for _ in range(PAGE_REQUESTS):  # an anonymous visitor, from the page cache
        started = time.perf_counter()
        client.get(url)
        cached.append((time.perf_counter() - started) * 1000)
    cached.sort()
    print(
        f"  from the page cache: p50 {statistics.median(cached):.1f} ms, "
        f"p95 {cached[int(0.95 * (len(cached) - 1))]:.1f} ms"
    )
    page_gz = len(gzip.compress(html, 6))
    assets = asset_bytes(html.decode())
    print(
        f"  HTML {len(html) / 1024:.1f} KB ({page_gz / 1024:.1f} KB gzipped); with its CSS and "
        f"JS (Leaflet included) {(page_gz + assets) / 1024:.1f} KB gzipped before tiles "
        "(budget 100 KB)"
    )


def main():
    from tests import static_files
    from tests.bench import seed

    # The page names its hashed stylesheet and scripts: a fresh checkout
    # has no collected files until the first test run.
    static_files.collect()
    print(seed())
    print(f"Database: {connection.vendor}; {PlaceRow.objects.count():,} places listed")
    print(seed_people())
    with tempfile.TemporaryDirectory() as folder:
        import_everything(folder, AREAS)
        print(f"\nReach of every area ({AREAS:,}) against {PlaceRow.objects.count():,} places:")
        timed(
            "reach.refresh() (budget 60 s)",
            lambda: reach.refresh(AreaSet.objects.get(name=SET_NAME)),
        )
        # One place moved about 1 km north and back, as an editor might
        # correct its address; what the receiver works out at commit.
        row = PlaceRow.objects.order_by("pk").first()
        changes = []
        for step in range(6):
            row.latitude += 0.01 if step % 2 == 0 else -0.01
            row.save(update_fields=["latitude"])
            took, changed = timed(
                f"one place moved: nearest worked out again ({step + 1})",
                lambda: reach.refresh_nearest({row.pk}),
            )
            changes.append(took)
        print(f"  {'slowest of 6 (budget 1 s)':62} {max(changes):8.2f} s")
        measure_page(local_authority_page(folder))


if __name__ == "__main__":
    main()
