"""The load test's view of the database, run with the app's own Python:

    python -m loadtest.prepare targets FILE   what the simulated people visit
    python -m loadtest.prepare counts         rows of each submission, as JSON

Targets are chosen here, from the seeded data, so the Locust process needs
no database access of its own."""

import datetime
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.loadtest")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from champions.models import Champion, Skill  # noqa: E402
from directory.models import AccessPointPage, Postcode  # noqa: E402
from referrals.models import Referral  # noqa: E402
from training.models import Booking, CoursePage, Session  # noqa: E402

SAMPLE = 300


def counts():
    return {
        "referrals": Referral.objects.count(),
        "champions": Champion.objects.count(),
        "bookings": Booking.objects.count(),
    }


def bookable_sessions():
    """Future sessions with their course page's URL and booking address."""
    found = []
    sessions = (
        Session.objects.filter(start__gt=timezone.now() + datetime.timedelta(days=1))
        .filter(page__live=True)
        .select_related("page")
        .order_by("pk")[:SAMPLE]
    )
    for session in sessions:
        course = session.page.specific
        found.append(
            {
                "course": course.url,
                "book": course.url
                + course.reverse_subpage("book_session", kwargs={"pk": session.pk}),
            }
        )
    return found


def targets():
    places = AccessPointPage.objects.live().public().order_by("?")[:SAMPLE]
    courses = CoursePage.objects.live().public().order_by("?")[:SAMPLE]
    postcodes = Postcode.objects.filter(district__startswith="PR").order_by("?")[:100]
    return {
        "places": [page.url for page in places],
        "courses": [page.url for page in courses],
        "sessions": bookable_sessions(),
        "postcodes": [code.postcode for code in postcodes],
        "skills": list(Skill.objects.values_list("pk", flat=True)[:3]),
    }


def main(argv):
    if argv[:1] == ["counts"]:
        print(json.dumps(counts()))
    elif argv[:1] == ["targets"] and len(argv) == 2:
        found = targets()
        Path(argv[1]).write_text(json.dumps(found, indent=1))
        print({name: len(values) for name, values in found.items()})
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
