"""Work every place's search row out again from the pages
(directory/place_rows.py). The rows follow every change made through the
site; this is for after changing pages' tables by hand or restoring part of
a database."""

import time

from django.core.management.base import BaseCommand

from directory import place_rows
from directory.models import PlaceRow


class Command(BaseCommand):
    help = "Rebuild the directory's search rows (one per live, public access point)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        place_rows.refresh()
        self.stdout.write(
            f"{PlaceRow.objects.count()} search rows in {time.perf_counter() - started:.1f} s."
        )
