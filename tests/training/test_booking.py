"""Booking places: capacity, the waiting list, duplicates and cancellation,
including 20 people booking 10 places at the same moment."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from tests.factories.training import BookingFactory, SessionFactory
from training import booking as booking_service
from training.models import Booking

CONSENT = "I agree."


def book(session, name, email="", phone=""):
    return booking_service.book(
        session.pk,
        name=name,
        email=email or f"{name.lower()}@example.org",
        phone=phone,
        consent_text=CONSENT,
    )


def statuses(session):
    return list(
        Booking.objects.filter(session=session)
        .order_by("created_at", "pk")
        .values_list("name", "status")
    )


def test_people_get_places_until_the_session_is_full_then_join_the_waiting_list(course):
    session = SessionFactory(page=course, capacity=2)
    for name in ("Ann", "Bob", "Cat"):
        book(session, name)
    assert statuses(session) == [("Ann", "confirmed"), ("Bob", "confirmed"), ("Cat", "waiting")]


def test_booking_twice_returns_the_first_booking_and_adds_nothing(course):
    session = SessionFactory(page=course, capacity=5)
    first = book(session, "Ann", email="Ann@Example.org")
    again = book(session, "Ann B", email=" ann@example.ORG ")
    assert first.created and not again.created
    assert again.booking.pk == first.booking.pk
    assert Booking.objects.filter(session=session).count() == 1


def test_the_same_phone_number_written_differently_is_the_same_person(course):
    session = SessionFactory(page=course, capacity=5)
    booking_service.book(session.pk, name="Ann", phone="07700 900982", consent_text=CONSENT)
    assert not booking_service.book(
        session.pk, name="Ann", phone="077009-00982", consent_text=CONSENT
    ).created


def test_after_cancelling_a_person_can_book_again(course):
    session = SessionFactory(page=course, capacity=5)
    first = book(session, "Ann").booking
    booking_service.cancel(first.reference)
    second = book(session, "Ann")
    assert second.created and second.booking.status == "confirmed"


def test_a_session_that_has_started_cannot_be_booked(course):
    started = SessionFactory(page=course, start=timezone.now() - datetime.timedelta(minutes=5))
    with pytest.raises(booking_service.BookingRefused, match="already started"):
        book(started, "Ann")
    assert not Booking.objects.exists()


def test_an_unpublished_course_takes_no_bookings(course):
    session = SessionFactory(page=course)
    course.unpublish()
    with pytest.raises(booking_service.BookingRefused, match="no longer taking bookings"):
        book(session, "Ann")


def test_cancelling_a_place_gives_it_to_the_first_person_waiting(course):
    session = SessionFactory(page=course, capacity=1)
    ann = book(session, "Ann").booking
    book(session, "Bob")
    book(session, "Cat")
    cancelled, promoted = booking_service.cancel(ann.reference)
    assert cancelled.status == "cancelled"
    assert [person.name for person in promoted] == ["Bob"]
    assert statuses(session) == [("Ann", "cancelled"), ("Bob", "confirmed"), ("Cat", "waiting")]


def test_cancelling_from_the_waiting_list_promotes_nobody(course):
    session = SessionFactory(page=course, capacity=1)
    book(session, "Ann")
    bob = book(session, "Bob").booking
    _, promoted = booking_service.cancel(bob.reference)
    assert promoted == []
    assert statuses(session) == [("Ann", "confirmed"), ("Bob", "cancelled")]


def test_cancelling_twice_changes_nothing_the_second_time(course):
    session = SessionFactory(page=course, capacity=1)
    ann = book(session, "Ann").booking
    book(session, "Bob")
    booking_service.cancel(ann.reference)
    _, promoted = booking_service.cancel(ann.reference)
    assert promoted == []


def test_raising_capacity_offers_the_new_places_in_order(course):
    session = SessionFactory(page=course, capacity=1)
    for name in ("Ann", "Bob", "Cat", "Dan"):
        book(session, name)
    session.capacity = 3
    session.save()
    promoted = booking_service.fill_places(session.pk)
    assert [person.name for person in promoted] == ["Bob", "Cat"]


def test_register_marks_attendance_and_tells_listeners_about_completions(course):
    from training.signals import course_completed

    session = SessionFactory(page=course)
    ann, bob = BookingFactory(session=session), BookingFactory(session=session)
    heard = []

    def listener(sender, booking, **kwargs):
        heard.append(booking.pk)

    course_completed.connect(listener)
    try:
        changed = booking_service.record_register(
            session, {ann.pk: (True, True), bob.pk: (True, False)}
        )
        booking_service.record_register(session, {ann.pk: (True, True), bob.pk: (True, False)})
    finally:
        course_completed.disconnect(listener)
    assert changed == 2
    assert heard == [ann.pk]  # once, though the register was saved twice
    ann.refresh_from_db()
    assert ann.attended and ann.completed


@pytest.mark.django_db(transaction=True)
def test_twenty_people_booking_ten_places_at_once_never_overbook(course):
    """20 threads, each with its own database connection, book the same
    session at the same moment (on PostgreSQL, and on SQLite's file
    database in the test run)."""
    session = SessionFactory(page=course, capacity=10)
    start = threading.Barrier(20)
    errors = []

    def person(n):
        try:
            start.wait()
            book(session, f"Person{n:02d}")
        except Exception as error:  # reported below, so a failure names its cause
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    counts = {
        status: Booking.objects.filter(session=session, status=status).count()
        for status in ("confirmed", "waiting")
    }
    assert counts == {"confirmed": 10, "waiting": 10}, connection.vendor

    first_waiting = (
        Booking.objects.filter(session=session, status="waiting")
        .order_by("created_at", "pk")
        .first()
    )
    confirmed = Booking.objects.filter(session=session, status="confirmed").first()
    _, promoted = booking_service.cancel(confirmed.reference)
    assert [person.pk for person in promoted] == [first_waiting.pk]
    assert Booking.objects.filter(session=session, status="confirmed").count() == 10
