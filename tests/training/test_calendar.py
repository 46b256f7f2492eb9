"""iCalendar files: the RFC 5545 rules calendar apps rely on, and the
course page's downloads."""

import datetime

import pytest

from tests.factories.training import SessionFactory, upcoming
from training import calendar

LONDON_SUMMER = datetime.timezone(datetime.timedelta(hours=1))


def unfold(text):
    return text.replace("\r\n ", "")


def test_text_escaping():
    assert calendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_times_are_utc_with_z():
    moment = datetime.datetime(2099, 7, 1, 10, 30, tzinfo=LONDON_SUMMER)
    assert calendar.utc(moment) == "20990701T093000Z"
    with pytest.raises(ValueError):
        calendar.utc(datetime.datetime(2099, 7, 1, 10, 30))


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "Café and wifi " * 20
    folded = calendar.fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert unfold(folded) == line


def test_calendar_structure():
    start = datetime.datetime(2099, 12, 1, 10, tzinfo=datetime.UTC)
    event = calendar.Event(
        uid="course-session-1@example.org",
        start=start,
        end=start + datetime.timedelta(hours=2),
        summary="Email, for beginners; week 1",
        location="Library, Market Street",
        url="https://example.org/course/",
    )
    text = calendar.calendar([event], "Email", stamp=start)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = unfold(text).split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "SUMMARY:Email\\, for beginners\\; week 1" in lines
    assert "DTSTART:20991201T100000Z" in lines
    assert "DTEND:20991201T120000Z" in lines
    assert "DTSTAMP:20991201T100000Z" in lines
    assert "LOCATION:Library\\, Market Street" in lines


def parse_events(text):
    """The VEVENTs of an iCalendar text, each as a dict of its properties."""
    events, current = [], None
    for line in unfold(text).split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


@pytest.mark.django_db
def test_course_feed_has_one_event_per_upcoming_session(client, course, venue):
    SessionFactory(page=course, venue=venue, start=upcoming(days=-2))
    first = SessionFactory(page=course, venue=venue, start=upcoming(days=3, hour=18))
    second = SessionFactory(page=course, venue=None, start=upcoming(days=10))
    response = client.get(course.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="email-for-beginners.ics"'
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    events = parse_events(text)
    assert [event["UID"] for event in events] == [
        f"course-session-{first.pk}@testserver",
        f"course-session-{second.pk}@testserver",
    ]
    assert events[0]["DTSTART"] == calendar.utc(first.start)
    assert all(event["DTSTART"].endswith("Z") and event["DTEND"].endswith("Z") for event in events)
    assert events[0]["SUMMARY"] == "Email for beginners"
    assert events[0]["LOCATION"].startswith("Chorley Library\\, Market Street")
    assert events[1]["LOCATION"] == "In person at an access point"
    assert events[0]["URL"] == "http://testserver" + course.url  # WAGTAILADMIN_BASE_URL


@pytest.mark.django_db
def test_add_one_session_to_a_calendar(client, course, venue):
    session = SessionFactory(page=course, venue=venue)
    response = client.get(f"{course.url}sessions/{session.pk}/calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f"email-for-beginners-{session.start:%Y-%m-%d}.ics" in response["Content-Disposition"]
    assert len(parse_events(response.content.decode())) == 1


@pytest.mark.django_db
def test_unknown_or_past_session_is_not_found(client, course, venue, organisation):
    past = SessionFactory(page=course, venue=venue, start=upcoming(days=-1))
    other_course = type(course)(title="Other", slug="other", summary="x")
    organisation.add_child(instance=other_course)
    elsewhere = SessionFactory(page=other_course, venue=venue)
    for pk in (past.pk, elsewhere.pk, 999999):
        assert client.get(f"{course.url}sessions/{pk}/calendar/").status_code == 404
