"""Our own ORUK API, served by the feed server as a second directory would
publish it, imports every service it publishes: every place with its
location, hours and taxonomy terms intact, those whose exact address is
hidden included, and every course as a course, with its sessions held at
the places imported with it (or online, by phone) and its skill areas,
level, features and languages intact. The API's answers are taken from the
whole demo, then the demo's places and courses are taken down, as if they
lived in another site's database."""

import datetime

import pytest
from django.utils import timezone

from directory.distance import district_of
from directory.models import AccessPointPage, PlaceRow
from federation.importer import run_import
from federation.models import Feed, FeedImport
from openreferral import ids
from tests.federation.feed_server import FeedServer
from training.models import CoursePage, Session


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


def published_services(client):
    """({page pk: its /services/{id} answer} of the places, the same of
    the courses): every service our API publishes, places and courses."""
    pks = {
        ids.service("place", pk): pk for pk in AccessPointPage.objects.values_list("pk", flat=True)
    }
    pks |= {ids.service("course", pk): pk for pk in CoursePage.objects.values_list("pk", flat=True)}
    listed, number = [], 1
    while True:
        page = client.get("/api/oruk/services", {"page": number, "per_page": 50}).json()
        listed += [item["id"] for item in page["contents"]]
        if page["last_page"]:
            break
        number += 1
    assert set(listed) <= set(pks)  # nothing but places and courses
    places, courses = {}, {}
    for service_id in listed:
        found = places if service_id == ids.service("place", pks[service_id]) else courses
        found[pks[service_id]] = client.get(f"/api/oruk/services/{service_id}").json()
    return places, courses


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


def described_course(page):
    """What a resident is shown of a course, its sessions' places as they
    are described (a place of the other site's is one of ours after the
    import)."""
    return (
        page.title,
        page.summary,
        page.audience,
        page.what_to_bring,
        page.level,
        page.format,
        page.cost,
        page.cost_note,
        page.phone,
        page.email,
        sorted(area.slug for area in page.skill_areas.all()),
        sorted(feature.slug for feature in page.accessibility.all()),
        sorted(language.slug for language in page.languages.all()),
        [
            (
                session.start,
                session.end,
                described(session.venue) if session.venue else None,
                session.note,
            )
            for session in page.sessions.filter(start__gt=timezone.now()).order_by("start", "end")
        ],
    )


def test_our_own_feed_round_trips_every_service(demo_feed, client, client_for):
    server, feed = demo_feed
    places, courses = published_services(client)
    originals = sorted(
        described(page) for page in AccessPointPage.objects.filter(pk__in=list(places))
    )
    original_courses = sorted(
        described_course(page) for page in CoursePage.objects.filter(pk__in=list(courses))
    )
    assert len(places) == len(originals) > 50  # two pages of the list
    assert any(original[2] for original in originals)  # hidden addresses among them
    assert len(courses) == len(original_courses) > 5
    formats = {course[5] for course in original_courses}
    assert formats == set(CoursePage.Format.values)  # in person, online and by phone
    assert all(course[-1] for course in original_courses)  # every one with sessions
    services = list(places.values()) + list(courses.values())
    server.services(services)
    AccessPointPage.objects.update(live=False)  # the other site's directory
    CoursePage.objects.update(live=False)

    run = run_import(feed, client_for(feed))

    assert run.outcome == FeedImport.Outcome.DONE, run.entries
    assert run.entries == []
    assert (run.listed, run.created, run.skipped) == (len(services), len(services), 0)
    imported = AccessPointPage.objects.child_of(feed.organisation).live()
    assert sorted(described(page) for page in imported) == originals
    assert all(page.source_updated == datetime.date.today() for page in imported)
    imported_courses = CoursePage.objects.child_of(feed.organisation).live()
    assert sorted(described_course(page) for page in imported_courses) == original_courses
    # Held at the imported places, never at the other site's.
    venues = Session.objects.filter(page__in=imported_courses, venue__isnull=False)
    assert venues.exists()
    assert not venues.exclude(venue__in=imported).exists()
    assert all(
        page.credit_line.startswith("From: Another partnership") for page in imported_courses
    )
