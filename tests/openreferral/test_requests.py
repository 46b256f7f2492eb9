"""What every request gets, whatever it asks: JSON, CORS, a clear 400 for a
bad parameter and a 404 for an unknown id, never a 500; the page envelope;
the root and the OpenAPI document."""

import datetime
import json
import uuid

from django.utils import timezone

from directory.models import AccessPointPage
from openreferral import ids, listings, openapi
from openreferral.taxonomies import TAXONOMIES
from tests.directory.conftest import CHORLEY
from tests.factories.training import CoursePageFactory, SessionFactory
from tests.openreferral import profile

BAD_PARAMETERS = [
    ("services", {"page": "abc"}, "page must be a whole number"),
    ("services", {"page": "0"}, "page must be a whole number"),
    ("services", {"per_page": "1000000000"}, "per_page must be a whole number from 1 to 200"),
    ("services", {"per_page": "-1"}, "per_page must be a whole number"),
    ("services", {"taxonomy_term_id": "not-a-uuid"}, "taxonomy_term_id must be a UUID"),
    ("services", {"taxonomy_term_id": str(uuid.uuid4())}, "There is no taxonomy term"),
    ("services", {"taxonomy_id": "123"}, "taxonomy_id must be a UUID"),
    ("services", {"modified_after": "yesterday"}, "modified_after must be a date and time"),
    ("services", {"modified_after": "2025-13-45"}, "modified_after must be a date and time"),
    ("services", {"day": "Funday"}, "day must be one of MO, TU"),
    ("services", {"start_time": "25:00"}, "start_time must be a time"),
    ("services", {"start_time": "12:00", "end_time": "09:00"}, "end_time must be after"),
    ("services", {"minimum_age": "old"}, "minimum_age must be a number"),
    ("services", {"search": "x" * 201}, "search must be 200 characters or fewer"),
    ("service_at_locations", {"proximity": "-5", "postcode": "PR7 1DP"}, "at least 1 metre"),
    ("service_at_locations", {"proximity": "abc", "postcode": "PR7 1DP"}, "distance in metres"),
    ("service_at_locations", {"proximity": "inf", "postcode": "PR7 1DP"}, "distance in metres"),
    ("service_at_locations", {"proximity": "5000"}, "proximity needs a postcode"),
    ("service_at_locations", {"postcode": "NOT A CODE"}, "postcode: Enter a real postcode"),
    ("service_at_locations", {"postcode": "BT1 1AA"}, "Northern Ireland"),
    ("service_at_locations", {"postcode": "ZE9 9ZZ"}, "could not find"),
    ("taxonomies", {"per_page": "lots"}, "per_page must be a whole number"),
    ("taxonomy_terms", {"taxonomy_id": "nope"}, "taxonomy_id must be a UUID"),
    ("organizations", {"page": "1.5"}, "page must be a whole number"),
]
ENDPOINTS_WITH_IDS = [
    "services",
    "service_at_locations",
    "organizations",
    "taxonomies",
    "taxonomy_terms",
]


def test_a_bad_parameter_is_a_400_that_says_what_is_wrong(lists, make_place, api):
    # One directory for every case: building one takes seconds.
    make_place("Chorley Library")
    for path, params, message in BAD_PARAMETERS:
        status, body = api(path, **params)
        assert (status, body["status"]) == (400, 400), (path, params, body)
        assert message in body["message"], (path, params, body)
        assert body["errors"], (path, params)


def test_unknown_and_malformed_ids(lists, api):
    for path in ENDPOINTS_WITH_IDS:
        status, body = api(f"{path}/{uuid.uuid4()}")
        assert status == 404, path
        assert "id" in body["message"]
        status, body = api(f"{path}/42")
        assert status == 400, path
        assert "ids are UUIDs" in body["message"]


def test_unknown_addresses_and_other_methods(lists, api):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    status, body = api("no-such-thing")
    assert status == 404
    assert "openapi.json" in body["message"]
    response = client.post("/api/oruk/services", {})
    assert response.status_code == 405
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["message"] == "The API is read-only: use GET."
    preflight = client.options("/api/oruk/services")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"


def test_pages_of_services(lists, make_place, api, api_ok):
    for number in range(5):
        make_place(f"Place {number}")
    validator = profile.openapi_response("/services")
    pages = [api_ok("services", per_page=2, page=page) for page in (1, 2, 3)]
    for page in pages:
        assert profile.errors(validator, page) == []
    assert [page["size"] for page in pages] == [2, 2, 1]
    assert [page["first_page"] for page in pages] == [True, False, False]
    assert [page["last_page"] for page in pages] == [False, False, True]
    assert {page["total_items"] for page in pages} == {5}
    assert {page["total_pages"] for page in pages} == {3}
    names = [service["name"] for page in pages for service in page["contents"]]
    assert names == [f"Place {number}" for number in range(5)]
    status, body = api("services", per_page=2, page=4)
    assert status == 404
    assert "past the last page" in body["message"]


