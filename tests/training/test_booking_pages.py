"""The public booking pages: book, confirmation, cancel, as a resident
sees them, with the emails they get."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from training.booking_links import booking_token
from training.models import Booking

VALID = {
    "name": "Ann Example",
    "email": "ann@example.org",
    "phone": "",
    "accessibility_needs": "I use a wheelchair.",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def _fresh_flood_counts():
    cache.clear()


def book_url(course, session):
    return course.url + course.reverse_subpage("book_session", kwargs={"pk": session.pk})


def test_course_page_shows_places_left_and_a_booking_link(client, course):
    session = SessionFactory(page=course, capacity=3)
    BookingFactory(session=session)
    html = client.get(course.url).content.decode()
    assert "2 places left" in html
    assert f'href="{book_url(course, session)}"' in html


def test_booking_a_place_confirms_it_on_screen_and_by_email(client, course):
    session = SessionFactory(page=course, capacity=3)
    response = client.post(book_url(course, session), VALID, follow=True)
    assert "You are booked" in response.content.decode()
    booking = Booking.objects.get()
    assert booking.status == "confirmed"
    assert booking.consent_text.startswith("I agree that")
    assert booking.accessibility_needs == "I use a wheelchair."
    (email,) = mail.outbox
    assert email.to == ["ann@example.org"]
    assert email.subject == f"You are booked on {course.title}"
    cancel_link = re.search(r"http://\S+/cancel/", email.body).group(0)
    assert booking_token(booking) in cancel_link


def test_a_full_session_offers_the_waiting_list(client, course):
    session = SessionFactory(page=course, capacity=1)
    BookingFactory(session=session)
    page = client.get(book_url(course, session)).content.decode()
    assert "This session is full" in page and "Join the waiting list" in page
    response = client.post(book_url(course, session), VALID, follow=True)
    assert "You are on the waiting list" in response.content.decode()
    assert mail.outbox[0].subject == f"You are on the waiting list for {course.title}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "ann@example"}, "Enter an email address like name@example.org."),
        ({"email": "", "phone": ""}, "Enter an email address or a phone number"),
        ({"email": "", "phone": "12345"}, "Enter a phone number, like"),
        ({"consent": ""}, "Tick the box to agree to how we use your details."),
        ({"name": "x" * 10_000}, "Your name must be 100 characters or fewer."),
        ({"accessibility_needs": "x" * 10_000}, "Tell us in 1,000 characters or fewer."),
    ],
)
def test_bad_input_is_explained_and_what_was_typed_is_kept(client, course, change, message):
    session = SessionFactory(page=course)
    response = client.post(book_url(course, session), {**VALID, **change})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html and message in html
    assert html.startswith("<!DOCTYPE html>") or "<title>Error:" in html
    assert "<title>Error:" in html
    if "name" not in change:
        assert 'value="Ann Example"' in html
    assert Booking.objects.count() == 0


def test_booking_twice_says_so_and_books_once(client, course):
    session = SessionFactory(page=course)
    client.post(book_url(course, session), VALID)
    response = client.post(book_url(course, session), VALID, follow=True)
    assert "You had already booked this session" in response.content.decode()
    assert Booking.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_past_session_cannot_be_booked(client, course):
    past = SessionFactory(page=course, start=timezone.now() - datetime.timedelta(days=1))
    response = client.get(book_url(course, past))
    assert response.status_code == 410
    assert "already started" in response.content.decode()
    assert client.post(book_url(course, past), VALID).status_code == 410
    assert Booking.objects.count() == 0


def test_a_session_that_starts_while_the_form_is_open_keeps_what_was_typed(
    client, course, monkeypatch
):
    from training import booking as booking_service

    session = SessionFactory(page=course)

    def refuse(*args, **kwargs):
        raise booking_service.BookingRefused("This session has already started.")

    monkeypatch.setattr(booking_service, "book", refuse)
    html = client.post(book_url(course, session), VALID).content.decode()
    assert "This session has already started." in html and 'value="Ann Example"' in html


def test_many_bookings_from_one_address_are_refused_politely(client, course):
    session = SessionFactory(page=course, capacity=50)
    for n in range(10):
        client.post(book_url(course, session), {**VALID, "email": f"p{n}@example.org"})
    response = client.post(book_url(course, session), {**VALID, "email": "late@example.org"})
    assert "You have made a lot of bookings. Please try again in an hour." in (
        response.content.decode()
    )
    assert Booking.objects.count() == 10


def test_the_cancel_link_asks_first_then_cancels_and_offers_the_place(client, course):
    session = SessionFactory(page=course, capacity=1)
    ann = BookingFactory(session=session)
    bob = BookingFactory(session=session, status="waiting")
    url = course.url + course.reverse_subpage(
        "cancel_booking", kwargs={"token": booking_token(ann)}
    )
    assert "Cancel your booking?" in client.get(url).content.decode()
    ann.refresh_from_db()
    assert ann.status == "confirmed"  # following the link alone cancels nothing

    html = client.post(url).content.decode()
    assert "Booking cancelled" in html
    ann.refresh_from_db()
    bob.refresh_from_db()
    assert (ann.status, bob.status) == ("cancelled", "confirmed")
    (offer,) = mail.outbox
    assert offer.to == [bob.email] and offer.subject.startswith("A place has come up")
    assert "already been cancelled" in client.post(url).content.decode()


@pytest.mark.parametrize("name", ["booking", "cancel_booking"])
def test_a_tampered_link_is_refused_clearly(client, course, name):
    booking = BookingFactory(session=SessionFactory(page=course))
    token = booking_token(booking)
    bad = course.url + course.reverse_subpage(name, kwargs={"token": token[:-2] + "xx"})
    response = client.post(bad) if name == "cancel_booking" else client.get(bad)
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == "confirmed"


def test_a_link_for_another_course_is_refused(client, course, organisation):
    other = CoursePageFactory(parent=organisation, title="Other course")
    booking = BookingFactory(session=SessionFactory(page=other))
    url = course.url + course.reverse_subpage("booking", kwargs={"token": booking_token(booking)})
    assert client.get(url).status_code == 404
