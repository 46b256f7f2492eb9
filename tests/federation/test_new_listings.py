"""New listings are written in batches (federation/new_listings.py): each
is found like any other, a batch that fails is written one by one, and a
service that would not save is skipped before its batch is written."""

import pytest

from directory.models import AccessPointPage, PlaceRow
from federation import new_listings
from federation.importer import run_import
from federation.models import FeedImport, ImportedService
from tests.federation.services import uk_service


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(new_listings, "BATCH", 2)


def services(count):
    return [uk_service(f"Digital hub {number}") for number in range(count)]


def test_new_listings_in_batches_are_found_like_any_other(
    small_batches, feed, feed_server, client_for, client
):
    feed_server.services(services(5))

    run = run_import(feed, client_for(feed))

    assert (run.outcome, run.created, run.skipped) == (FeedImport.Outcome.DONE, 5, 0)
    pages = AccessPointPage.objects.child_of(feed.organisation).live()
    assert pages.count() == 5 == PlaceRow.objects.filter(pk__in=pages).count()
    assert all(page.latest_revision_id is None for page in pages)  # as before: no revision
    assert sorted(ImportedService.objects.values_list("page__title", flat=True)) == sorted(
        pages.values_list("title", flat=True)
    )
    organisation = feed.organisation
    organisation.refresh_from_db()
    assert organisation.numchild == organisation.get_children().count() == 5
    html = client.get("/find-help/", {"q": "Digital hub 3"}).content.decode()
    assert "Digital hub 3" in html
    html = client.get("/find-help/", {"postcode": "PR7 1DP"}).content.decode()
    assert html.count("From: Lancashire County Council") == 5


def test_a_batch_that_fails_is_written_one_by_one(
    small_batches, feed, feed_server, client_for, monkeypatch
):
    def broken(self):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(new_listings.ImportedPageRows, "insert", broken)
    feed_server.services(services(3))

    run = run_import(feed, client_for(feed))

    assert (run.created, run.skipped) == (3, 0)
    organisation = feed.organisation
    organisation.refresh_from_db()
    assert organisation.numchild == organisation.get_children().live().count() == 3
    assert ImportedService.objects.filter(page__live=True).count() == 3


def test_a_service_that_would_not_save_is_skipped_before_its_batch(
    small_batches, feed, feed_server, client_for
):
    good = services(2)
    nowhere = uk_service("Nowhere", postcode="ZE9 9ZZ")
    location = nowhere["service_at_locations"][0]["location"]
    del location["latitude"], location["longitude"]
    feed_server.services([good[0], nowhere, good[1]])

    run = run_import(feed, client_for(feed))

    assert (run.created, run.skipped) == (2, 1)
    [entry] = run.entries
    assert entry["service"] == nowhere["id"]
    assert "postcode: We could not find the postcode ZE9 9ZZ" in entry["problem"]
    assert not ImportedService.objects.filter(source_id=nowhere["id"]).exists()
