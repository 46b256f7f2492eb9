"""A UK profile service (already validated) that is a course, as the values
of one of our courses (training.CoursePage) and its dated sessions.

**What makes a service a course** (docs/federation.md): ORUK 3.0 has no
"course" type, so we go by what a course publishes, ours included
(openreferral/courses.py):

- a term of a taxonomy named "Course levels" (our API gives every course
  one), or
- schedules that are all one-off dated occurrences: a `dtstart` (or
  `valid_from`) with no `freq`, with `opens_at` and `closes_at`. A place
  publishes weekly opening hours (`freq` WEEKLY) instead.

A session is held at the location its schedule's `service_at_location_id`
names: a venue when that location is one of the feed's places we imported
(the caller's `venues`: location id to our page), else none (online, by
phone, or somewhere the feed does not list as a service of its own, named
in the session's note). ORUK gives no capacity: imported courses take no
bookings here (people book with the provider), so each session gets
IMPORTED_CAPACITY, which nothing shows or uses."""

import dataclasses
import datetime
import zoneinfo

from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator

from federation.mapping import (
    attribute_terms,
    cost,
    first_phone,
    term_names,
    updated,
)
from federation.plain_text import one_line, plain_text
from federation.schedules import clock_time, date
from federation.schedules import description as schedule_text
from training.models import CoursePage

COURSE_LEVELS_TAXONOMY = "course levels"
IMPORTED_CAPACITY = 1
LONDON = zoneinfo.ZoneInfo("Europe/London")
WITHDRAWN_STATUSES = frozenset({"inactive", "defunct"})
LEVELS = {value: value for value in CoursePage.Level.values} | {
    label.casefold(): value for value, label in CoursePage.Level.choices
}
AUDIENCE, TO_BRING = "Who it is for: ", "What to bring: "


@dataclasses.dataclass
class SessionValues:
    start: datetime.datetime
    end: datetime.datetime
    location_id: str
    remote: bool
    note: str
    place: str  # where, in words, for a place that is not one of the feed's


@dataclasses.dataclass
class CourseValues:
    title: str
    summary: str
    description: str
    audience: str
    what_to_bring: str
    level: str
    format: str
    cost: str
    cost_note: str
    phone: str
    email: str
    updated: datetime.date | None
    active: bool
    sessions: list
    schedule_notes: list
    skill_areas: list
    features: list
    languages: list
    terms: set


def is_one_off(schedule):
    return (
        not schedule.get("freq")
        and date(schedule.get("dtstart") or schedule.get("valid_from")) is not None
        and clock_time(schedule.get("opens_at")) is not None
        and clock_time(schedule.get("closes_at")) is not None
    )


def is_course(data):
    """Whether the service is a course (the rule above)."""
    terms = attribute_terms(data.get("attributes", []))
    if any(str(term.get("taxonomy", "")).casefold() == COURSE_LEVELS_TAXONOMY for term in terms):
        return True
    schedules = data.get("schedules", [])
    return bool(schedules) and all(is_one_off(schedule) for schedule in schedules)


def course_values(data, vocabulary, now=None):
    """The CourseValues of a validated course service."""
    now = now or timezone.now()
    locations = {
        at.get("id"): at.get("location") or {} for at in data.get("service_at_locations", [])
    }
    sessions, notes, other_times = [], [], []
    for schedule in data.get("schedules", []):
        text = schedule_text(schedule)
        if not is_one_off(schedule):
            other_times.append(text)
            notes.append(f"a schedule that is not one dated session kept as text: {text!r}.")
            continue
        session = session_values(schedule, locations)
        if session.end <= session.start:
            notes.append(f"a session that ends before it starts was left out ({text!r}).")
        elif session.end > now:
            sessions.append(session)
    sessions.sort(key=lambda session: (session.start, session.end))
    lines = plain_text(data.get("description")).split("\n")
    audience = next((line[len(AUDIENCE) :] for line in lines if line.startswith(AUDIENCE)), "")
    to_bring = next((line[len(TO_BRING) :] for line in lines if line.startswith(TO_BRING)), "")
    paragraphs = [line for line in lines[1:] if not line.startswith((AUDIENCE, TO_BRING))]
    paragraphs += [f"Other times: {text}" for text in other_times]
    terms = attribute_terms(data.get("attributes", []))
    options = data.get("cost_options", [])
    return CourseValues(
        title=one_line(data.get("name"), 255) or "Unnamed course",
        summary=Truncator(lines[0]).chars(250) if lines[0] else "",
        description="".join(f"<p>{escape(line)}</p>" for line in paragraphs if line),
        audience=Truncator(audience).chars(250),
        what_to_bring=Truncator(to_bring).chars(250),
        level=level(terms),
        format=course_format(data, sessions),
        cost=cost(options),
        cost_note=cost_note(options),
        phone=first_phone(data),
        email=data.get("email") or "",
        updated=updated(data.get("last_modified")),
        active=data.get("status") not in WITHDRAWN_STATUSES,
        sessions=sessions,
        schedule_notes=notes,
        skill_areas=vocabulary.skill_areas_named(terms),
        features=vocabulary.features_named(terms),
        languages=vocabulary.languages_of(data),
        terms={
            str(term.get(key)).casefold()
            for term in terms
            for key in ("id", "code", "name", "term")
            if term.get(key)
        },
    )


def session_values(schedule, locations):
    day = date(schedule.get("dtstart") or schedule.get("valid_from"))
    last_day = date(schedule.get("valid_to")) or day
    location = locations.get(schedule.get("service_at_location_id"))
    if location is None and len(locations) == 1:
        location = next(iter(locations.values()))
    location = location or {}
    remote = location.get("location_type") == "virtual" or not location.get("addresses")
    return SessionValues(
        start=moment(day, clock_time(schedule["opens_at"])),
        end=moment(last_day, clock_time(schedule["closes_at"])),
        location_id=str(location.get("id") or ""),
        remote=remote,
        note=one_line(schedule.get("notes"), 120),
        place="" if remote else place_words(location),
    )


def place_words(location):
    """'Astley Hall, Hall Gate, Chorley, PR7 1NP'."""
    address = (location.get("addresses") or [{}])[0]
    parts = [location.get("name")] + [
        address.get(key) for key in ("address_1", "city", "postal_code")
    ]
    return ", ".join(one_line(part, 80) for part in parts if isinstance(part, str) and part)


def moment(day, time):
    """A UK local date and time (what our API publishes) as an aware datetime."""
    return datetime.datetime.combine(day, time.replace(tzinfo=None), tzinfo=LONDON)


def level(terms):
    for term in terms:
        if str(term.get("taxonomy", "")).casefold() == COURSE_LEVELS_TAXONOMY:
            for name in term_names(term):
                if str(name).casefold() in LEVELS:
                    return LEVELS[str(name).casefold()]
    return CoursePage.Level.BEGINNER


def course_format(data, sessions):
    """In person when any session has a place; else by phone when its
    sessions say so, else online."""
    if not sessions or any(not session.remote for session in sessions):
        return CoursePage.Format.IN_PERSON
    said = " ".join(
        str(schedule.get("attending_type") or "") for schedule in data.get("schedules", [])
    ).casefold()
    if "phone" in said and "online" not in said:
        return CoursePage.Format.PHONE
    return CoursePage.Format.ONLINE


def cost_note(options):
    for option in options:
        note = one_line(option.get("amount_description"), 120)
        if note and note != one_line(option.get("option"), 120):
            return note
    return ""