def test_an_empty_directory_is_one_empty_page(lists, api_ok):
    page = api_ok("services")
    assert profile.errors(profile.openapi_response("/services"), page) == []
    assert (page["total_items"], page["total_pages"], page["empty"]) == (0, 0, True)
    assert page["contents"] == []


def test_root_and_openapi_document(lists, client, api_ok):
    root = api_ok("")
    assert root == {
        "version": "HSDS-UK-3.0",
        "profile": openapi.PROFILE_URL,
        "openapi_url": "http://testserver/api/oruk/openapi.json",
    }
    assert profile.errors(profile.openapi_response("/"), root) == []
    document = api_ok("openapi.json")
    assert document["servers"][0]["url"] == "http://testserver/api/oruk"
    upstream = openapi.profile_document()["paths"]
    assert {path: document["paths"][path] for path in upstream} == upstream
    assert document["info"]["license"]["name"].startswith("Creative Commons Attribution Share")


def test_taxonomies_and_terms(lists, api_ok):
    validator = profile.openapi_response("/taxonomies")
    page = api_ok("taxonomies")
    assert profile.errors(validator, page) == []
    names = [taxonomy["name"] for taxonomy in page["contents"]]
    assert names == [
        "Service types",
        "Accessibility features",
        "Barriers to getting online",
        "Essential Digital Skills areas",
        "Course levels",
    ]
    barriers = TAXONOMIES["barriers"]
    detail = api_ok(f"taxonomies/{barriers.id}")
    assert profile.errors(profile.openapi_response("/taxonomies/{id}"), detail) == []
    assert "No internet at home" in [term["name"] for term in detail["taxonomy_terms"]]
    terms = api_ok("taxonomy_terms", taxonomy_id=barriers.id, per_page=200)
    assert profile.errors(profile.openapi_response("/taxonomy_terms"), terms) == []
    assert {term["taxonomy_id"] for term in terms["contents"]} == {barriers.id}
    term = terms["contents"][0]
    assert api_ok(f"taxonomy_terms/{term['id']}") == term
    assert term["id"] == ids.taxonomy_term("barriers", "no_device")


def test_modified_after_takes_dates_and_times_with_or_without_an_offset(lists, make_place, api_ok):
    old = make_place("Old")
    old.save_revision().publish()
    AccessPointPage.objects.filter(pk=old.pk).update(
        last_published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    new = make_place("New")
    new.save_revision().publish()
    for value, names in (
        ("2025-01-01T00:00:00Z", ["New"]),
        ("2025-01-01", ["New"]),
        ("2023-12-31", ["New", "Old"]),
        ("2024-01-01T00:30:00+01:00", ["New", "Old"]),  # 23:30 the day before, UTC
        ("2024-01-01T00:30:00", ["New"]),  # UK time: GMT in January
    ):
        found = api_ok("services", modified_after=value)["contents"]
        assert [service["name"] for service in found] == names, value
    [listed] = api_ok("services", modified_after="2025-01-01")["contents"]
    assert listed["last_modified"].endswith("Z")


def test_pages_of_places_and_courses_are_those_of_the_whole_list(lists, make_place, api_ok):
    """Each page holds only what it shows (the search counts and orders in
    the database): every page together is the whole list, in its order."""
    venue = make_place("banana hall")
    for title in ("Apple Centre", "Éclair Hub", "cherry rooms"):
        make_place(title)
    for title, where in (("Digital basics", venue), ("apps online", None)):
        course = CoursePageFactory(parent=venue.get_parent(), title=title)
        SessionFactory(page=course, venue=where)
    every = listings.find({}, timezone.localtime())
    expected = [hit.title for hit in every]
    assert expected == sorted(expected, key=str.lower) and len(expected) == 6
    pages = [api_ok("services", per_page=2, page=page) for page in (1, 2, 3)]
    assert {page["total_items"] for page in pages} == {6}
    assert [service["name"] for page in pages for service in page["contents"]] == expected
    # Nearest first: everything is at one point, the online course last.
    near = {"postcode": CHORLEY[0], "proximity": 8000, "per_page": 2}
    pages = [api_ok("service_at_locations", page=page, **near) for page in (1, 2, 3)]
    assert {page["total_items"] for page in pages} == {6}
    names = [row["service"]["name"] for page in pages for row in page["contents"]]
    assert sorted(names) == sorted(expected) and names[-1] == "apps online"
