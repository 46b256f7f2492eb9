"""Every answer about the whole demo directory conforms to the UK profile:
every page of every list, every service, service_at_location, organisation,
taxonomy and term, and the lists each filter gives. And each filter gives
what the published details say: a term filter finds exactly the services
that carry the term, a day or time filter those with such a schedule.

The demo takes a while to build (about half a minute), so one test walks
it all and reports every problem it finds at once."""

import datetime

from django.utils import timezone

from directory.search import DirectoryQuery, find_hits
from openreferral import ids
from openreferral.serialisers.schedules import DAY_CODES
from tests.openreferral import profile

LIST_SCHEMAS = {
    "services": profile.openapi_response("/services"),
    "service_at_locations": profile.openapi_response("/service_at_locations"),
    "organizations": profile.page_of("compiled/organization_list.json"),
    "taxonomies": profile.openapi_response("/taxonomies"),
    "taxonomy_terms": profile.openapi_response("/taxonomy_terms"),
}
DETAIL_SCHEMAS = {
    "services": profile.schema_file("compiled/service.json"),
    # The profile's OpenAPI document names compiled/service.json here too,
    # which no service_at_location can match (it requires a name and a
    # status): the compiled service_at_location schema is the one meant.
    "service_at_locations": profile.schema_file("compiled/service_at_location.json"),
    "organizations": profile.schema_file("compiled/organization.json"),
    "taxonomies": profile.openapi_response("/taxonomies/{id}"),
    "taxonomy_terms": profile.openapi_response("/taxonomy_terms/{id}"),
}


class Walker:
    """Asks the API, validates every answer, and keeps the problems."""

    def __init__(self, client):
        self.client = client
        self.problems = []
        self.requests = 0

    def get(self, path, validator, **params):
        response = self.client.get(f"/api/oruk/{path}", params)
        self.requests += 1
        where = f"{path} {params or ''}"
        if response.status_code != 200 or response["Access-Control-Allow-Origin"] != "*":
            self.problems.append(f"{where}: {response.status_code} {response.content[:200]}")
            return None
        data = response.json()
        self.problems += [f"{where}: {error}" for error in profile.errors(validator, data)]
        return data

    def every_page(self, path, per_page=50, **params):
        """Every item of a list, page by page, checking the envelope."""
        items, page = [], 1
        while True:
            data = self.get(path, LIST_SCHEMAS[path], page=page, per_page=per_page, **params)
            if data is None:
                return items
            items += data["contents"]
            expected = (page == 1, page >= data["total_pages"], data["size"])
            if (data["first_page"], data["last_page"], len(data["contents"])) != expected:
                self.problems.append(f"{path} page {page}: envelope {data}")
            if data["last_page"]:
                if len(items) != data["total_items"]:
                    self.problems.append(f"{path}: {len(items)} of {data['total_items']} items")
                return items
            page += 1

    def ids(self, path, **params):
        return {
            row["id"] if path != "service_at_locations" else row["service"]["id"]
            for row in self.every_page(path, **params)
        }


def carried_terms(service, is_place):
    """Every taxonomy term id a service's details carry: its attributes and,
    for a place, its own location's accessibility. A course's accessibility
    is its own (as in the site's search), not that of the places it is at."""
    found = {attribute["taxonomy_term_id"] for attribute in service["attributes"]}
    if is_place:
        for entry in service["service_at_locations"][0]["location"]["accessibility"]:
            found |= {attribute["taxonomy_term_id"] for attribute in entry["attributes"]}
    return found


def test_every_endpoint_conforms_across_the_demo_directory(full_demo_site, client):
    walker = Walker(client)
    walker.get("", profile.openapi_response("/"))

    listed = walker.every_page("services", per_page=20)
    published = find_hits(DirectoryQuery(), timezone.localtime())
    assert len(listed) == len(published) > 80  # every access point and course
    assert len({service["id"] for service in listed}) == len(listed)
    kinds = {hit.source for hit in published}
    assert kinds == {"place", "course"}

    places = {ids.service(hit.source, hit.pk) for hit in published if hit.source == "place"}
    services = {}
    for row in listed:
        services[row["id"]] = walker.get(f"services/{row['id']}", DETAIL_SCHEMAS["services"])
    statuses = {service["status"] for service in services.values()}
    assert statuses == {"active", "temporarily closed"}
    at_locations = [sal for s in services.values() for sal in s["service_at_locations"]]
    assert any(sal["location"]["location_type"] == "virtual" for sal in at_locations)
    assert any("latitude" not in sal["location"] for sal in at_locations)  # hidden addresses
    for sal in at_locations:
        walker.get(f"service_at_locations/{sal['id']}", DETAIL_SCHEMAS["service_at_locations"])
    rows = walker.every_page("service_at_locations")
    assert {row["service"]["id"] for row in rows} == set(services)

    for organisation in walker.every_page("organizations", per_page=10):
        walker.get(f"organizations/{organisation['id']}", DETAIL_SCHEMAS["organizations"])
    for taxonomy in walker.every_page("taxonomies", per_page=2):
        walker.get(f"taxonomies/{taxonomy['id']}", DETAIL_SCHEMAS["taxonomies"])
        terms = walker.every_page("taxonomy_terms", taxonomy_id=taxonomy["id"])
        carrying = {
            sid
            for sid, s in services.items()
            if carried_terms(s, sid in places) & {t["id"] for t in terms}
        }
        if walker.ids("services", taxonomy_id=taxonomy["id"]) != carrying:
            walker.problems.append(f"taxonomy_id={taxonomy['name']} finds other services")
        for term in terms:
            walker.get(f"taxonomy_terms/{term['id']}", DETAIL_SCHEMAS["taxonomy_terms"])
            carrying = {
                sid for sid, s in services.items() if term["id"] in carried_terms(s, sid in places)
            }
            if walker.ids("services", taxonomy_term_id=term["id"]) != carrying:
                walker.problems.append(f"taxonomy_term_id={term['name']} finds other services")

    for code in DAY_CODES:
        having = {
            sid for sid, s in services.items() if any(x["byday"] == code for x in s["schedules"])
        }
        if walker.ids("services", day=code) != having:
            walker.problems.append(f"day={code} finds other services")
    for start, end in (("09:00", "12:30"), ("13:00", None), (None, "12:00")):
        having = {
            sid
            for sid, s in services.items()
            if any(
                "opens_at" in x
                and (start is None or x["opens_at"] >= start)
                and (end is None or x["closes_at"] <= end)
                for x in s["schedules"]
            )
        }
        params = {key: value for key, value in (("start_time", start), ("end_time", end)) if value}
        if walker.ids("services", **params) != having:
            walker.problems.append(f"{params} finds other services")
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    # Demo pages were made live without a publishing time: never missed.
    assert walker.ids("services", modified_after=tomorrow) == set(services)
    for params in ({"search": "wifi"}, {"postcode": "PR7 1AB", "proximity": "3000"}):
        walker.every_page("service_at_locations", **params)

    print(f"{walker.requests} requests")  # reported, not asserted
    assert walker.problems == [], "\n".join(walker.problems)
