"""The demo's events, as `seed_demo` builds them."""

from django.test import Client
from django.utils import timezone

from events.models import EventIndexPage, EventPage


def test_the_demo_has_upcoming_and_past_events_of_every_kind_of_place(full_demo_site):
    now = timezone.now()
    events = EventPage.objects.live()
    assert events.filter(end__lt=now).count() >= 2
    assert events.filter(start__gt=now).count() >= 5
    at_a_place = events.get(title="Get online week drop-in")
    assert (at_a_place.where, at_a_place.capacity) == ("access_point", 20)
    assert at_a_place.booking_session.capacity == 20
    online = events.filter(where="online", start__gt=now).first()
    assert online.joining_link and online.booking_session
    assert events.filter(capacity__isnull=True, start__gt=now).exists()

    client = Client()
    listing = client.get(EventIndexPage.objects.get().url).content.decode()
    assert "Get online week drop-in" in listing
    assert "Digital inclusion week launch" not in listing  # past
    venue = client.get(at_a_place.venue.url).content.decode()
    assert "Get online week drop-in" in venue
