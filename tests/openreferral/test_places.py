"""Access points as services: what a resident's details become in the
profile's JSON, and what is left out."""

import datetime

from django.utils import timezone

from directory.models import Area, OpeningHours
from openreferral import ids
from tests.directory.conftest import LEYLAND
from tests.openreferral import profile

SERVICE = profile.schema_file("compiled/service.json")


def service_of(api_ok, page):
    data = api_ok(f"services/{ids.service('place', page.pk)}")
    assert profile.errors(SERVICE, data) == []
    return data


def test_a_place_is_a_service_at_its_own_location(lists, make_place, api_ok):
    ward = Area.objects.filter(kind=Area.Kind.WARD).select_related("parent").first()
    place = make_place(
        "Chorley Library",
        services=["free-wifi", "device-loans"],
        access=["step-free"],
        hours=[(0, (10, 0), (13, 0)), (2, (14, 0), (17, 30))],
        address_line_1="Union Street",
        phone="01632 960123",
        email="library@example.org",
        area=ward,
        last_checked=datetime.date(2026, 1, 15),
    )
    data = service_of(api_ok, place)

    assert data["name"] == "Chorley Library"
    assert data["status"] == "active"
    assert data["assured_date"] == "2026-01-15"
    assert data["organization"]["name"] == "Test Partner"
    assert data["url"].endswith("/find-help/test-partner/chorley-library/")
    [at_location] = data["service_at_locations"]
    location = at_location["location"]
    assert location["location_type"] == "physical"
    assert (location["latitude"], location["longitude"]) == (53.653, -2.632)
    [address] = location["addresses"]
    assert address["address_1"] == "Union Street"
    assert address["postal_code"] == "PR7 1DP"
    assert address["country"] == "GB"
    assert address["state_province"] == ward.parent.name
    assert [entry["description"] for entry in location["accessibility"]] == ["Step-free access"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in data["schedules"]] == [
        ("MO", "10:00", "13:00"),
        ("WE", "14:00", "17:30"),
    ]
    assert {s["service_at_location_id"] for s in data["schedules"]} == {at_location["id"]}
    [contact] = data["contacts"]
    assert contact["email"] == "library@example.org"
    assert [phone["number"] for phone in contact["phones"]] == ["01632 960123"]
    assert data["cost_options"][0]["amount"] == 0
    terms = {(a["link_type"], a["taxonomy_term"]["name"]) for a in data["attributes"]}
    assert ("service-types", "Free wifi") in terms
    assert ("service-types", "Devices to borrow") in terms
    # The default routing rules say devices to borrow help those without one.
    assert ("barriers", "No device (phone, tablet or computer)") in terms


def test_a_temporarily_closed_place_says_so(lists, make_place, api_ok):
    place = make_place("Leyland Hub", temporarily_closed=True, closed_message="Closed until May.")
    data = service_of(api_ok, place)
    assert data["status"] == "temporarily closed"
    assert data["alert"] == "Closed until May."
    [listed] = api_ok("services")["contents"]
    assert listed["status"] == "temporarily closed"


def test_a_hidden_address_gives_only_its_town_and_postcode_district(lists, make_place, api_ok):
    place = make_place("Home visits", hide_address=True, address_line_1="12 Private Road")
    data = service_of(api_ok, place)
    location = data["service_at_locations"][0]["location"]
    [address] = location["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "Chorley",
        "Chorley",
        "PR7",
    )
    assert "latitude" not in location and "longitude" not in location
    assert "Private Road" not in str(data)
    assert "PR7 1DP" not in str(data)
    row = api_ok("service_at_locations", postcode="PR7 1DP")["contents"][0]
    assert "latitude" not in row["location"]
    assert "Private Road" not in str(row)


def test_appointment_only_sessions_have_no_times(lists, make_place, api_ok):
    place = make_place("Chorley Library")
    OpeningHours.objects.create(page=place, weekday=4, by_appointment=True, note="ring first")
    [schedule] = service_of(api_ok, place)["schedules"]
    assert schedule["byday"] == "FR"
    assert "opens_at" not in schedule
    assert schedule["description"] == "Friday: by appointment (ring first)"
    assert schedule["notes"] == "ring first"


def test_only_live_public_current_listings_are_published(lists, make_place, api, api_ok):
    from wagtail.models import PageViewRestriction

    today = timezone.localdate()
    shown = make_place("Shown")
    ended = make_place("Ended", show_until=today - datetime.timedelta(days=1))
    not_yet = make_place("Not yet", show_from=today + datetime.timedelta(days=1))
    draft = make_place("Draft", postcode=LEYLAND)
    draft.unpublish()
    private = make_place("Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    names = [service["name"] for service in api_ok("services")["contents"]]
    assert names == ["Shown"]
    for page in (ended, not_yet, draft, private):
        status, body = api(f"services/{ids.service('place', page.pk)}")
        assert status == 404, page.title
        assert "No published service" in body["message"]
    assert api(f"services/{ids.service('place', shown.pk)}")[0] == 200
