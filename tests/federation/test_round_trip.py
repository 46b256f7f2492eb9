"""Our own ORUK API, served by the feed server as a second directory would
publish it, imports every place it publishes with its location, hours and
taxonomy terms intact, those whose exact address is hidden included. The
API's answers are taken from the whole demo, then the demo's places are
taken down, as if they lived in another site's database."""

import datetime

import pytest

from directory.distance import district_of
from directory.models import AccessPointPage, PlaceRow
from federation.importer import run_import
from federation.models import Feed, FeedImport
from openreferral import ids
from tests.federation.feed_server import FeedServer


@pytest.fixture
def demo_feed(full_demo_site):
    server = FeedServer().start()
    yield (
        server,
        Feed.objects.create(
            name="Another partnership",
            base_url=server.base_url + "/oruk",
            licence=Feed.Licence.OGL,
            requests_per_second=0,
        ),
    )
    server.stop()


def published_places(client):
    """{page pk: its /services/{id} answer} for every place our API
    publishes: the services that are access points (courses are services
    too, but not places: docs/federation.md)."""
    places = {
        ids.service("place", pk): pk for pk in AccessPointPage.objects.values_list("pk", flat=True)
    }
    listed, number = [], 1
    while True:
        page = client.get("/api/oruk/services", {"page": number, "per_page": 50}).json()
        listed += [item["id"] for item in page["contents"] if item["id"] in places]
        if page["last_page"]:
            break
        number += 1
    return {
        places[service_id]: client.get(f"/api/oruk/services/{service_id}").json()
        for service_id in listed
    }


def described(page):
    """What a resident is shown of a place: a hidden address is its town,
    its postcode district and the point a search measures it from (the
    district's centre)."""
    row = PlaceRow.objects.get(pk=page.pk)
    hidden = page.hide_address
    return (
        page.title,
        page.summary,
        hidden,
        "" if hidden else page.address_line_1,
        page.town,
        district_of(page.postcode) if hidden else page.postcode,
        round(row.latitude, 4),
        round(row.longitude, 4),
        page.cost,
        page.phone,
        page.email,
        page.temporarily_closed,
        (page.closed_message or "Temporarily closed.") if page.temporarily_closed else "",
        sorted(service.slug for service in page.services.all()),
        sorted(feature.slug for feature in page.accessibility.all()),
        sorted(language.slug for language in page.languages.all()),
        [
            (row.weekday, row.opens, row.closes, row.by_appointment, row.note)
            for row in page.opening_hours.order_by("weekday", "opens", "pk")
        ],
    )


def test_our_own_feed_round_trips_every_place(demo_feed, client, client_for):
    server, feed = demo_feed
    services = published_places(client)
    originals = sorted(
        described(page) for page in AccessPointPage.objects.filter(pk__in=list(services))
    )
    assert len(services) == len(originals) > 50  # two pages of the list
    assert any(original[2] for original in originals)  # hidden addresses among them
    services = list(services.values())
    server.services(services)
    AccessPointPage.objects.update(live=False)  # the other site's directory

    run = run_import(feed, client_for(feed))

    assert run.outcome == FeedImport.Outcome.DONE, run.entries
    assert run.entries == []
    assert (run.listed, run.created, run.skipped) == (len(services), len(services), 0)
    imported = AccessPointPage.objects.child_of(feed.organisation).live()
    assert sorted(described(page) for page in imported) == originals
    assert all(page.source_updated == datetime.date.today() for page in imported)
