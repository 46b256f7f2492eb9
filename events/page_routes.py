"""What the event pages' routes answer and the context they show.
EventsConfig.ready() names this module for the pages (website/page_routes.py),
so the models never import what imports them.

Booking is the course booking engine's: the same booking pages, signed
links and emails (training/booking_routes.py), on the session the event
owns (events/booking_session.py)."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import timezone

from events import listing
from events.calendar_routes import all_events_calendar, event_calendar
from events.forms import EventFilterForm
from events.models import EventPage
from events.structured_data import event_json_ld
from training import booking_routes

PER_PAGE = 20

__all__ = [
    "all_events_calendar",
    "book_event",
    "booking_detail",
    "cancel_booking",
    "event_calendar",
    "event_context",
    "index_context",
]


def _filter_form(request, events):
    places = [(town, town) for town in listing.towns_with_events(events)]
    kinds = EventPage.Kind.choices
    form = EventFilterForm(request.GET, kinds=kinds, places=places)
    chosen = form.chosen()
    if form.errors:
        # A value not offered (an old or tampered address): shown as not chosen.
        form = EventFilterForm({k: v for k, v in chosen.items() if v}, kinds=kinds, places=places)
        form.is_valid()
    return form, chosen


def index_context(request, index):
    now = timezone.now()
    upcoming = listing.upcoming(now).filter(path__startswith=index.path)
    form, chosen = _filter_form(request, upcoming)
    events = listing.filtered(listing.with_places(upcoming), chosen, now)
    page_obj = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    return {
        "form": form,
        "page_obj": page_obj,
        "events": list(page_obj.object_list),
        "filtered": any(chosen.values()),
        "calendar_url": index.calendar_url,
    }


def event_context(request, event):
    now = timezone.now()
    session = event.booking_session
    passed = event.has_passed(now)
    return {
        "index": event.get_parent(),
        "accessibility": list(event.accessibility.all()),
        "passed": passed,
        "bookable": bool(session) and not passed and not event.cancelled,
        "session": session,
        "json_ld": event_json_ld(event, event.get_full_url(request)),
    }


def _unavailable(request, event, message, status):
    return TemplateResponse(
        request,
        "training/booking_unavailable.html",
        {"page": event, "message": message},
        status=status,
    )


def book_event(request, event):
    """The booking form for the event's session, or why it cannot be booked."""
    if not event.takes_bookings or event.booking_session is None:
        return _unavailable(request, event, "You do not need to book this event.", status=404)
    if event.has_passed() or event.booking_session.has_started:
        return _unavailable(
            request, event, "This event has already started, so it cannot be booked.", status=410
        )
    if event.cancelled:
        return _unavailable(request, event, event.booking_closed_reason, status=410)
    return booking_routes.book_session(request, event, event.booking_session.pk)


def booking_detail(request, event, token):
    return booking_routes.booking_detail(request, event, token)


def cancel_booking(request, event, token):
    return booking_routes.cancel_booking(request, event, token)
