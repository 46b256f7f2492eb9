"""Editing a course that people have booked: their places are safe, and
more places go to the waiting list when the course is published."""

import datetime

from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.factories.training import BookingFactory, SessionFactory
from training.models import Booking, CoursePage


def edit_form(course, session, **changes):
    row = {
        "id": session.pk,
        "start": session.start.strftime("%Y-%m-%d %H:%M"),
        "end": (session.start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "venue": "",
        "capacity": session.capacity,
        "note": "",
        **changes,
    }
    data = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "description": rich_text("<p>Friendly.</p>"),
            "level": course.level,
            "format": CoursePage.Format.ONLINE,
            "cost": course.cost,
            "sessions": inline_formset([row], initial=1),
        }
    )
    form_class = CoursePage.get_edit_handler().get_form_class()
    return form_class(data, instance=course, parent_page=course.get_parent())


def test_capacity_cannot_drop_below_the_places_taken(course):
    session = SessionFactory(page=course, capacity=8)
    BookingFactory.create_batch(3, session=session)
    form = edit_form(course, session, capacity=2)
    assert not form.is_valid()
    assert form.formsets["sessions"].forms[0].errors["capacity"] == [
        "3 people already have places, so the capacity cannot be less than 3."
    ]
    assert edit_form(course, session, capacity=3).is_valid()


def test_a_session_with_bookings_cannot_be_deleted(course):
    session = SessionFactory(page=course)
    BookingFactory(session=session)
    form = edit_form(course, session, DELETE="1")
    assert not form.is_valid()
    assert "Cancel them in the session's register" in " ".join(form.non_field_errors())


def test_publishing_more_places_offers_them_to_the_waiting_list(course):
    session = SessionFactory(page=course, capacity=1)
    BookingFactory(session=session)
    waiting = BookingFactory(session=session, status=Booking.Status.WAITING)
    session.capacity = 2
    session.save()
    CoursePage.objects.get(pk=course.pk).save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert mail.outbox[0].to == [waiting.email]
