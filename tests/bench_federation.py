"""`python -m tests.bench_federation [N]`: how long importing a feed of N
(10,000) services takes, from a feed server on this machine, into the demo
directory: the first import (every listing new), then the same feed again
(nothing changed), then again with a tenth of the services changed and a
tenth gone. No polite wait between requests (it is this machine): with the
feed's default rate of 2 requests a second, the requests alone would take
N / 2 seconds. Timings are reported, never asserted.

Uses DATABASE_URL when set (e.g. a PostgreSQL server), otherwise a SQLite
file at var/bench-federation.sqlite3, made afresh."""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "var" / "bench-federation.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DATABASE}")
os.environ.setdefault("REQUEST_LOG", "false")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from federation.fetching import FeedClient  # noqa: E402
from federation.importer import run_import  # noqa: E402
from federation.models import Feed  # noqa: E402
from tests.federation.feed_server import FeedServer  # noqa: E402
from tests.federation.services import uk_service  # noqa: E402

# Demo-area postcodes and a point near each (the demo loads them).
PLACES = [("PR7 1DP", 53.653, -2.632), ("PR25 1AA", 53.696, -2.695), ("PR1 1AA", 53.759, -2.7)]


def services(count):
    made = []
    for number in range(count):
        postcode, latitude, longitude = PLACES[number % len(PLACES)]
        service = uk_service(f"Imported service {number:05d}", postcode=postcode)
        location = service["service_at_locations"][0]["location"]
        location["latitude"] = latitude + (number % 97) * 0.0005
        location["longitude"] = longitude + (number % 89) * 0.0005
        location.pop("external_identifier", None)
        made.append(service)
    return made


def timed(label, feed):
    started = time.perf_counter()
    run = run_import(feed, FeedClient(feed.base_url, 0, backoff_seconds=0))
    seconds = time.perf_counter() - started
    print(
        f"{label}: {seconds:.1f} s ({run.listed / seconds:.0f} services/s); "
        f"{run.created} new, {run.updated} updated, {run.unchanged} unchanged, "
        f"{run.withdrawn} withdrawn, {run.skipped} skipped; {run.get_outcome_display()}"
    )
    return run


def main(count):
    if "sqlite" in os.environ["DATABASE_URL"] and DATABASE.exists():
        DATABASE.unlink()
    DATABASE.parent.mkdir(exist_ok=True)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    feed_services = services(count)
    server = FeedServer().start()
    try:
        server.services(feed_services)
        feed = Feed.objects.create(
            name="Bench feed", base_url=server.base_url + "/oruk", licence=Feed.Licence.OGL
        )
        print(f"{count:,} services, {count // 50 + 1} list pages, {count:,} service requests")
        timed("first import", feed)
        timed("again, nothing changed", feed)
        tenth = count // 10
        changed = [
            {**service, "name": service["name"] + " (moved)"} for service in feed_services[:tenth]
        ]
        server.routes.clear()
        server.services(changed + feed_services[tenth : count - tenth])
        timed("a tenth changed, a tenth gone", feed)
    finally:
        server.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
