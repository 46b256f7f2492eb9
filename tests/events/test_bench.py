"""`seed_bench --listings N` adds an event for every ten access points
(events/bench.py), made of the rows the admin writes, and tops up."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from events.models import EventPage
from tests.directory.conftest import directory  # noqa: F401 (a fixture)
from training.models import Session


def seed_bench(listings):
    out = StringIO()
    call_command("seed_bench", news=0, pages=0, listings=listings, stdout=out)
    return out.getvalue()


def test_one_event_per_ten_listings_dated_from_today(directory, events_index, client):  # noqa: F811
    assert "Bench events: 5 synthetic events (5 added" in seed_bench(50)
    events = list(EventPage.objects.live().order_by("slug"))
    assert [event.slug for event in events] == [f"bench-event-{n}" for n in range(5)]
    assert {event.where for event in events} == {"access_point", "address", "online"}
    for event in events:
        session = Session.objects.filter(host_page_id=event.pk).first()
        if event.capacity:
            assert (session.start, session.capacity, session.venue_id) == (
                event.start,
                20,
                event.venue_id,
            )
        else:
            assert session is None
        assert event.start > timezone.now() - timezone.timedelta(days=21)
    assert Page.find_problems() == ([], [], [], [], [])
    assert client.get(events[0].url).status_code == 200
    assert "4 upcoming events" in client.get(events_index.url).content.decode()  # one past

    assert "(0 added" in seed_bench(50)
    assert EventPage.objects.count() == 5
