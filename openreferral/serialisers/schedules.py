"""Opening hours and course sessions as the profile's schedule (RFC 5545
recurrence fields). Times are UK local time (Europe/London): see
docs/oruk-api.md for why no UTC offset is given."""

from django.utils import timezone

from directory import hours
from openreferral import ids
from openreferral.serialisers.common import compact, date_text, time_text

# RFC 5545 BYDAY codes, Monday first as in directory.hours.
DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def opening_schedule(row, service_id, service_at_location_id, valid_from=None, valid_to=None):
    """One weekly opening session (an OpeningHours row)."""
    day = hours.DAY_NAMES[row.weekday]
    return compact(
        {
            "id": ids.part("schedule", service_id, "opening", row.pk),
            "service_id": service_id,
            "service_at_location_id": service_at_location_id,
            "valid_from": date_text(valid_from),
            "valid_to": date_text(valid_to),
            "freq": "WEEKLY",
            "interval": 1,
            "byday": DAY_CODES[row.weekday],
            "opens_at": None if row.by_appointment else time_text(row.opens),
            "closes_at": None if row.by_appointment else time_text(row.closes),
            "description": f"{day}: {hours.describe_session(row)}",
            "attending_type": "By appointment" if row.by_appointment else "Drop in",
            "notes": row.note,
        }
    )


def session_schedule(session, service_id, service_at_location_id, attending_type, link):
    """One dated course session: a single event, so no recurrence."""
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    return compact(
        {
            "id": ids.part("schedule", service_id, "session", session.pk),
            "service_id": service_id,
            "service_at_location_id": service_at_location_id,
            "valid_from": date_text(start.date()),
            "valid_to": date_text(end.date()),
            "dtstart": date_text(start.date()),
            "byday": DAY_CODES[start.weekday()],
            "opens_at": time_text(start.time()),
            "closes_at": time_text(end.time()),
            "description": session.when,
            "schedule_link": link,
            "attending_type": attending_type,
            "notes": session.note,
        }
    )
