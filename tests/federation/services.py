"""UK profile services for the import tests, built from the upstream
example (examples/service_full.json) with a UK place and our own lists."""

import copy
import datetime
import json
import uuid
from pathlib import Path

EXAMPLES = Path(__file__).parent / "examples"


def example(name):
    return json.loads((EXAMPLES / name).read_text())


def uk_service(name="Astley Library", postcode="PR7 1DP", **fields):
    """The upstream full service, placed in Chorley, with a fresh id."""
    service = copy.deepcopy(example("service_full.json"))
    service["id"] = str(uuid.uuid4())
    service["name"] = name
    location = service["service_at_locations"][0]["location"]
    location["latitude"], location["longitude"] = 53.6531, -2.6321
    address = location["addresses"][0]
    address.update(postal_code=postcode, city="Chorley", country="GB")
    # The example's weekly schedule holds for one day in 2005 (and names
    # days of the month, which a weekly schedule ignores): open-ended here.
    for schedule in service["schedules"]:
        for key in ("valid_from", "valid_to", "dtstart", "bymonthday"):
            schedule.pop(key, None)
    service.update(fields)
    return service


def uk_course(name="Getting online", at=None, days=(30,), **fields):
    """A course as a feed publishes one (as our own API does): a one-off
    dated session, 10:00 to 12:00, so many days from today, each at `at` (a
    place service of the same feed: its location), or online."""
    course = uk_service(name)
    if at is not None:
        location = copy.deepcopy(at["service_at_locations"][0]["location"])
    else:
        location = {
            "id": str(uuid.uuid4()),
            "location_type": "virtual",
            "name": "Online",
            "addresses": [],
            "accessibility": [],
        }
    at_location = str(uuid.uuid4())
    course["service_at_locations"] = [
        {
            "id": at_location,
            "service_id": course["id"],
            "location_id": location["id"],
            "location": location,
        }
    ]
    course["schedules"] = []
    for ahead in days:
        day = (datetime.date.today() + datetime.timedelta(days=ahead)).isoformat()
        course["schedules"].append(
            {
                "id": str(uuid.uuid4()),
                "service_id": course["id"],
                "service_at_location_id": at_location,
                "valid_from": day,
                "valid_to": day,
                "dtstart": day,
                "opens_at": "10:00",
                "closes_at": "12:00",
                "attending_type": "In person" if at is not None else "Online",
                "notes": "Bring your phone",
            }
        )
    course.update(fields)
    return course
