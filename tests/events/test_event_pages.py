"""Event pages: where they may be made, what the admin refuses, and what a
resident reads on the page, its feed and its JSON-LD."""

import datetime
import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from directory.models import Area
from events.forms import ADDRESS_NEEDED, END_BEFORE_START, VENUE_NEEDED
from events.models import EventIndexPage, EventPage
from tests.factories.directory import AccessPointPageFactory
from tests.factories.events import EventPageFactory
from tests.factories.training import BookingFactory, upcoming
from website.models import HomePage


class EventTreeRules(WagtailPageTestCase):
    def test_events_live_under_the_one_events_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        assert EventIndexPage.max_count == 1


def admin_form(index, **changes):
    start = upcoming(days=3)
    data = {
        "title": "Gaming afternoon",
        "slug": "gaming-afternoon",
        "summary": "Try games together.",
        "body": streamfield([]),
        "kind": EventPage.Kind.GAMING,
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "where": EventPage.Where.ADDRESS,
        "venue": "",
        "address": "Town Hall",
        "joining_link": "",
        "audience": "",
        "cost": "Free",
        "capacity": "",
        "organiser": "",
        "accessibility_note": "",
        **changes,
    }
    form_class = EventPage.get_edit_handler().get_form_class()
    instance = changes.pop("instance", None) or EventPage()
    return form_class(nested_form_data(data), instance=instance, parent_page=index)


