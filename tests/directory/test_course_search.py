"""Courses in the directory search (training/search.py's CourseSource), as
plain queries over factories: which courses match, by which session, how
far away, and how they sort among places."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory import geo
from directory import search as directory_search
from directory.models import AccessibilityFeature
from directory.search import DirectoryQuery, find_hits, load_results
from tests.directory.conftest import CHORLEY, LEYLAND, PRESTON
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory, upcoming
from training.framework import ensure_skill_areas
from training.models import CoursePage, SkillArea
from training.search import CourseSource

Level, Format = CoursePage.Level, CoursePage.Format


def near(postcode):
    code, lat, lng = postcode
    return geo.Location(code, lat, lng, "postcode")


def days_until(weekday, at_least=1):
    """Days from today to the next `weekday` (Monday 0) at least this far on."""
    day = timezone.localdate() + datetime.timedelta(days=at_least)
    return at_least + (weekday - day.weekday()) % 7


def search(query):
    return find_hits(query, timezone.localtime())


def titles(query):
    return [hit.title for hit in search(query)]


@pytest.fixture
def venues(make_place):
    return {
        "chorley": make_place("Chorley Library", postcode=CHORLEY),
        "leyland": make_place("Leyland Hub", postcode=LEYLAND),
        "preston": make_place("Preston Hub", postcode=PRESTON),
    }


@pytest.fixture
def make_course(organisation, venues):
    """A live course with sessions: (days from now, venue key or None)."""
    ensure_skill_areas(SkillArea)

    def make(title, sessions=((7, "chorley"),), skills=(), access=(), **fields):
        course = CoursePageFactory(parent=organisation, title=title, **fields)
        for days, venue in sessions:
            SessionFactory(
                page=course, start=upcoming(days=days), venue=venues[venue] if venue else None
            )
        if skills:
            course.skill_areas.set(SkillArea.objects.filter(slug__in=skills))
        if access:
            course.accessibility.set(AccessibilityFeature.objects.filter(slug__in=access))
        if skills or access:
            course.save()
        return course

    return make


COURSES = frozenset({"course"})
COURSES_ONLY = DirectoryQuery(kinds=COURSES)


@pytest.mark.django_db
def test_courses_are_a_registered_source():
    assert isinstance(directory_search.source_named("course"), CourseSource)
    assert [source.name for source in directory_search.SOURCES] == ["place", "course"]
    directory_search.register(CourseSource())  # again: replaced, not doubled
    assert [source.name for source in directory_search.SOURCES] == ["place", "course"]


@pytest.mark.django_db
def test_only_live_public_courses_with_an_upcoming_session_match(make_course):
    make_course("Upcoming")
    make_course("Finished", sessions=[(-7, "chorley"), (-1, "chorley")])
    make_course("No sessions", sessions=[])
    make_course("Draft").unpublish()
    private = make_course("Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert titles(COURSES_ONLY) == ["Upcoming"]


@pytest.mark.django_db
def test_a_session_that_has_started_does_not_count(make_course):
    course = make_course("Started this morning", sessions=[])
    SessionFactory(page=course, start=timezone.now() - datetime.timedelta(minutes=5))
    assert titles(COURSES_ONLY) == []


@pytest.mark.django_db
def test_level_format_and_skill_filters(make_course):
    make_course("Tablets", level=Level.FIRST_STEPS, skills=["foundation"])
    make_course("Email", level=Level.BEGINNER, skills=["communicating"])
    make_course(
        "Video calls",
        level=Level.BEGINNER,
        format=Format.ONLINE,
        sessions=[(5, None)],
        skills=["communicating", "foundation"],
    )
    make_course("Banking", level=Level.INTERMEDIATE, skills=["transacting"])
    assert titles(DirectoryQuery(levels=("beginner",))) == ["Email", "Video calls"]
    assert titles(DirectoryQuery(levels=("first_steps", "intermediate"))) == ["Banking", "Tablets"]
    assert titles(DirectoryQuery(formats=("online",))) == ["Video calls"]
    # Any of the chosen skill areas.
    query = DirectoryQuery(skill_areas=("foundation", "transacting"))
    assert titles(query) == ["Banking", "Tablets", "Video calls"]


@pytest.mark.django_db
def test_day_of_the_week_matches_a_session_on_that_day(make_course):
    tuesday, thursday = days_until(1), days_until(3)
    make_course("Tuesdays", sessions=[(tuesday, "chorley"), (tuesday + 7, "chorley")])
    make_course("Thursdays", sessions=[(thursday, "chorley")])
    assert titles(DirectoryQuery(weekday=1, kinds=COURSES)) == ["Tuesdays"]
    assert titles(DirectoryQuery(weekday=3, kinds=COURSES)) == ["Thursdays"]
    assert titles(DirectoryQuery(weekday=6, kinds=COURSES)) == []


@pytest.mark.django_db
def test_day_uses_uk_time_not_utc(make_course):
    """A session at half past midnight on a summer Tuesday is on Monday in UTC."""
    course = make_course("Night owls", sessions=[])
    days = days_until(1)
    while True:  # the next Tuesday in British Summer Time
        day = timezone.localdate() + datetime.timedelta(days=days)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(0, 30)))
        if start.utcoffset():
            break
        days += 7
    assert start.astimezone(datetime.UTC).weekday() == 0
    SessionFactory(page=course, start=start)
    assert titles(DirectoryQuery(weekday=1, kinds=COURSES)) == ["Night owls"]


@pytest.mark.django_db
def test_starts_within_n_days(make_course):
    make_course("Soon", sessions=[(3, "chorley")])
    make_course("In ten days", sessions=[(10, "chorley")])
    make_course("Next month", sessions=[(40, "chorley")])
    assert titles(DirectoryQuery(starts_within_days=7)) == ["Soon"]
    assert titles(DirectoryQuery(starts_within_days=14)) == ["In ten days", "Soon"]


@pytest.mark.django_db
def test_session_filters_must_hold_for_the_same_session(make_course):
    """A Tuesday session next month and a Thursday one this week do not make
    a course with a Tuesday session this week."""
    make_course("Mixed", sessions=[(days_until(3), "chorley"), (days_until(1, 20), "chorley")])
    assert titles(DirectoryQuery(weekday=1, starts_within_days=7)) == []
    assert titles(DirectoryQuery(weekday=1, starts_within_days=28)) == ["Mixed"]


@pytest.mark.django_db
def test_distance_is_to_the_nearest_matching_sessions_venue(make_course):
    make_course("Two towns", sessions=[(3, "preston"), (11, "leyland")])
    hits = search(DirectoryQuery(location=near(CHORLEY), radius_miles=10, kinds=COURSES))
    assert hits[0].distance_miles == pytest.approx(3.9, abs=0.1)  # Leyland, not Preston
    # On the day of the week of Preston's session, Preston is the nearest.
    preston_day = (timezone.localdate() + datetime.timedelta(days=3)).weekday()
    query = DirectoryQuery(location=near(CHORLEY), radius_miles=10, weekday=preston_day)
    (hit,) = [hit for hit in search(query) if hit.source == "course"]
    assert hit.distance_miles == pytest.approx(7.8, abs=0.1)


@pytest.mark.django_db
def test_radius_leaves_out_courses_held_only_further_away(make_course):
    make_course("In Preston", sessions=[(3, "preston")])
    make_course("In Chorley", sessions=[(3, "chorley")])
    query = DirectoryQuery(location=near(CHORLEY), radius_miles=3, kinds=COURSES)
    assert titles(query) == ["In Chorley"]


@pytest.mark.django_db
def test_online_courses_are_found_with_a_postcode_and_come_after_places_in_reach(make_course):
    make_course("A online course", format=Format.ONLINE, sessions=[(2, None)])
    make_course("By phone", format=Format.PHONE, sessions=[(4, None)])
    make_course("Zed course in Chorley", sessions=[(5, "chorley")])
    hits = search(DirectoryQuery(location=near(CHORLEY), radius_miles=1))
    assert [(hit.source, hit.title) for hit in hits] == [
        # The place first, then the course held there (same distance).
        ("place", "Chorley Library"),
        ("course", "Zed course in Chorley"),
        # Reachable from anywhere, so no radius leaves them out; no distance.
        ("course", "A online course"),
        ("course", "By phone"),
    ]
    assert hits[2].distance_miles is None


@pytest.mark.django_db
def test_text_search_finds_courses(make_course):
    make_course("Email for beginners", summary="Send, reply and attach a photo.")
    make_course("Using the NHS App", summary="Order repeat prescriptions.")
    assert titles(DirectoryQuery(text="prescriptions")) == ["Using the NHS App"]
    assert titles(DirectoryQuery(text="photo", kinds=COURSES)) == ["Email for beginners"]


@pytest.mark.django_db
def test_type_filter_and_the_rule_for_filters_of_one_kind(make_course):
    make_course("Email", level=Level.BEGINNER)
    everything = titles(DirectoryQuery())
    assert "Email" in everything and "Chorley Library" in everything
    assert "Email" not in titles(DirectoryQuery(kinds=frozenset({"place"})))
    assert titles(DirectoryQuery(kinds=COURSES)) == ["Email"]
    # A place-only filter means places are wanted; a course-only one, courses.
    assert titles(DirectoryQuery(open_now=True)) == []
    assert titles(DirectoryQuery(levels=("beginner",))) == ["Email"]
    # With an explicit type, the other kind's filters are ignored.
    assert titles(DirectoryQuery(kinds=COURSES, open_now=True)) == ["Email"]
    # Filters of both kinds: each kind by its own.
    query = DirectoryQuery(services=("free-wifi",), levels=("beginner",))
    assert titles(query) == ["Email"]


@pytest.mark.django_db
def test_free_only_and_accessibility_apply_to_courses(make_course):
    make_course("Free with a loop", access=["hearing-loop"])
    make_course("Paid with a loop", access=["hearing-loop"], cost=CoursePage.Cost.LOW_COST)
    make_course("Free, stairs only")
    assert titles(DirectoryQuery(kinds=COURSES, free_only=True)) == [
        "Free with a loop",
        "Free, stairs only",
    ]
    query = DirectoryQuery(kinds=COURSES, free_only=True, accessibility=("hearing-loop",))
    assert titles(query) == ["Free with a loop"]


@pytest.mark.django_db
def test_results_carry_the_matching_session_its_venue_and_places_left(make_course):
    course = make_course("Email", sessions=[(3, "preston"), (10, "leyland")])
    leyland_session = course.sessions.get(venue__title="Leyland Hub")
    BookingFactory.create_batch(7, session=leyland_session)
    BookingFactory(session=leyland_session, status="waiting")
    now = timezone.localtime()
    query = DirectoryQuery(location=near(CHORLEY), radius_miles=10, kinds=COURSES)
    (result,) = load_results(find_hits(query, now), query, now)
    assert result.kind == "course"
    assert result.session == leyland_session
    assert result.where == "Leyland Hub"
    assert result.session.places_left == 3
    assert result.distance_text == "3.9 miles"
    assert result.map_position is None


@pytest.mark.django_db
def test_without_a_postcode_the_soonest_matching_session_is_shown(make_course):
    course = make_course("Email", sessions=[(10, "leyland"), (3, "preston")])
    now = timezone.localtime()
    (result,) = load_results(find_hits(COURSES_ONLY, now), COURSES_ONLY, now)
    assert result.session == course.sessions.get(venue__title="Preston Hub")
    assert result.distance_text == ""


@pytest.mark.django_db
def test_distance_to_a_venue_with_a_hidden_address_is_rounded(make_course, venues):
    venues["leyland"].hide_address = True
    venues["leyland"].save()
    make_course("Outreach course", sessions=[(3, "leyland")])
    now = timezone.localtime()
    query = DirectoryQuery(location=near(CHORLEY), radius_miles=10, kinds=COURSES)
    (result,) = load_results(find_hits(query, now), query, now)
    assert result.distance_text == "about 4 miles"
