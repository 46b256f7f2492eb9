"""manage.py refresh_reach: work out every area's reach again (daily)."""

import time

from django.core.management.base import BaseCommand

from neighbourhoods import reach


class Command(BaseCommand):
    help = (
        "Work out again, for every area, the nearest access points and the referrals, "
        "bookings and champions from inside it. Run daily."
    )

    def handle(self, **options):
        started = time.perf_counter()
        count = reach.refresh()
        self.stdout.write(
            f"Reach worked out for {count:,} areas in {time.perf_counter() - started:.1f} s."
        )
