"""Texts about a booking, for someone who chose them on the booking form:
through the real Notify client to a fake Notify API (tests/fake_notify.py)."""

import pytest
from django.core.cache import cache

from tests.factories.training import BookingFactory, SessionFactory, upcoming
from tests.training.test_booking_pages import VALID, book_url
from training.booking_links import booking_token
from training.data_protection import erase_personal_data, personal_data
from training.models import Booking
from training.reminders import send_reminders
from website import texts
from website.data_subject import Person
from website.models import OutgoingText

pytest_plugins = ["tests.fake_notify"]  # the fake_notify fixture
MOBILE = "+447700900982"
WITH_TEXTS = {**VALID, "phone": "07700 900 982", "wants_texts": "on"}


@pytest.fixture(autouse=True)
def _fresh_flood_counts():
    cache.clear()


@pytest.fixture
def sent(fake_notify):
    """The bodies of the texts sent to a number. A test's transaction never
    commits, so the texts stored are sent here, as send_queued_texts would."""

    def bodies(number=MOBILE):
        texts.send_due()
        return [
            text["personalisation"]["body"]
            for text in fake_notify.texts
            if text["phone_number"] == number
        ]

    return bodies


def test_a_booking_with_texts_is_confirmed_by_text(client, course, venue, sent):
    session = SessionFactory(page=course, venue=venue, capacity=3)
    response = client.post(book_url(course, session), WITH_TEXTS)
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.texts_to, booking.texts_consent_text) == (MOBILE, "Text me about this booking")
    (text,) = sent()
    assert text.startswith("Get Online Chorley and South Ribble: you have a place on ")
    assert course.title in text and session.when in text and "Chorley Library" in text
    assert text.endswith("Reply STOP to stop texts.")
    assert len(text) <= 306  # two SMS fragments at most


def test_the_waiting_list_reminder_offer_and_cancellation_are_texted(client, course, sent):
    session = SessionFactory(page=course, capacity=1, start=upcoming(days=1))
    ann = BookingFactory(session=session, phone="07911 123456", texts_to="+447911123456")
    client.post(book_url(course, session), WITH_TEXTS)
    (waiting,) = sent()
    assert "is full, so you are on the waiting list" in waiting

    assert send_reminders() == 1
    (reminder,) = sent("+447911123456")
    assert "reminder: you have a place tomorrow on" in reminder

    cancel = course.url + course.reverse_subpage(
        "cancel_booking", kwargs={"token": booking_token(ann)}
    )
    client.post(cancel)
    assert "is cancelled" in sent("+447911123456")[-1]
    assert "a place came up, so you are now booked" in sent()[-1]
    assert all(len(body) <= 306 for body in sent() + sent("+447911123456"))


def test_no_texts_unless_chosen(client, course, sent):
    session = SessionFactory(page=course, capacity=3)
    client.post(book_url(course, session), {**VALID, "phone": "07700 900 982"})
    assert Booking.objects.get().texts_to == ""
    assert sent() == [] and not OutgoingText.objects.exists()


@pytest.mark.parametrize(
    ("phone", "error"),
    [
        ("01632 960 001", "This is not a mobile number, so it cannot get texts."),
        ("", "Enter a mobile number for texts, or untick ‘Text me about this booking’."),
    ],
)
def test_texts_to_a_landline_are_refused_and_what_was_typed_is_kept(client, course, phone, error):
    session = SessionFactory(page=course, capacity=3)
    response = client.post(book_url(course, session), {**WITH_TEXTS, "phone": phone})
    assert response.status_code == 200
    page = response.content.decode()
    start = page.index("govuk-error-summary__list")
    assert error in page[start : page.index("</ul>", start)]
    assert f'value="{phone}"' in page and "I use a wheelchair." in page
    assert not Booking.objects.exists()


def test_texts_are_in_the_export_and_go_with_erasure(client, course, sent):
    session = SessionFactory(page=course, capacity=3)
    client.post(book_url(course, session), WITH_TEXTS)
    (record,) = personal_data(Person.typed("ann@example.org"))
    assert (record["texts_to"], record["texts_consent_text"]) == (
        MOBILE,
        "Text me about this booking",
    )
    assert OutgoingText.objects.filter(to=MOBILE).exists()
    assert erase_personal_data(Person.typed("ann@example.org")) == 1
    booking = Booking.objects.get()
    assert (booking.texts_to, booking.texts_consent_text) == ("", "")
    assert not OutgoingText.objects.exists()
