"""Load the postcode files shipped in directory/data/: every postcode of the
demo area and the centre of every postcode district in Great Britain.

Enough for the demo site and the tests to find places near a postcode without
the 1.7-million-row import; postcodes outside the demo area still resolve to
their district's centre. Idempotent and takes about a second, so `seed_demo`
calls it every time.
"""

import csv
import gzip
from pathlib import Path

from django.core.management.base import BaseCommand

from directory.postcode_store import store_districts, store_postcodes

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DEMO_POSTCODES_FILE = DATA_DIR / "postcodes-demo-area.csv.gz"
DISTRICTS_FILE = DATA_DIR / "postcode-districts.csv"


def read_demo_postcodes(path: Path = DEMO_POSTCODES_FILE):
    """(postcode, district, latitude, longitude) rows of the shipped file."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            yield (
                row["postcode"],
                row["district"],
                float(row["latitude"]),
                float(row["longitude"]),
            )


def read_districts(path: Path = DISTRICTS_FILE):
    """(district, latitude, longitude) rows of the shipped file."""
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            yield row["district"], float(row["latitude"]), float(row["longitude"])


class Command(BaseCommand):
    help = "Load the shipped demo-area postcodes and GB postcode-district centres. Idempotent."

    def handle(self, *args, **options):
        districts = store_districts(read_districts())
        postcodes = store_postcodes(read_demo_postcodes())
        self.stdout.write(
            f"Loaded {postcodes:,} demo-area postcodes and {districts:,} postcode districts."
        )
