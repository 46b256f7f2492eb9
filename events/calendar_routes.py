"""iCalendar downloads: every upcoming event (/events/calendar/) and one
event (its page's calendar/), written by training/calendar.py as course
sessions are."""

from training import calendar
from training.calendar_routes import calendar_response
from website import site_address


def event_item(request, event):
    return calendar.Event(
        uid=f"event-{event.pk}@{request.get_host().split(':')[0]}",
        start=event.start,
        end=event.end,
        summary=("Cancelled: " if event.cancelled else "") + event.title,
        location=", ".join(event.place_lines),
        url=site_address.page_address(event),
        description=event.summary,
    )


def all_events_calendar(request, index):
    from events.listing import upcoming

    events = upcoming().filter(path__startswith=index.path)
    text = calendar.calendar([event_item(request, e) for e in events], index.title)
    return calendar_response(text, "events.ics")


def event_calendar(request, event):
    text = calendar.calendar([event_item(request, event)], event.title)
    return calendar_response(text, f"{event.slug}.ics")
