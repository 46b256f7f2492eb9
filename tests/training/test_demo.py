"""The demo courses that `make run` loads."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from training.models import Booking, CoursePage, Session


@pytest.mark.django_db
def test_demo_adds_about_forty_courses_once(full_demo_site):
    courses = CoursePage.objects.live()
    assert 35 <= courses.count() <= 45
    assert {course.level for course in courses} == set(CoursePage.Level.values)
    assert {course.format for course in courses} == set(CoursePage.Format.values)
    assert courses.filter(is_champion_training=True).count() >= 2
    assert all(course.skill_areas.exists() for course in courses)
    sessions = Session.objects.all()
    # Upcoming sessions within eight weeks; past ones within fifteen months,
    # with their registers filled in (training/demo_history.py).
    assert sessions.filter(start__gt=timezone.now() + timezone.timedelta(weeks=8)).count() == 0
    past = sessions.filter(start__lt=timezone.now())
    assert past.exists()
    assert not past.filter(start__lt=timezone.now() - timezone.timedelta(days=466)).exists()
    past_bookings = Booking.objects.filter(session__in=past)
    assert past_bookings.filter(attended=True).exists()
    assert past_bookings.filter(completed=True).exists()
    assert not past_bookings.filter(completed=True, attended=False).exists()
    assert not past_bookings.exclude(status="confirmed").exists()
    in_person = sessions.filter(page__format=CoursePage.Format.IN_PERSON)
    assert in_person.exists() and not in_person.filter(venue=None).exists()

    counts = (CoursePage.objects.count(), Session.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (CoursePage.objects.count(), Session.objects.count()) == counts
