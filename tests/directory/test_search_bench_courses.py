"""`seed_bench --listings N` adds a course for every five access points
(training/bench.py), made of the rows the admin writes, and the bench's
mixed search finds them."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from directory.models import AccessPointPage
from training import bench
from training.models import CoursePage, Session


def seed_bench(listings):
    out = StringIO()
    call_command("seed_bench", news=0, pages=0, listings=listings, stdout=out)
    return out.getvalue()


@pytest.fixture
def bench_courses(directory):
    report = seed_bench(30)
    assert "Bench courses: 6 synthetic courses (6 added" in report
    return list(CoursePage.objects.live().order_by("path"))


@pytest.mark.django_db
def test_one_course_per_five_listings_with_four_upcoming_sessions(bench_courses):
    assert len(bench_courses) == 6
    now = timezone.now()
    for course in bench_courses:
        sessions = list(course.sessions.order_by("start"))
        assert len(sessions) == 4
        assert all(session.start > now for session in sessions)
        assert sessions[1].start - sessions[0].start == datetime.timedelta(weeks=1)
        assert course.skill_areas.exists()
        assert course.live_revision_id == course.latest_revision_id is not None
    online = [course for course in bench_courses if course.format == CoursePage.Format.ONLINE]
    assert len(online) == 1
    assert not Session.objects.filter(page=online[0]).exclude(venue=None).exists()
    # Course 0 takes turns at two venues, both access points under its organisation.
    venues = {session.venue for session in bench_courses[0].sessions.all()}
    assert len(venues) == 2
    assert all(venue.get_parent().pk == bench_courses[0].get_parent().pk for venue in venues)


@pytest.mark.django_db
def test_revision_holds_the_saved_sessions(bench_courses):
    course = bench_courses[1]
    revision = Revision.objects.get(object_id=str(course.pk))
    content = revision.content
    if isinstance(content, str):
        content = json.loads(content)
    stored = sorted(session["pk"] for session in content["sessions"])
    assert stored == sorted(course.sessions.values_list("pk", flat=True))


@pytest.mark.django_db
def test_every_course_page_renders_and_links_its_venue(client, bench_courses):
    for course in bench_courses:
        response = client.get(course.url)
        assert response.status_code == 200, course.url
        html = response.content.decode()
        for session in course.sessions.exclude(venue=None).select_related("venue"):
            assert f'href="{session.venue.url}"' in html


@pytest.mark.django_db
def test_running_again_tops_up_and_never_duplicates(bench_courses):
    seed_bench(30)
    assert CoursePage.objects.count() == 6
    seed_bench(40)
    assert CoursePage.objects.count() == 8
    assert Session.objects.count() == 32
    assert AccessPointPage.objects.count() == 40
    assert all(not problems for problems in Page.find_problems())


@pytest.mark.django_db
def test_finished_courses_move_on_to_upcoming_dates(bench_courses):
    course = bench_courses[2]
    nine_weeks = datetime.timedelta(weeks=9)
    for session in course.sessions.all():
        session.start -= nine_weeks
        session.end -= nine_weeks
        session.save()
    assert not course.sessions.filter(start__gt=timezone.now()).exists()
    assert bench.roll_forward(timezone.now()) == 4
    starts = sorted(course.sessions.values_list("start", flat=True))
    assert starts[0] > timezone.now()
    assert starts[1] - starts[0] == datetime.timedelta(weeks=1)
    assert bench.roll_forward(timezone.now()) == 0


@pytest.mark.django_db
def test_mixed_search_finds_places_and_courses(client, bench_courses):
    response = client.get("/find-help/", {"postcode": "PR7 1DP", "radius": "10"})
    assert response.status_code == 200
    counts = re.match(r"(\d+) places? and (\d+) courses?", response.context["count_text"])
    places, courses = counts.groups()
    assert int(places) > 0 and int(courses) > 0
