"""Feeds are the coordinators' alone; imported listings are read-only in
the admin, pointing at their source; a coordinator's change of licence
reaches the listings at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import AccessPointPage
from directory.permissions import coordinators_group
from federation.importer import run_import
from federation.models import Feed, FeedImport, ImportedService
from tests.federation.services import uk_service
from tests.referrals.conftest import make_user


@pytest.fixture
def imported(feed, feed_server, client_for):
    service = uk_service("Astley Library")
    feed_server.services([service])
    run_import(feed, client_for(feed))
    return AccessPointPage.objects.get(source_id=service["id"])


@pytest.fixture
def coordinator(directory):
    return make_user("coordinator", coordinators_group())


@pytest.fixture
def partner_staff(organisation):
    return make_user("partner", organisation.editors_group)


ADDRESSES = ("/admin/federation/feed/", "/admin/federation/feedimport/")


def test_partners_cannot_see_or_change_feeds(client, partner_staff, feed, imported):
    client.force_login(partner_staff)
    for address in (
        *ADDRESSES,
        "/admin/federation/feed/create/",
        f"/admin/federation/feed/edit/{feed.pk}/",
    ):
        assert client.get(address).status_code in (302, 403), address
    assert client.post(f"/admin/federation/feed/edit/{feed.pk}/", {"name": "Mine"}).status_code in (
        302,
        403,
    )
    assert Feed.objects.get().name == "Lancashire County Council"


def test_coordinators_keep_feeds_and_read_the_log(client, coordinator, feed, imported):
    client.force_login(coordinator)
    feeds = client.get("/admin/federation/feed/").content.decode()
    assert "Lancashire County Council" in feeds and "Finished, " in feeds
    run = FeedImport.objects.get()
    assert (
        "Finished"
        in client.get(f"/admin/federation/feedimport/?feed__id__exact={feed.pk}").content.decode()
    )
    page = client.get(f"/admin/federation/feedimport/inspect/{run.pk}/").content.decode()
    assert "Finished" in page
    assert client.get(f"/admin/federation/feedimport/edit/{run.pk}/").status_code in (302, 403)


def test_a_licence_change_reaches_the_listings(client, coordinator, feed, imported):
    client.force_login(coordinator)
    response = client.post(
        f"/admin/federation/feed/edit/{feed.pk}/",
        {
            "name": "Lancashire CC",
            "base_url": feed.base_url,
            "licence": Feed.Licence.NONE,
            "schedule": Feed.Schedule.WEEKLY,
            "requests_per_second": "1",
            "take_terms": "",
            "about_url": "",
        },
    )
    assert response.status_code == 302
    imported.refresh_from_db()
    assert (imported.source_name, imported.source_allows_reuse) == ("Lancashire CC", False)
    assert imported.get_parent().title == "Lancashire CC"


def test_imported_listings_are_read_only_with_their_source(client, coordinator, imported):
    client.force_login(coordinator)
    response = client.get(f"/admin/pages/{imported.pk}/edit/", follow=True)
    text = response.content.decode()
    assert "is edited at its source" in text and imported.source_url in text
    organisation = imported.get_parent()
    response = client.get(
        f"/admin/pages/add/directory/accesspointpage/{organisation.pk}/", follow=True
    )
    assert "is edited at its source" in response.content.decode()


def test_the_admin_lists_cost_the_same_queries_however_long(client, coordinator, feed):
    def queries_for(address):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    client.force_login(coordinator)
    addresses = [
        "/admin/federation/feed/",
        "/admin/federation/feedimport/",
        "/admin/federation/importedservice/",
    ]

    def add(start, count):
        for number in range(start, start + count):
            other = Feed.objects.create(name=f"Feed {number}", base_url=f"https://{number}.example")
            FeedImport.objects.create(feed=other)
            ImportedService.objects.create(
                feed=other, source_id=str(number), name=f"Service {number}"
            )

    add(0, 2)
    for address in addresses:  # what the first request of each caches
        queries_for(address)
    few = [queries_for(address) for address in addresses]
    add(2, 8)
    assert [queries_for(address) for address in addresses] == few
