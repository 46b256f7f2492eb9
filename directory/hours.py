"""Opening-hours logic over plain values: is a place open at a moment, on a
day, and how to say its hours in words. Works on anything with weekday,
opens, closes, by_appointment and note attributes (OpeningHours rows)."""

import datetime

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def format_time(value):
    """10am, 1:30pm, 12 noon: the GOV.UK style for times."""
    if value == datetime.time(12, 0):
        return "12 noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def describe_session(session):
    if session.by_appointment:
        text = "by appointment"
    else:
        text = f"{format_time(session.opens)} to {format_time(session.closes)}"
    return f"{text} ({session.note})" if session.note else text


def sessions_on(hours, weekday):
    return sorted(
        (session for session in hours if session.weekday == weekday),
        key=lambda session: (session.by_appointment, session.opens or datetime.time.min),
    )


def describe_day(hours, weekday):
    """'10am to 1pm, 2pm to 5pm', or 'Closed'."""
    sessions = sessions_on(hours, weekday)
    if not sessions:
        return "Closed"
    return ", ".join(describe_session(session) for session in sessions)


def is_open_at(hours, moment):
    """Open for drop-in at this local datetime (appointment-only times do
    not count as open)."""
    now = moment.time()
    return any(
        not session.by_appointment and session.opens <= now < session.closes
        for session in sessions_on(hours, moment.weekday())
    )


def is_open_on(hours, weekday):
    return any(session.weekday == weekday for session in hours)


def weekly_table(hours):
    """Seven rows, Monday first: (day name, description)."""
    return [(DAY_NAMES[day], describe_day(hours, day)) for day in range(7)]
