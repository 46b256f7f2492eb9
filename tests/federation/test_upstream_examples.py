"""The upstream ORUK example documents: the list and the full service
as published, and the same service placed in the UK."""

import json

from directory.models import AccessPointPage
from federation.importer import run_import
from federation.models import FeedImport, ImportedService
from tests.federation.services import example, uk_service


def test_the_upstream_example_validates_but_has_no_uk_place(feed, feed_server, client_for):
    listing = example("service_list.json")  # page 1 of 10, as published
    feed_server.json("/oruk/services?page=1&per_page=50", listing)
    feed_server.json("/oruk/services?page=2&per_page=50", {**listing, "contents": []})
    service = example("service_full.json")
    feed_server.json(f"/oruk/services/{service['id']}", service)

    run = run_import(feed, client_for(feed))

    assert run.outcome == FeedImport.Outcome.DONE_WITH_PROBLEMS
    assert (run.listed, run.created, run.skipped) == (1, 0, 1)
    assert run.entries == [
        {
            "service": service["id"],
            "problem": "skipped: no UK postcode among its addresses ('ABC 1234'), "
            "so it cannot be placed.",
        }
    ]
    assert not AccessPointPage.objects.filter(source_id=service["id"]).exists()


def test_the_upstream_example_placed_in_chorley_is_listed(feed, feed_server, client_for):
    service = uk_service("Community Counselling")
    feed_server.services([service])

    run = run_import(feed, client_for(feed))

    assert run.outcome == FeedImport.Outcome.DONE, run.entries
    page = AccessPointPage.objects.get(source_id=service["id"])
    assert page.live
    assert page.title == "Community Counselling"
    assert page.summary.startswith("Counselling Services provided by trained professionals.")
    assert (page.postcode, page.town, page.address_line_1) == (
        "PR7 1DP",
        "Chorley",
        "1-30 Main Street",
    )
    assert (page.latitude, page.longitude) == (53.6531, -2.6321)
    assert page.uprn == "10092008082"
    assert page.cost == AccessPointPage.Cost.LOW_COST  # £35 an hour
    assert [
        (row.get_weekday_display(), str(row.opens), str(row.closes)) for row in page.hours_list
    ] == [
        ("Thursday", "10:00:00", "18:00:00"),
        ("Friday", "10:00:00", "18:00:00"),
    ]
    assert page.get_parent().specific == feed.organisation
    assert page.source_url == f"{feed.base_url}/services/{service['id']}"
    assert page.credit_line == "From: Lancashire County Council, updated 15 March 2023"
    # No one's name, title or email is kept: the listing shows none.
    kept = ImportedService.objects.get().data
    assert "assurer_email" not in kept
    assert not {"Ann Persona", "Reception Manager"} & set(json.dumps(kept).split('"'))
