"""/events/: upcoming events by date, filters without JavaScript, past
events out of the list, pages of 20 in a fixed number of queries, and the
page cache forgetting what a booking or an edit changes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events import listing
from events.models import EventPage
from tests.factories.events import EventPageFactory
from tests.factories.training import BookingFactory, upcoming
from training import booking as booking_service


def titles(response):
    return [event.title for event in response.context["events"]]


def test_upcoming_events_soonest_first_and_past_ones_left_out(client, events_index):
    EventPageFactory(parent=events_index, title="Later", start=upcoming(20))
    EventPageFactory(parent=events_index, title="Sooner", start=upcoming(2))
    start = timezone.now() - datetime.timedelta(days=1)
    EventPageFactory(
        parent=events_index, title="Yesterday", start=start, end=start + datetime.timedelta(hours=1)
    )
    response = client.get(events_index.url)
    assert titles(response) == ["Sooner", "Later"]
    assert "2 upcoming events" in response.content.decode()


def test_filters_narrow_the_list(client, events_index, venue):
    now = timezone.now()
    EventPageFactory(
        parent=events_index,
        title="Gaming at the library",
        kind=EventPage.Kind.GAMING,
        where=EventPage.Where.ACCESS_POINT,
        venue=venue,
        start=now + datetime.timedelta(hours=2),
    )
    EventPageFactory(
        parent=events_index,
        title="Online hack",
        kind=EventPage.Kind.HACK,
        where=EventPage.Where.ONLINE,
        start=now + datetime.timedelta(days=45),
    )
    url = events_index.url
    assert titles(client.get(url, {"when": "week"})) == ["Gaming at the library"]
    assert titles(client.get(url, {"when": "month"})) == ["Gaming at the library"]
    assert titles(client.get(url, {"kind": "hack"})) == ["Online hack"]
    assert titles(client.get(url, {"attendance": "online"})) == ["Online hack"]
    assert titles(client.get(url, {"attendance": "in_person"})) == ["Gaming at the library"]
    assert titles(client.get(url, {"place": venue.town})) == ["Gaming at the library"]
    html = client.get(url, {"kind": "hack"}).content.decode()
    assert 'method="get"' in html
    assert "match your filters" in html


def test_tampered_filters_are_ignored_not_an_error(client, events_index):
    EventPageFactory(parent=events_index, title="Drop-in")
    response = client.get(events_index.url, {"place": "Atlantis", "kind": "<x>", "page": "abc"})
    assert response.status_code == 200
    assert titles(response) == ["Drop-in"]
    assert "govuk-error-message" not in response.content.decode()


def test_week_and_month_end_in_the_sites_time_zone():
    wednesday = timezone.make_aware(datetime.datetime(2026, 12, 2, 15, 0))
    assert timezone.localtime(listing.end_of_week(wednesday)).date() == datetime.date(2026, 12, 7)
    assert timezone.localtime(listing.end_of_month(wednesday)).date() == datetime.date(2027, 1, 1)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_lists_queries_do_not_grow_with_its_length(client, events_index, venue):
    EventPageFactory(
        parent=events_index, where=EventPage.Where.ACCESS_POINT, venue=venue, capacity=20
    )
    client.get(events_index.url + "?warm=1")  # settings and the site, read once per process
    few = count_queries(client, events_index.url + "?nocache=1")
    for n in range(24):
        event = EventPageFactory(
            parent=events_index,
            where=EventPage.Where.ACCESS_POINT,
            venue=venue,
            capacity=20,
            start=upcoming(3 + n),
        )
        BookingFactory(session=event.booking_session)
    many = client.get(events_index.url + "?nocache=2")
    assert len(many.context["events"]) == 20  # a page of 20, then the next page
    assert 'rel="next"' in many.content.decode()
    assert count_queries(client, events_index.url + "?nocache=3") == few


def test_an_access_point_shows_its_upcoming_events(client, events_index, venue):
    EventPageFactory(
        parent=events_index,
        title="Library drop-in",
        where=EventPage.Where.ACCESS_POINT,
        venue=venue,
        capacity=20,
    )
    start = timezone.now() - datetime.timedelta(days=1)
    EventPageFactory(
        parent=events_index,
        title="Old drop-in",
        where=EventPage.Where.ACCESS_POINT,
        venue=venue,
        start=start,
        end=start + datetime.timedelta(hours=1),
    )
    html = client.get(venue.url).content.decode()
    assert "Events here" in html
    assert "Library drop-in" in html
    assert "20 places left" in html
    assert "Old drop-in" not in html


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    return settings


def test_the_cached_list_and_page_change_when_a_booking_takes_a_place(
    client, events_index, page_cache_on
):
    event = EventPageFactory(parent=events_index, title="Drop-in", capacity=20)
    first = client.get(events_index.url)
    assert "public" in first["Cache-Control"]
    assert "20 places left" in first.content.decode()
    assert "20 places left" in client.get(event.url).content.decode()
    assert client.get(events_index.url).context is None  # answered from the cache

    booking_service.book(
        event.booking_session.pk, name="Ann", email="ann@example.org", consent_text="I agree."
    )
    assert "19 places left" in client.get(events_index.url).content.decode()
    assert "19 places left" in client.get(event.url).content.decode()

    event.title = "Drop-in with tea"
    event.save_revision().publish()
    assert "Drop-in with tea" in client.get(events_index.url).content.decode()
    event.unpublish()
    assert "Drop-in with tea" not in client.get(events_index.url).content.decode()


def test_booking_pages_are_never_cached(client, events_index, page_cache_on):
    event = EventPageFactory(parent=events_index, capacity=20)
    response = client.get(event.book_url)
    assert "public" not in response.get("Cache-Control", "")
