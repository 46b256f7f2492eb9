"""A service's schedules (RFC 5545 recurrence fields) as our opening
sessions, and what those cannot hold kept as text.

An opening session (directory.OpeningHours) is a day of the week with
opening and closing times, or by appointment, and a short note; it has no
dates. So:

- **Mapped**: weekly schedules (`freq` WEEKLY, or no `freq` and no date)
  every week (`interval` 1), with one or several `byday` days, `opens_at`
  and `closes_at` (or neither, with an `attending_type` saying appointment).
  Their `notes` become the session's note; a `valid_to` still to come adds
  "until 31 March 2027" to it, a `valid_from` still to come "from …". A
  schedule whose `valid_to` has passed is left out, with a line in the log.
- **Kept as text**: monthly schedules ("the first Tuesday", `bymonthday`),
  fortnightly ones (`interval` 2 or more), one-off dates (`dtstart` with
  no `freq`), and weekly ones with no usable times. Their `description`
  (or, without one, what they say put in words) goes on the listing under
  "Other times", and the import log says which and why.

Nothing is dropped silently."""

import dataclasses
import datetime
import re

from directory.hours import DAY_NAMES
from federation.plain_text import one_line
from openreferral.serialisers.schedules import DAY_CODES

NOTE_LENGTH = 120  # OpeningHours.note
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
DAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


@dataclasses.dataclass
class Hours:
    weekday: int
    opens: datetime.time | None
    closes: datetime.time | None
    by_appointment: bool
    note: str


@dataclasses.dataclass
class Schedules:
    """What a service's schedules become: opening sessions, texts for the
    listing ("Other times"), and lines for the import log."""

    hours: list
    other_times: list
    notes: list


def opening_hours(schedules, today):
    """The Schedules of a service's schedule objects (already validated)."""
    hours, other_times, notes = [], [], []
    for schedule in schedules:
        text = description(schedule)
        ended = date(schedule.get("valid_to"))
        if ended is not None and ended < today:
            notes.append(f"a schedule that ended on {long_date(ended)} was left out ({text!r}).")
            continue
        rows, why_not = weekly_rows(schedule, today)
        if rows:
            hours += rows
        else:
            other_times.append(text)
            notes.append(f"opening times kept as text on the listing, {why_not}: {text!r}.")
    hours.sort(key=lambda row: (row.weekday, row.opens or datetime.time.min))
    return Schedules(hours, other_times, notes)


def weekly_rows(schedule, today):
    """(the opening sessions of a weekly schedule, ""), or ([], why it is
    not one our sessions can hold)."""
    freq = str(schedule.get("freq") or "").upper()
    days = [DAY.match(code.strip().upper()) for code in str(schedule.get("byday") or "").split(",")]
    days = [match for match in days if match]
    if freq == "MONTHLY":
        return [], "as it is monthly"
    if freq not in ("", "WEEKLY"):
        return [], f"as it repeats {freq.lower()}"
    if not freq and (schedule.get("dtstart") or schedule.get("valid_from")):
        return [], "as it is on a date, not every week"
    if schedule.get("interval") not in (None, 1):
        return [], f"as it is every {schedule['interval']} weeks"
    if not days or any(match.group(1) for match in days):
        return [], "as it names no day of the week"
    opens, closes = clock_time(schedule.get("opens_at")), clock_time(schedule.get("closes_at"))
    by_appointment = opens is None or closes is None
    if by_appointment and "appointment" not in str(schedule.get("attending_type", "")).lower():
        return [], "as it gives no opening and closing times"
    if not by_appointment and closes <= opens:
        return [], "as it closes before it opens"
    note = session_note(schedule, today)
    return [
        Hours(
            DAY_CODES.index(match.group(2)),
            None if by_appointment else opens,
            None if by_appointment else closes,
            by_appointment,
            note,
        )
        for match in days
    ], ""


def session_note(schedule, today):
    """The schedule's notes, and the dates it holds from or until when they
    are still to come."""
    parts = [one_line(schedule.get("notes"), NOTE_LENGTH)]
    starts, ends = date(schedule.get("valid_from")), date(schedule.get("valid_to"))
    if starts is not None and starts > today:
        parts.append(f"from {long_date(starts)}")
    if ends is not None:
        parts.append(f"until {long_date(ends)}")
    note = "; ".join(part for part in parts if part)
    return note if len(note) <= NOTE_LENGTH else note[: NOTE_LENGTH - 1] + "…"


def description(schedule):
    """The schedule's own description, else what it says in words."""
    return one_line(schedule.get("description"), 250) or in_words(schedule)


def in_words(schedule):
    """'Every month on the first Tuesday, 10:00 to 12:00', 'On 5 January
    2027, 10:00 to 12:00', 'Every 2 weeks on Monday'."""
    freq = str(schedule.get("freq") or "").upper()
    days = [DAY.match(code.strip().upper()) for code in str(schedule.get("byday") or "").split(",")]
    day_words = [
        " ".join(
            part
            for part in (
                f"the {ORDINALS.get(int(match.group(1)), match.group(1))}"
                if match.group(1)
                else "",
                DAY_NAMES[DAY_CODES.index(match.group(2))],
            )
            if part
        )
        for match in days
        if match
    ]
    month_days = str(schedule.get("bymonthday") or "").strip()
    interval = schedule.get("interval") or 1
    start = date(schedule.get("dtstart") or schedule.get("valid_from"))
    if freq == "MONTHLY":
        when = "Every month" if interval == 1 else f"Every {interval} months"
        on = " and ".join(day_words) or (f"day {month_days}" if month_days else "")
    elif freq == "WEEKLY" or not start:
        when = "Every week" if interval == 1 else f"Every {interval} weeks"
        on = " and ".join(day_words)
    else:
        when, on = f"On {long_date(start)}", ""
    opens, closes = clock_time(schedule.get("opens_at")), clock_time(schedule.get("closes_at"))
    times = f", {opens:%H:%M} to {closes:%H:%M}" if opens and closes else ""
    return f"{when} on {on}{times}" if on else f"{when}{times}"


def clock_time(text):
    """'09:30', '09:30:00' or '09:30:00Z' as a time; None when it is not one."""
    if not isinstance(text, str):
        return None
    try:
        return datetime.time.fromisoformat(text.rstrip("Z")[:8])
    except ValueError:
        return None


def date(text):
    if not isinstance(text, str):
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def long_date(day):
    return f"{day.day} {day:%B %Y}"