def test_the_admin_refuses_an_event_that_ends_before_it_starts(events_index):
    start = upcoming(days=3)
    form = admin_form(
        events_index,
        start=start.strftime("%Y-%m-%d %H:%M"),
        end=(start - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
    )
    assert not form.is_valid()
    assert form.errors["end"] == [END_BEFORE_START]
    assert admin_form(events_index).is_valid(), admin_form(events_index).errors


def test_the_admin_asks_for_the_place_the_choice_of_where_needs(events_index):
    form = admin_form(events_index, where=EventPage.Where.ACCESS_POINT)
    assert form.errors["venue"] == [VENUE_NEEDED]
    form = admin_form(events_index, address="")
    assert form.errors["address"] == [ADDRESS_NEEDED]
    assert admin_form(events_index, where=EventPage.Where.ONLINE, address="").is_valid()


def test_capacity_cannot_drop_below_the_places_taken_nor_go(events_index):
    event = EventPageFactory(parent=events_index, capacity=10)
    BookingFactory.create_batch(3, session=event.booking_session)
    form = admin_form(events_index, instance=event, slug=event.slug, capacity="2")
    assert form.errors["capacity"] == [
        "3 people already have places, so the capacity cannot be less than 3."
    ]
    form = admin_form(events_index, instance=event, slug=event.slug, capacity="")
    assert "3 people have booked" in form.errors["capacity"][0]
    assert admin_form(events_index, instance=event, slug=event.slug, capacity="3").is_valid()


def json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_an_event_page_shows_when_where_and_booking_with_json_ld(client, events_index, venue):
    event = EventPageFactory(
        parent=events_index,
        title="Family gaming afternoon",
        kind=EventPage.Kind.GAMING,
        where=EventPage.Where.ACCESS_POINT,
        venue=venue,
        capacity=20,
        audience="Families with children over 8.",
        cost="Free",
        organiser=venue.get_parent().specific,
    )
    html = client.get(event.url).content.decode()
    for expected in (
        "Family gaming afternoon",
        event.when,
        "Chorley Library",
        "Gaming event",
        "Families with children over 8.",
        "20 places left",
        "Book a place",
        event.calendar_url,
    ):
        assert expected in html
    data = json_ld(html)
    assert data["@type"] == "Event"
    assert data["name"] == "Family gaming afternoon"
    assert data["startDate"] == timezone.localtime(event.start).isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["name"] == "Chorley Library"
    assert data["location"]["address"]["postalCode"] == venue.postcode
    assert data["organizer"]["name"] == "Chorley Digital"
    assert data["remainingAttendeeCapacity"] == 20
    assert data["isAccessibleForFree"] is True


def test_an_online_events_joining_link_is_never_on_its_page(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        where=EventPage.Where.ONLINE,
        address="",
        joining_link="https://meet.example.org/secret-room",
        capacity=30,
    )
    html = client.get(event.url).content.decode()
    assert "secret-room" not in html
    assert "We email the joining link to everyone with a place." in html
    assert json_ld(html)["location"] == {"@type": "VirtualLocation", "url": event.full_url}
    assert "secret-room" not in client.get(event.calendar_url).content.decode()


def test_a_past_event_still_has_a_page_that_says_it_has_passed(client, events_index):
    start = timezone.now() - datetime.timedelta(days=3)
    event = EventPageFactory(
        parent=events_index, start=start, end=start + datetime.timedelta(hours=2), capacity=20
    )
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This event has passed" in html
    assert "Book a place" not in html
    booking = client.get(event.book_url)
    assert booking.status_code == 410
    assert "already started, so it cannot be booked" in booking.content.decode()


def test_an_event_without_capacity_needs_no_booking(client, events_index):
    event = EventPageFactory(parent=events_index, capacity=None)
    assert "You do not need to book" in client.get(event.url).content.decode()
    assert event.booking_session is None
    assert client.get(event.book_url).status_code == 404


def test_the_feed_of_one_event_and_of_all_upcoming_events(client, events_index):
    soon = EventPageFactory(parent=events_index, title="Drop-in; with tea", start=upcoming(2))
    later = EventPageFactory(parent=events_index, title="Hack day", start=upcoming(9))
    start = timezone.now() - datetime.timedelta(days=2)
    EventPageFactory(
        parent=events_index, title="Gone", start=start, end=start + datetime.timedelta(hours=1)
    )

    one = client.get(soon.calendar_url)
    assert one["Content-Type"] == "text/calendar; charset=utf-8"
    text = one.content.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert "SUMMARY:Drop-in\\; with tea" in text
    assert f"UID:event-{soon.pk}@" in text

    feed = client.get(events_index.calendar_url).content.decode()
    assert feed.count("BEGIN:VEVENT") == 2
    assert feed.index("Drop-in") < feed.index("Hack day")
    assert "Gone" not in feed
    assert later.title in feed


def test_the_home_page_shows_as_many_next_events_as_the_index_asks(client, events_index):
    for days in (2, 4, 6, 8):
        EventPageFactory(parent=events_index, title=f"In {days} days", start=upcoming(days))
    html = client.get("/").content.decode()
    assert "Coming up" in html
    assert "In 2 days" in html and "In 6 days" in html
    assert "In 8 days" not in html

    events_index.on_home_page = 0
    events_index.save_revision().publish()
    assert "Coming up" not in client.get("/").content.decode()


def test_a_coordinator_adds_an_event_with_20_places_in_the_admin(client, events_index, venue):
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail.test.utils.form_data import querydict_from_html

    from directory.permissions import coordinators_group

    coordinator = get_user_model().objects.create_user("carol", "carol@example.org", "pw-long-1")
    coordinator.groups.add(coordinators_group())
    client.force_login(coordinator)
    add_url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", events_index.pk])
    form = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    start = upcoming(days=5, hour=13)
    form.update(
        {
            "title": "Coding club open day",
            "slug": "coding-club-open-day",
            "summary": "Try coding with friendly volunteers.",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "where": "access_point",
            "venue": str(venue.pk),
            "capacity": "20",
            "body-count": "0",  # the body's editor is drawn by script
            "action-publish": "action-publish",
        }
    )
    refused = client.post(add_url, form)
    assert refused.status_code == 200
    assert END_BEFORE_START in refused.content.decode()
    assert not EventPage.objects.filter(slug="coding-club-open-day").exists()

    form["end"] = (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    assert client.post(add_url, form).status_code == 302
    event = EventPage.objects.get(slug="coding-club-open-day")
    assert event.live
    session = event.booking_session
    assert (session.capacity, session.venue_id, session.start) == (20, venue.pk, event.start)


def test_the_feed_of_all_events_costs_the_same_queries_however_many(
    client, events_index, organisation, settings
):
    """Hidden addresses show their ward and borough: read with the events,
    not once an event."""
    settings.PAGE_CACHE_SECONDS = 0
    borough = Area.objects.create(name="Chorley", slug="chorley")

    def add_events(number):
        for _ in range(number):
            ward = Area.objects.create(
                name=f"Ward {Area.objects.count()}",
                slug=f"ward-{Area.objects.count()}",
                kind=Area.Kind.WARD,
                parent=borough,
            )
            venue = AccessPointPageFactory(parent=organisation, hide_address=True, area=ward)
            EventPageFactory(parent=events_index, venue=venue, where=EventPage.Where.ACCESS_POINT)

    client.get(events_index.calendar_url)  # the site's root paths, read once
    counts = []
    for number in (1, 5):
        add_events(number)
        with CaptureQueriesContext(connection) as queries:
            feed = client.get(events_index.calendar_url).content.decode()
        counts.append(len(queries))
    assert feed.count("BEGIN:VEVENT") == 6
    assert "Ward 6\\, Chorley" in feed  # iCalendar escapes the comma
    assert counts[0] == counts[1]
