"""Factories for courses and their sessions. Sessions start a week from now
at 10am unless told otherwise, so they are upcoming."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from training.models import CoursePage, Session, contact_key


def upcoming(days=7, hour=10, minute=0):
    """A local, timezone-aware moment `days` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    summary = "Learn to use email."
    level = CoursePage.Level.BEGINNER
    format = CoursePage.Format.IN_PERSON

    class Meta:
        model = CoursePage


class SessionFactory(factory.django.DjangoModelFactory):
    start = factory.LazyFunction(upcoming)
    end = factory.LazyAttribute(lambda session: session.start + datetime.timedelta(hours=2))
    capacity = 10

    class Meta:
        model = Session


class BookingFactory(factory.django.DjangoModelFactory):
    """A confirmed booking by a new person, with consent recorded."""

    name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = ""
    contact_key = factory.LazyAttribute(lambda booking: contact_key(booking.email, booking.phone))
    consent_text = "I agree that the partnership can keep these details."
    status = "confirmed"

    class Meta:
        model = "training.Booking"
