"""The upcoming events /events/ lists: soonest first, filtered, each with
its places taken, in a fixed number of queries however many there are.
Plain functions over plain values, tested without HTTP."""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import EventPage
from training.models import Booking


def upcoming(now=None):
    """Live, public events that have not ended, soonest first."""
    now = now or timezone.now()
    return (
        EventPage.objects.live()
        .public()
        .filter(end__gt=now)
        .select_related("venue", "venue__area", "venue__area__parent")
        .order_by("start", "title", "pk")
    )


def with_places(events):
    """Annotate `places_taken` (confirmed bookings), one subquery for all."""
    taken = (
        Booking.objects.filter(session__host_page_id=OuterRef("pk"), status="confirmed")
        .order_by()
        .values("session__host_page_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return events.annotate(
        places_taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))
    )


def end_of_week(now):
    """Midnight at the end of this Sunday, in the site's time zone."""
    today = timezone.localtime(now).date()
    monday = today + datetime.timedelta(days=7 - today.weekday())
    return _midnight(monday)


def end_of_month(now):
    today = timezone.localtime(now).date()
    first_of_next = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return _midnight(first_of_next)


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def filtered(events, chosen, now=None):
    """Narrow upcoming events by the filters chosen (EventFilterForm.chosen)."""
    now = now or timezone.now()
    if chosen.get("when") == "week":
        events = events.filter(start__lt=end_of_week(now))
    elif chosen.get("when") == "month":
        events = events.filter(start__lt=end_of_month(now))
    if chosen.get("kind"):
        events = events.filter(kind=chosen["kind"])
    if chosen.get("place"):
        events = events.filter(where=EventPage.Where.ACCESS_POINT, venue__town=chosen["place"])
    if chosen.get("attendance") == "online":
        events = events.filter(where=EventPage.Where.ONLINE)
    elif chosen.get("attendance") == "in_person":
        events = events.exclude(where=EventPage.Where.ONLINE)
    return events


def towns_with_events(events):
    """The towns of the access points these events are held at, A to Z,
    for the place filter (a handful, however many events there are)."""
    towns = (
        events.filter(where=EventPage.Where.ACCESS_POINT, venue__isnull=False)
        .order_by()
        .values_list("venue__town", flat=True)
        .distinct()
    )
    return sorted(set(towns))


def events_at(venue, now=None, limit=5):
    """The next few live events at an access point, soonest first."""
    return list(upcoming(now).filter(where=EventPage.Where.ACCESS_POINT, venue=venue)[:limit])


def events_naming(venue):
    """Live events held at this access point: their pages name it, so a
    CDN forgets them when it changes (directory/listing_extras.py)."""
    return EventPage.objects.live().filter(venue=venue)


def next_events(limit=3, now=None, within=None):
    events = with_places(upcoming(now))
    if within is not None:
        events = events.filter(path__startswith=within.path)
    return list(events[:limit])
