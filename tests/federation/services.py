"""UK profile services for the import tests, built from the upstream
example (examples/service_full.json) with a UK place and our own lists."""

import copy
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
