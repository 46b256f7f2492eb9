"""Booking an event goes through the course booking engine: places, the
waiting list (the 21st of 20), the emails and cancel link, refusals for a
full, cancelled or past event, and never an overbooked event under
concurrency. Event bookings are in the register and in personal data."""

import threading

import pytest
from django.core import mail
from django.db import connections
from django.test import Client

from events.models import EventPage
from tests.factories.events import EventPageFactory
from training import booking as booking_service
from training.data_protection import personal_data
from training.models import Booking
from website.data_subject import Person

CONSENT = "I agree."


def book(event, n):
    return booking_service.book(
        event.booking_session.pk,
        name=f"Person {n}",
        email=f"person{n}@example.org",
        consent_text=CONSENT,
    )


def form_data(name, email):
    return {"name": name, "email": email, "phone": "", "accessibility_needs": "", "consent": "on"}


def test_residents_book_an_event_and_the_21st_joins_the_waiting_list(
    client, events_index, venue, email_outbox
):
    event = EventPageFactory(
        parent=events_index,
        title="Get online drop-in",
        where=EventPage.Where.ACCESS_POINT,
        venue=venue,
        capacity=20,
        organiser=venue.get_parent().specific,
    )
    for n in range(20):
        assert book(event, n).booking.status == "confirmed"

    page = client.get(event.book_url).content.decode()
    assert "Join the waiting list" in page
    response = client.post(event.book_url, form_data("Twenty One", "late@example.org"))
    assert response.status_code == 302
    confirmation = client.get(response["Location"]).content.decode()
    assert "You are on the waiting list" in confirmation
    booking = Booking.objects.get(email="late@example.org")
    assert booking.status == "waiting"
    assert booking.session.booked_through == event
    assert booking.consent_text.startswith("I agree that Chorley Digital")
    assert mail.outbox[-1].subject == "You are on the waiting list for Get online drop-in"
    assert "Event: Get online drop-in" in mail.outbox[-1].body

    # Someone with a place cancels through their link: the 21st gets it.
    first = Booking.objects.filter(session=booking.session, status="confirmed").first()
    cancel_url = event.url + event.reverse_subpage(
        "cancel_booking", kwargs={"token": booking_token(first)}
    )
    assert client.post(cancel_url).status_code == 200
    booking.refresh_from_db()
    assert booking.status == "confirmed"
    assert mail.outbox[-1].subject == "A place has come up: you are booked on Get online drop-in"


def booking_token(booking):
    from training.booking_links import booking_token as token

    return token(booking)


def test_the_joining_link_goes_only_to_people_with_a_place(client, events_index, email_outbox):
    event = EventPageFactory(
        parent=events_index,
        title="Video calling online",
        where=EventPage.Where.ONLINE,
        address="",
        joining_link="https://meet.example.org/room-42",
        capacity=1,
    )
    client.post(event.book_url, form_data("Ann", "ann@example.org"))
    response = client.post(event.book_url, form_data("Bob", "bob@example.org"))
    assert "room-42" in mail.outbox[0].body
    assert mail.outbox[0].to == ["ann@example.org"]
    assert "room-42" not in mail.outbox[1].body  # Bob is waiting
    assert "room-42" not in client.get(response["Location"]).content.decode()
    ann = Booking.objects.get(email="ann@example.org")
    detail = event.url + event.reverse_subpage("booking", kwargs={"token": booking_token(ann)})
    assert "room-42" in client.get(detail).content.decode()


def test_a_cancelled_event_cannot_be_booked(client, events_index):
    event = EventPageFactory(parent=events_index, capacity=10)
    event.cancelled = True
    event.save_revision().publish()
    page = client.get(event.url).content.decode()
    assert "This event has been cancelled" in page
    assert client.get(event.book_url).status_code == 410
    with pytest.raises(booking_service.BookingRefused, match="cancelled"):
        book(event, 1)
    assert not Booking.objects.exists()


def test_an_unpublished_event_refuses_bookings(events_index):
    event = EventPageFactory(parent=events_index, capacity=10)
    event.unpublish()
    with pytest.raises(booking_service.BookingRefused, match="This event is no longer taking"):
        book(event, 1)


def test_the_form_keeps_what_was_typed_when_it_is_wrong(client, events_index):
    event = EventPageFactory(parent=events_index, capacity=10)
    response = client.post(event.book_url, form_data("Ann Example", "not-an-email"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert 'value="Ann Example"' in html
    assert not Booking.objects.exists()


def test_publishing_more_places_offers_them_to_the_waiting_list(events_index, email_outbox):
    event = EventPageFactory(parent=events_index, capacity=1)
    book(event, 1)
    waiting = book(event, 2).booking
    assert waiting.status == "waiting"
    event.capacity = 2
    event.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert EventPage.objects.get(pk=event.pk).booking_session.capacity == 2


def test_event_bookings_are_in_the_register_and_personal_data(
    events_index, client, django_user_model
):
    event = EventPageFactory(parent=events_index, title="Hack day", capacity=5)
    book(event, 7)
    found = personal_data(Person.typed("person7@example.org"))
    assert [row["course"] for row in found] == ["Hack day"]

    admin = django_user_model.objects.create_superuser("coordinator", "c@example.org", "pw")
    client.force_login(admin)
    bookings = client.get("/admin/training/booking/").content.decode()
    assert "Hack day" in bookings
    assert "Person 7" in bookings
    register = client.get(f"/admin/training/sessions/{event.booking_session.pk}/register/")
    assert register.status_code == 200
    assert "Hack day" in register.content.decode()
    assert "Person 7" in register.content.decode()


@pytest.mark.django_db(transaction=True)
def test_twenty_five_people_booking_twenty_places_at_once_never_overbook(demo_site):
    """25 threads, each with its own database connection, book the same
    event at the same moment (as course bookings are tested)."""
    from tests.factories.events import EventIndexPageFactory
    from website.models import HomePage

    index = EventIndexPageFactory(parent=HomePage.objects.get())
    event = EventPageFactory(parent=index, capacity=20)
    start = threading.Barrier(25)
    errors = []

    def person(n):
        try:
            start.wait()
            book(event, n)
        except Exception as error:  # reported below, so a failure names its cause
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(25)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    session = event.booking_session
    assert Booking.objects.filter(session=session, status="confirmed").count() == 20
    assert Booking.objects.filter(session=session, status="waiting").count() == 5
    assert "Full: join the waiting list" in Client().get(event.url).content.decode()
