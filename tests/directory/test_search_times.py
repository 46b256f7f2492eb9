"""Times of day in the directory search (the open-data API's start_time and
end_time): an opening or a session that starts at or after one time and
ends by another, on the day asked for when there is one, all on one
opening or one session."""

import datetime

from django.utils import timezone

from directory.search import DirectoryQuery, find_hits
from tests.factories.training import CoursePageFactory, SessionFactory, upcoming

MORNING = datetime.time(9, 0)
NOON = datetime.time(12, 0)
TWO_PM = datetime.time(14, 0)


def titles(**query):
    return sorted(hit.title for hit in find_hits(DirectoryQuery(**query), timezone.localtime()))


def test_places_open_between_times_on_the_day_asked(make_place):
    make_place("Mornings", hours=[(0, (9, 30), (12, 0))])
    make_place("Afternoons", hours=[(0, (14, 0), (16, 0))])
    # Monday afternoon and Tuesday morning: no one opening is a Monday morning.
    make_place("Split", hours=[(0, (14, 0), (17, 0)), (1, (9, 0), (11, 0))])
    assert titles(starts_from=MORNING, ends_by=NOON) == ["Mornings", "Split"]
    assert titles(weekday=0, starts_from=MORNING, ends_by=NOON) == ["Mornings"]
    assert titles(starts_from=TWO_PM) == ["Afternoons", "Split"]
    assert titles(weekday=1, ends_by=NOON) == ["Split"]
    assert titles(weekday=2, starts_from=MORNING) == []


def test_appointment_only_openings_have_no_times(make_place):
    place = make_place("By appointment")
    place.opening_hours.model.objects.create(page=place, weekday=0, by_appointment=True)
    assert titles(weekday=0) == ["By appointment"]
    assert titles(weekday=0, starts_from=MORNING) == []


def test_course_sessions_between_times_in_uk_time(organisation):
    morning = CoursePageFactory(parent=organisation, title="Morning course")
    SessionFactory(page=morning, venue=None, start=upcoming(days=3, hour=9, minute=30))
    evening = CoursePageFactory(parent=organisation, title="Evening course")
    SessionFactory(page=evening, venue=None, start=upcoming(days=3, hour=18))
    assert titles(kinds=frozenset({"course"}), starts_from=MORNING, ends_by=NOON) == [
        "Morning course"
    ]
    assert titles(kinds=frozenset({"course"}), starts_from=TWO_PM) == ["Evening course"]
    weekday = timezone.localtime(upcoming(days=3)).weekday()
    assert titles(kinds=frozenset({"course"}), weekday=weekday, ends_by=NOON) == ["Morning course"]
    assert titles(kinds=frozenset({"course"}), weekday=(weekday + 1) % 7, ends_by=NOON) == []
