"""The course page's calendar downloads: a feed of every upcoming session
and an "add to calendar" file for one session. The course page reaches them
through training/page_routes.py. Until issue 16 this was training/views.py."""

from django.http import Http404, HttpResponse

from training import calendar
from website import site_address

CONTENT_TYPE = "text/calendar; charset=utf-8"


def session_event(request, course, session):
    if session.venue_id:
        location = ", ".join([session.venue.title, *session.venue.public_address])
    else:
        location = course.get_format_display()
    description = "\n".join(part for part in (course.summary, session.note) if part)
    return calendar.Event(
        uid=f"course-session-{session.pk}@{request.get_host().split(':')[0]}",
        start=session.start,
        end=session.end,
        summary=course.title,
        location=location,
        url=site_address.page_address(course),
        description=description,
    )


def calendar_response(text, filename):
    response = HttpResponse(text.encode(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def course_calendar(request, course):
    events = [session_event(request, course, s) for s in course.upcoming_sessions]
    return calendar_response(calendar.calendar(events, course.title), f"{course.slug}.ics")


def session_calendar(request, course, pk):
    session = next((s for s in course.upcoming_sessions if s.pk == pk), None)
    if session is None:
        raise Http404("No such upcoming session.")
    text = calendar.calendar([session_event(request, course, session)], course.title)
    return calendar_response(text, f"{course.slug}-{session.start:%Y-%m-%d}.ics")
