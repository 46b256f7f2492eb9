"""Bookings found, exported and erased by a UK mobile number: one typed
into the phone field (a booking made without an email) or the number for
texts; another person's number is left alone."""

from django.apps import apps

from tests.factories.training import BookingFactory, SessionFactory
from training.models import Booking, contact_key
from website.data_subject import Person
from website.models import OutgoingText
from website.personal_data import ERASED

WHO = Person(mobile="+447700900982")


def hooks():
    return apps.get_app_config("training")


def make_bookings(course):
    session = SessionFactory(page=course)
    by_phone = BookingFactory(
        session=session,
        name="Phone Only",
        email="",
        phone="07700-900-982",
        contact_key=contact_key("", "07700-900-982"),
    )
    with_texts = BookingFactory(session=session, name="Gets Texts", texts_to=WHO.mobile)
    other = BookingFactory(
        session=session,
        name="Someone Else",
        email="",
        phone="07700 900 983",
        contact_key=contact_key("", "07700 900 983"),
    )
    OutgoingText.objects.create(purpose="booking-confirmed", to=WHO.mobile, body="Booked.")
    return by_phone, with_texts, other


def test_found_by_number_in_one_query(course, django_assert_num_queries):
    make_bookings(course)
    with django_assert_num_queries(1):
        records = hooks().personal_data(WHO)
    assert sorted(record["name"] for record in records) == ["Gets Texts", "Phone Only"]
    assert {record["course"] for record in records} == {"Email for beginners"}


def test_erased_by_number_with_its_texts(course):
    by_phone, with_texts, other = make_bookings(course)
    assert hooks().erase_personal_data(WHO) == 2
    names = dict(Booking.objects.values_list("pk", "name"))
    assert names == {by_phone.pk: ERASED, with_texts.pk: ERASED, other.pk: "Someone Else"}
    assert Booking.objects.get(pk=by_phone.pk).phone == ""
    assert not OutgoingText.objects.exists()
    assert hooks().personal_data(WHO) == []
