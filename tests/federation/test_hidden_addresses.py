"""A place whose publisher hides its exact address gives only its postcode
district ("PR7", as our own API does): it is listed with its address
hidden, placed at the district's centre, never closer."""

from directory.models import AccessPointPage
from federation.importer import run_import
from federation.models import FeedImport
from tests.federation.services import uk_service


def home_visits(postcode="PR7", **fields):
    service = uk_service("Home visits", postcode=postcode, **fields)
    address = service["service_at_locations"][0]["location"]["addresses"][0]
    address["address_1"] = "Chorley"
    return service


def test_a_postcode_district_alone_becomes_a_hidden_address(feed, feed_server, client_for, client):
    service = home_visits()
    feed_server.services([service])

    run = run_import(feed, client_for(feed))

    assert run.outcome == FeedImport.Outcome.DONE, run.entries
    page = AccessPointPage.objects.get(source_id=service["id"])
    assert page.hide_address
    assert (page.postcode, page.town, page.address_line_1, page.uprn) == ("PR7", "Chorley", "", "")
    # The district's centre (tests/directory/conftest.py), not the point
    # the location gives.
    assert (page.latitude, page.longitude) == (53.64, -2.64)
    html = client.get(page.url).content.decode()
    assert "Home visits" in html and "1-30 Main Street" not in html


def test_a_full_postcode_anywhere_wins_over_a_district(feed, feed_server, client_for):
    service = home_visits()
    located = uk_service("Elsewhere")["service_at_locations"][0]
    service["service_at_locations"].append(located)
    feed_server.services([service])

    run_import(feed, client_for(feed))

    page = AccessPointPage.objects.get(source_id=service["id"])
    assert (page.hide_address, page.postcode) == (False, "PR7 1DP")


def test_a_district_we_cannot_place_is_skipped_and_says_why(feed, feed_server, client_for):
    service = home_visits("ZE9")
    feed_server.services([service])

    run = run_import(feed, client_for(feed))

    assert (run.created, run.skipped) == (0, 1)
    [entry] = run.entries
    assert "We could not find the postcode district ZE9" in entry["problem"]
    assert not AccessPointPage.objects.filter(source_id=service["id"]).exists()
