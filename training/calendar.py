"""iCalendar (RFC 5545) files written by hand: a handful of properties do
not justify a dependency. Plain functions over plain values, so they are
tested without HTTP.

What the RFC asks of us: CRLF line endings; content lines folded at 75
octets (a continuation line starts with one space, and a UTF-8 character is
never split); commas, semicolons, backslashes and newlines in text escaped;
every VEVENT with a UID and a DTSTAMP; times in UTC written with a Z."""

import datetime
from dataclasses import dataclass

CRLF = "\r\n"
MAX_OCTETS = 75
PRODID = "-//Digital inclusion partnership//Courses//EN"


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime.datetime
    end: datetime.datetime
    summary: str
    location: str = ""
    url: str = ""
    description: str = ""


def escape(text):
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def utc(moment):
    """A DATE-TIME in UTC form: 20261201T100000Z."""
    if moment.tzinfo is None:
        raise ValueError("Calendar times must be timezone-aware.")
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """Split a content line into lines of at most 75 octets each, the
    continuation lines starting with a space (RFC 5545 3.1)."""
    parts, current, size = [], "", 0
    for character in line:
        octets = len(character.encode())
        if size + octets > MAX_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += character
        size += octets
    parts.append(current)
    return CRLF.join(parts)


def event_lines(event, stamp):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(event.start)}",
        f"DTEND:{utc(event.end)}",
        f"SUMMARY:{escape(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, name, stamp=None):
    """A whole VCALENDAR as text, ready to send as text/calendar."""
    stamp = stamp or datetime.datetime.now(datetime.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines.extend(event_lines(event, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
