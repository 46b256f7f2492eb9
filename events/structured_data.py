"""schema.org `Event` JSON-LD for an event page, so search engines can show
its date and place (as directory/structured_data.py does for places). The
joining link of an online event is never in it: only people with a place
get that."""

import json

from django.utils import timezone
from django.utils.safestring import mark_safe

from directory.structured_data import SCRIPT_ESCAPES

SCHEMA = "https://schema.org/"


def event_json_ld(event, url):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": SCHEMA + ("EventCancelled" if event.cancelled else "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + ("OnlineEventAttendanceMode" if event.is_online else "OfflineEventAttendanceMode"),
        "location": _location(event, url),
    }
    if event.organiser_id:
        data["organizer"] = {"@type": "Organization", "name": event.organiser.title}
    if event.cost.strip().lower() == "free":
        data["isAccessibleForFree"] = True
    if event.takes_bookings:
        left = event.places_left
        data["maximumAttendeeCapacity"] = event.capacity
        data["remainingAttendeeCapacity"] = left
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))  # noqa: S308


def _location(event, url):
    if event.is_online:
        # The event page, where people book: the joining link is private.
        return {"@type": "VirtualLocation", "url": url}
    if event.where == event.Where.ACCESS_POINT and event.venue_id:
        venue = event.venue
        address = {"@type": "PostalAddress", "addressLocality": venue.town, "addressCountry": "GB"}
        if not venue.hide_address:
            street = ", ".join(p for p in (venue.address_line_1, venue.address_line_2) if p)
            if street:
                address["streetAddress"] = street
            address["postalCode"] = venue.postcode
        return {"@type": "Place", "name": venue.title, "address": address}
    return {"@type": "Place", "name": event.address, "address": event.address}
