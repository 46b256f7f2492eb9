"""Import the whole of OS Code-Point Open: every postcode in Great Britain.

The repository ships only the demo area (see `load_postcodes`); a partnership
elsewhere runs this once per release. Safe to re-run: postcodes and district
centroids are upserted, never duplicated. See docs/postcodes.md.
"""

import time
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.codepoint import DistrictCentroids, open_release
from directory.postcode_store import store_districts, store_postcodes

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Import OS Code-Point Open (codepo_gb.zip, or a folder of its CSVs) into the "
        "postcode tables, converting grid references to WGS84. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="codepo_gb.zip or a folder of its CSVs")

    def handle(self, *args, path, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        started = time.monotonic()
        try:
            with open_release(path) as files:
                if not files:
                    raise CommandError(f"No Code-Point Open CSV files found in {path}")
                imported, skipped, centroids = self._import_files(files)
        except zipfile.BadZipFile as error:
            raise CommandError(f"{path} is not a zip file or a folder") from error

        districts = store_districts(centroids)
        minutes, seconds = divmod(round(time.monotonic() - started), 60)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {imported:,} postcodes and {districts:,} postcode districts "
                f"in {minutes}m{seconds:02d}s; skipped {skipped:,} without coordinates."
            )
        )

    def _import_files(self, files):
        total_bytes = sum(f.size for f in files) or 1
        done_bytes = imported = skipped = 0
        centroids = DistrictCentroids()

        def located(release_file):
            nonlocal skipped
            for record in release_file.records():
                if not record.has_coordinates:
                    skipped += 1
                    continue
                lat, lng = record.wgs84()
                centroids.add(record.district, lat, lng)
                yield record.postcode, record.district, lat, lng

        self._progress(0, 0, "")
        for release_file in files:
            imported += store_postcodes(located(release_file))
            done_bytes += release_file.size
            self._progress(done_bytes / total_bytes, imported, Path(release_file.name).name)
        if self.stdout.isatty():
            self.stdout.write("")
        return imported, skipped, centroids

    def _progress(self, fraction, imported, name):
        """A bar redrawn in place on a terminal; in a log (or under cron),
        one line per file."""
        filled = round(fraction * BAR_WIDTH)
        line = (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%} "
            f"{imported:>9,} postcodes {name}"
        )
        if self.stdout.isatty():
            self.stdout.write(f"\r{line:<70}", ending="")
            self.stdout.flush()
        else:
            self.stdout.write(line)
