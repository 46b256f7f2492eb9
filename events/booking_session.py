"""The session an event's bookings are held on (training.Session with the
event as its `host_page`), kept in step with the published event: its
times, place and capacity. Raising the capacity offers the new places to
the waiting list, as a course's new places are (training/receivers.py)."""

from django.db import transaction

from training import booking as booking_service
from training import notifications
from training.models import Session


def sync_session(event):
    """Create or update the event's session from the event as published.
    An event with no capacity needs no booking and gets no session (one it
    had keeps its bookings' history; the form refuses to drop a capacity
    while anyone is booked). Returns the session, or None."""
    if event.capacity is None:
        return None
    with transaction.atomic():
        session = Session.objects.select_for_update().filter(host_page_id=event.pk).first()
        if session is None:
            session = Session(host_page_id=event.pk)
        session.start = event.start
        session.end = event.end
        session.capacity = event.capacity
        session.venue_id = event.venue_id if event.where == event.Where.ACCESS_POINT else None
        session.save()
    event.__dict__.pop("booking_session", None)
    for person in booking_service.fill_places(session.pk):
        notifications.place_offered(person)
    return session
