"""Demo events: the events index and a handful of upcoming and past events
at the demo access points, online and elsewhere, with bookings on some.
Called by `seed_demo` through EventsConfig.seed_demo, after the directory's
and the courses' demo; idempotent (nothing is added once any event exists)."""

import datetime

from django.utils import timezone

from directory.models import AccessPointPage
from events.models import EventIndexPage, EventPage

Kind, Where = EventPage.Kind, EventPage.Where

# Title, days from today (negative: past), hour, kind, where, capacity,
# summary. Where "venue N" is the Nth demo access point.
EVENTS = [
    (
        "Get online week drop-in",
        9,
        10,
        Kind.DROP_IN,
        "venue 0",
        20,
        "Bring your phone or tablet and ask us anything.",
    ),
    (
        "Staying safe online coffee morning",
        16,
        11,
        Kind.WORKSHOP,
        "venue 1",
        None,
        "Learn how to spot scams, over a cup of tea. No need to book.",
    ),
    (
        "Video calling for beginners (online)",
        5,
        14,
        Kind.WORKSHOP,
        "online",
        30,
        "Join from home and learn to make a video call to family and friends.",
    ),
    (
        "Family gaming afternoon",
        23,
        13,
        Kind.GAMING,
        "venue 2",
        15,
        "Try games consoles and coding games together. For families with children over 8.",
    ),
    (
        "Chorley civic hack day",
        40,
        9,
        Kind.HACK,
        "address",
        40,
        "Build something useful for local people with open data, in a day.",
    ),
    (
        "Digital inclusion week launch",
        -20,
        10,
        Kind.DROP_IN,
        "venue 0",
        20,
        "The week's opening drop-in, with partners' stalls.",
    ),
    (
        "Spot the scam webinar",
        -45,
        18,
        Kind.WORKSHOP,
        "online",
        50,
        "An hour online on the scams going round this winter.",
    ),
]
ADDRESS = "Chorley Town Hall, Market Street, Chorley"
JOINING_LINK = "https://meet.example.org/get-online-demo"


def build(home, stdout):
    from tests.factories.events import EventIndexPageFactory, EventPageFactory
    from tests.factories.training import BookingFactory

    index = EventIndexPage.objects.first() or EventIndexPageFactory(
        parent=home,
        intro="Drop-ins, workshops, gaming and hack days across Chorley and South Ribble.",
    )
    if EventPage.objects.exists():
        return
    venues = list(AccessPointPage.objects.live().filter(hide_address=False).order_by("path")[:3])
    today = timezone.localdate()
    for title, days, hour, kind, where, capacity, summary in EVENTS:
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
        )
        place = _place(where, venues)
        event = EventPageFactory(
            parent=index,
            title=title,
            summary=summary,
            kind=kind,
            start=start,
            end=start + datetime.timedelta(hours=2),
            capacity=capacity,
            audience="Anyone who lives or works in Chorley and South Ribble.",
            **place,
        )
        if days < 0 and event.booking_session:
            for number in range(capacity // 2):
                BookingFactory(
                    session=event.booking_session, attended=number % 4 != 0, status="confirmed"
                )
    stdout.write(f"Demo events: {len(EVENTS)} at {index.url_path}")


def _place(where, venues):
    if where == "online":
        return {"where": Where.ONLINE, "address": "", "joining_link": JOINING_LINK}
    if where.startswith("venue") and venues:
        venue = venues[int(where.split()[1]) % len(venues)]
        return {
            "where": Where.ACCESS_POINT,
            "venue": venue,
            "address": "",
            "organiser": venue.get_parent().specific,
        }
    return {"where": Where.ADDRESS, "address": ADDRESS}
