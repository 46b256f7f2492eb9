"""Imported listings beside partners' own: the same search finds them, with
their credit line; referral routing can match them; our API and open
downloads carry them only when the feed's licence allows republishing."""

import pytest

from directory.models import AccessPointPage
from federation.importer import run_import
from federation.listing_pages import recredit
from federation.models import Feed
from openreferral import ids
from referrals import candidates, routing
from tests.federation.services import uk_service

NEAR_CHORLEY = routing.Needs(goals=frozenset({"shopping"}), latitude=53.6530, longitude=-2.6320)


@pytest.fixture
def side_by_side(lists, make_place, feed, feed_server, client_for):
    """A partner's drop-in and, a street away, an imported one."""
    make_place("Chorley Library", services=["drop-in"], address_line_1="Union Street")
    service = uk_service("Astley Digital Hub")
    service["attributes"][0]["taxonomy_term"].update(name="Drop-in help", term="Drop-in help")
    service["last_modified"] = "2026-11-30T09:00:00Z"
    feed_server.services([service])
    run_import(feed, client_for(feed))
    return AccessPointPage.objects.get(source_id=service["id"])


def test_a_postcode_search_finds_both_with_the_credit_line(side_by_side, client):
    html = client.get("/find-help/", {"postcode": "PR7 1DP"}).content.decode()
    assert "Chorley Library" in html and "Astley Digital Hub" in html
    assert "From: Lancashire County Council, updated 30 November 2026" in html
    assert html.count("From: Lancashire County Council") == 1  # not on the partner's


def test_the_listing_credits_and_links_to_its_source(side_by_side, client):
    html = client.get(side_by_side.url).content.decode()
    assert "From: Lancashire County Council, updated 30 November 2026" in html
    assert f'href="{side_by_side.source_url}"' in html


def test_referral_routing_matches_an_imported_place(side_by_side):
    result = candidates.route_needs(NEAR_CHORLEY)
    matched = {match.title: match for match in result.places}
    assert {"Chorley Library", "Astley Digital Hub"} <= set(matched)
    # Its publisher takes no referrals through us: residents contact it.
    assert matched["Astley Digital Hub"].accepts_referrals is False


def service_names(api_ok):
    return sorted(service["name"] for service in api_ok("services")["contents"])


def test_without_a_reuse_licence_it_is_ours_to_show_not_to_republish(
    side_by_side, feed, api_ok, api, client
):
    feed.licence = Feed.Licence.NONE
    feed.save()
    recredit(feed)  # as saving the feed in the admin does

    assert service_names(api_ok) == ["Chorley Library"]
    status, _ = api(f"services/{ids.service('place', side_by_side.pk)}")
    assert status == 404
    organisations = [org["name"] for org in api_ok("organizations")["contents"]]
    assert "Lancashire County Council" not in organisations
    download = client.get("/open-data/access-points.json").json()
    assert [item["name"] for item in download["items"]] == ["Chorley Library"]


def test_with_an_open_licence_it_is_republished(side_by_side, api_ok, client):
    assert service_names(api_ok) == ["Astley Digital Hub", "Chorley Library"]
    download = client.get("/open-data/access-points.json").json()
    assert sorted(item["name"] for item in download["items"]) == [
        "Astley Digital Hub",
        "Chorley Library",
    ]
