"""Events in the period, beside the courses: how many were held (or are
planned for later in the period, as sessions are counted), the places
booked on them and the people who came, as the organiser's register marks
them. Events that need no booking have no register, so their people are
not counted."""

from django.db.models import Count, Q

from events.models import EventPage
from training.models import Booking

from .tables import Row, Table


def events_table(period):
    start, after = period.moments()
    held = (
        EventPage.objects.live()
        .public()
        .filter(start__gte=start, start__lt=after, cancelled=False)
        .order_by()
    )
    counts = held.aggregate(
        events=Count("pk"), booked_events=Count("pk", filter=Q(capacity__isnull=False))
    )
    people = Booking.objects.filter(session__host_page_id__in=held.values("pk")).aggregate(
        booked=Count("pk", filter=Q(status=Booking.Status.CONFIRMED)),
        came=Count("pk", filter=Q(attended=True)),
    )
    return Table(
        slug="events",
        title="Events",
        label_heading="Figure",
        value_heading="Number",
        rows=(
            Row("Events held", counts["events"]),
            Row("Events taking bookings", counts["booked_events"]),
            Row("Places booked", people["booked"], about_people=True),
            Row("People who came", people["came"], about_people=True),
        ),
        description=(
            "Events are counted in the period they start in (events already planned for later "
            "in the period count too; cancelled ones do not). People who came are those the "
            "organiser marked in the event's register; events that need no booking have none."
        ),
    )


def tables(period):
    return [events_table(period)]
