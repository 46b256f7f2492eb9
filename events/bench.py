"""Events at benchmark scale: `seed_bench --listings N` adds one event for
every ten synthetic access points (1,000 at 10,000 listings), after the
directory and the courses (directory/bench.py, training/bench.py).

Event n is the same event on every run, so running again only tops up.
Every fifth is online, every fifth at a free address, the rest at an access
point; two in three take bookings (20 places, with the session the booking
engine books on), the rest need none. The pages go in a hundred at a time
with the rows the admin writes (directory/page_rows.py). Every run dates
them afresh from today, one in five in the past, so a bench database kept
for months still has a realistic list."""

import datetime
import time

from django.db import transaction
from django.utils import timezone

from directory.models import AccessPointPage
from directory.page_rows import NewPage, PageRows
from events.models import EventIndexPage, EventPage
from training.models import Session

LISTINGS_PER_EVENT = 10
BATCH = 100
DAYS_AHEAD = 80  # upcoming events spread over this many days from tomorrow
DAYS_PAST = 20  # one in five over this many days before today
CAPACITY = 20
Kind, Where = EventPage.Kind, EventPage.Where
KINDS = list(Kind)


def seed(listings, stdout):
    wanted = listings // LISTINGS_PER_EVENT
    if wanted <= 0:
        return
    index = EventIndexPage.objects.first()
    if index is None:
        stdout.write("Bench events: none added, as there is no events index (run seed_demo).")
        return
    started = time.perf_counter()
    have = set(
        index.get_children().filter(slug__startswith="bench-event-").values_list("slug", flat=True)
    )
    missing = [number for number in range(wanted) if event_slug(number) not in have]
    venues = list(AccessPointPage.objects.live().order_by("pk").values_list("pk", flat=True)[:500])
    with transaction.atomic():
        for start in range(0, len(missing), BATCH):
            pages = [synthetic_event(number, venues) for number in missing[start : start + BATCH]]
            PageRows(index, pages).insert()
            Session.objects.bulk_create(
                Session(
                    host_page_id=new.page.pk,
                    start=new.page.start,
                    end=new.page.end,
                    capacity=new.page.capacity,
                    venue_id=new.page.venue_id,
                )
                for new in pages
                if new.page.capacity
            )
        redate(timezone.localdate())
    seconds = time.perf_counter() - started
    stdout.write(
        f"Bench events: {wanted} synthetic events ({len(missing)} added, all dated afresh, "
        f"in {seconds:.1f} s)."
    )


def event_slug(number):
    return f"bench-event-{number}"


def when(number, today):
    if number % 5 == 2:
        day = today - datetime.timedelta(days=number % DAYS_PAST + 1)
    else:
        day = today + datetime.timedelta(days=number % DAYS_AHEAD + 1)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10 + number % 8)))
    return start, start + datetime.timedelta(hours=2)


def synthetic_event(number, venues):
    start, end = when(number, timezone.localdate())
    kind = KINDS[number % len(KINDS)]
    if number % 5 == 4 or not venues:
        where = {"where": Where.ONLINE, "joining_link": "https://meet.example.org/bench"}
    elif number % 5 == 3:
        where = {"where": Where.ADDRESS, "address": "Town Hall, Market Street"}
    else:
        where = {"where": Where.ACCESS_POINT, "venue_id": venues[number % len(venues)]}
    page = EventPage(
        title=f"{kind.label} {number}",
        slug=event_slug(number),
        summary="Come along and try something new, with friendly help.",
        kind=kind,
        start=start,
        end=end,
        capacity=None if number % 3 == 2 else CAPACITY,
        audience="Anyone who lives or works in the area.",
        **where,
    )
    return NewPage(page=page, published_at=timezone.now() - datetime.timedelta(days=30))


def redate(today):
    """Date every bench event (and its session) from today."""
    events = list(EventPage.objects.filter(slug__startswith="bench-event-").only("slug"))
    for event in events:
        event.start, event.end = when(int(event.slug.rsplit("-", 1)[1]), today)
    EventPage.objects.bulk_update(events, ["start", "end"], batch_size=500)
    moments = {event.pk: (event.start, event.end) for event in events}
    sessions = list(Session.objects.filter(host_page_id__in=list(moments)))
    for session in sessions:
        session.start, session.end = moments[session.host_page_id]
    Session.objects.bulk_update(sessions, ["start", "end"], batch_size=500)
