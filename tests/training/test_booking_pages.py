"""The public booking pages: book, confirmation, cancel, as a resident
sees them, with the emails they get."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from training.booking_links import LINK_MAX_AGE, booking_token, check_token
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
    cancel_link = re.search(r"http://\S+/([\w-]+)/cancel/", email.body)
    assert check_token(course, cancel_link.group(1)).booking == booking


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


def test_booking_twice_books_once_and_emails_the_link_instead_of_showing_it(client, course):
    session = SessionFactory(page=course)
    client.post(book_url(course, session), VALID)
    response = client.post(book_url(course, session), VALID, follow=True)
    html = response.content.decode()
    assert "Check your email" in html and "so we have not booked it twice" in html
    assert Booking.objects.count() == 1
    first, again = mail.outbox
    assert again.to == ["ann@example.org"] and "/cancel/" in again.body


def test_someone_elses_email_never_shows_or_hands_over_their_booking(client, course):
    """Typing another person's email (or phone) on the booking form shows
    nothing of their booking: the link goes to the address they booked with."""
    session = SessionFactory(page=course)
    BookingFactory(session=session, name="Ann Example", email="ann@example.org")
    stranger = {**VALID, "name": "Mallory", "accessibility_needs": ""}
    response = client.post(book_url(course, session), stranger)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ann Example" not in html and "/cancel/" not in html and "Cancel" not in html
    (email,) = mail.outbox
    assert email.to == ["ann@example.org"] and "Hello Ann Example" in email.body
    booking = Booking.objects.get()
    assert (booking.name, booking.status) == ("Ann Example", "confirmed")


def test_a_phone_only_booking_is_not_shown_to_someone_typing_its_number(client, course):
    session = SessionFactory(page=course)
    BookingFactory(session=session, name="Ann Example", email="", phone="07700 900123")
    response = client.post(
        book_url(course, session), {**VALID, "email": "", "phone": "07700900123"}
    )
    html = response.content.decode()
    assert "Ann Example" not in html and "/cancel/" not in html
    assert "If you booked with a phone number only" in html
    assert not mail.outbox


def test_asking_again_and_again_sends_a_few_links_not_an_inbox_full(client, course):
    session = SessionFactory(page=course)
    BookingFactory(session=session, email="ann@example.org")
    for _ in range(6):
        assert "Check your email" in client.post(book_url(course, session), VALID).content.decode()
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("name", ["booking", "cancel_booking"])
@pytest.mark.parametrize(
    "made_ago, session_in",
    [
        (LINK_MAX_AGE + datetime.timedelta(hours=1), datetime.timedelta(days=30)),
        (datetime.timedelta(days=10), -datetime.timedelta(days=8)),
    ],
    ids=["link-too-old", "session-long-past"],
)
def test_an_expired_link_says_how_to_get_a_new_one(client, course, name, made_ago, session_in):
    now = timezone.now()
    booking = BookingFactory(session=SessionFactory(page=course, start=now + session_in))
    token = booking_token(booking, now=now - made_ago)
    url = course.url + course.reverse_subpage(name, kwargs={"token": token})
    response = client.post(url) if name == "cancel_booking" else client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This link has expired" in html and booking.name not in html
    booking.refresh_from_db()
    assert booking.status == "confirmed"


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
    confirmed, offer = mail.outbox
    assert confirmed.to == [ann.email]
    assert confirmed.subject == f"Your booking on {course.title} is cancelled"
    assert f"http://testserver{course.url}" in confirmed.body
    assert offer.to == [bob.email] and offer.subject.startswith("A place has come up")
    assert "already been cancelled" in client.post(url).content.decode()
    assert len(mail.outbox) == 2  # cancelling again sends nothing


def test_emailed_links_use_the_sites_configured_address(client, course, settings):
    """Not Wagtail's Site hostname and port (localhost:80 in a fresh
    install), which a resident's mail program cannot open."""
    settings.WAGTAILADMIN_BASE_URL = "https://getonline.example.org"
    session = SessionFactory(page=course, capacity=3)
    client.post(book_url(course, session), VALID)
    (email,) = mail.outbox
    links = re.findall(r"\S+://\S+", email.body)
    assert links and all(
        link.startswith("https://getonline.example.org/find-help/") for link in links
    )
    cancel = next(link for link in links if link.endswith("/cancel/"))
    token = cancel.rstrip("/").split("/")[-2]
    assert check_token(course, token).booking == Booking.objects.get()


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


def test_pages_showing_a_booking_are_never_stored(client, course):
    session = SessionFactory(page=course)
    confirmation = client.post(book_url(course, session), VALID, follow=True)
    assert "You are booked" in confirmation.content.decode()
    assert "no-store" in confirmation["Cache-Control"]
    with_error = client.post(book_url(course, session), {**VALID, "email": "not-an-email"})
    assert "no-store" in with_error["Cache-Control"]


def test_the_error_summary_follows_the_order_of_the_fields(client, course):
    session = SessionFactory(page=course)
    html = client.post(book_url(course, session), {"email": "", "phone": ""}).content.decode()
    summary = html.split('<ul class="govuk-list govuk-error-summary__list">')[1].split("</ul>")[0]
    messages = re.findall(r'<a href="#(id_\w+)">', summary)
    assert messages == ["id_name", "id_email", "id_consent"]
    email_input = html.split('name="email"')[1].split(">")[0]
    assert "govuk-input--error" in email_input  # the red border
    assert 'type="email"' in html.split('name="email"')[0].rsplit("<input", 1)[1]


def test_a_booking_is_never_kept_for_another_visitor_and_places_left_update(client, course):
    """Through the anonymous page cache (website/page_cache.py): the
    confirmation (at its signed address, which only the booker has) is
    never kept, and the course page everyone else gets counts the new
    booking at once and names nobody."""
    session = SessionFactory(page=course, capacity=3)
    assert "3 places left" in Client().get(course.url).content.decode()

    response = client.post(book_url(course, session), VALID, follow=True)
    confirmation_url = response.redirect_chain[-1][0]
    again = Client().get(confirmation_url)
    course_page = Client().get(course.url).content.decode()

    assert "You are booked" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "no-store" in again["Cache-Control"]
    assert "X-Page-Cache" not in response and "X-Page-Cache" not in again
    assert "2 places left" in course_page and "Ann Example" not in course_page
