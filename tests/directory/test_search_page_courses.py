"""Courses on the /find-help/ page: their cards, the listing-type and course
filters, what the page says about online courses and filters of one kind,
the map, and a query count that does not grow with the results."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.directory.conftest import LEYLAND
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory, upcoming
from training.framework import ensure_skill_areas
from training.models import CoursePage, SkillArea


@pytest.fixture
def library(make_place):
    return make_place("Chorley Library", services=["free-wifi"], hours=[(0, (9, 0), (17, 0))])


@pytest.fixture
def make_course(organisation):
    ensure_skill_areas(SkillArea)

    def make(title, venue=None, days=7, capacity=10, **fields):
        course = CoursePageFactory(parent=organisation, title=title, **fields)
        SessionFactory(page=course, venue=venue, start=upcoming(days=days), capacity=capacity)
        return course

    return make


@pytest.fixture
def courses(make_course, library, make_place):
    leyland = make_place("Leyland Hub", postcode=LEYLAND)
    email = make_course("Email for beginners", venue=library, capacity=10)
    BookingFactory.create_batch(7, session=email.sessions.get())
    full = make_course(
        "Video calls", venue=leyland, capacity=2, level=CoursePage.Level.INTERMEDIATE
    )
    BookingFactory.create_batch(2, session=full.sessions.get())
    make_course("Banking by phone", format=CoursePage.Format.PHONE, days=3)
    return {"email": email, "full": full}


def get(client, **params):
    response = client.get("/find-help/", params)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.mark.django_db
def test_course_cards_say_what_when_where_and_how_many_places(client, courses):
    _response, html = get(client, type="courses")
    assert "3 courses" in html
    card = html.split('class="app-result app-result--course"')[2]  # A-Z: Email second
    assert ">Course</strong>" in card
    assert "Email for beginners" in card
    assert "Beginner · In person at an access point" in card
    assert courses["email"].sessions.get().when in card
    assert "Chorley Library · <strong>3 places left" in card
    assert "Full: join the waiting list" in html
    assert "Banking by phone" in html and "By phone · <strong>10 places left" in html


@pytest.mark.django_db
def test_places_and_courses_together_nearest_first_online_after(client, courses):
    response, html = get(client, postcode="PR7 1DP")
    kinds = [(result.kind, result.page.title) for result in response.context["results"]]
    assert kinds == [
        ("place", "Chorley Library"),
        ("course", "Email for beginners"),
        ("place", "Leyland Hub"),
        ("course", "Video calls"),
        ("course", "Banking by phone"),
    ]
    assert "2 places and 3 courses within 5 miles of PR7 1DP" in html
    assert "Online and phone courses can be done from anywhere" in html
    assert "3.9 miles" in html.split("Video calls")[1]


@pytest.mark.django_db
def test_map_shows_only_places_numbered_as_in_the_list(client, courses):
    response, html = get(client, postcode="PR7 1DP")
    markers = response.context["markers"]
    assert [(marker["label"], marker["title"]) for marker in markers] == [
        ("1", "Chorley Library"),
        ("3", "Leyland Hub"),
    ]
    # The list shows each place's map number beside its title; courses have none.
    numbers = re.findall(r"app-result__number[^>]*>(\d+)</span><a[^>]*>([^<]+)<", html)
    assert numbers == [("1", "Chorley Library"), ("3", "Leyland Hub")]


@pytest.mark.django_db
def test_course_filters_leave_places_out_and_say_so(client, courses):
    response, html = get(client, level="intermediate")
    assert [result.page.title for result in response.context["results"]] == ["Video calls"]
    assert "1 course" in html
    assert "Places are not shown because the filters you chose are for courses only." in html
    assert response.context["filters_open"]


@pytest.mark.django_db
def test_place_filters_leave_courses_out_and_say_so(client, courses):
    response, html = get(client, service="free-wifi")
    assert [result.page.title for result in response.context["results"]] == ["Chorley Library"]
    assert "Courses are not shown because the filters you chose are for places only." in html


@pytest.mark.django_db
def test_day_applies_to_places_hours_and_course_sessions(client, courses):
    weekday = timezone.localtime(courses["email"].sessions.get().start).weekday()
    response, _html = get(client, when=str(weekday), type="courses")
    titles = {result.page.title for result in response.context["results"]}
    assert "Email for beginners" in titles
    assert "Banking by phone" not in titles  # three days off, not a week


@pytest.mark.django_db
def test_no_results_names_both_kinds(client, courses):
    _response, html = get(client, q="zzzzzz")
    assert "No places match your search. No courses do either." in html
    _response, html = get(client, q="zzzzzz", type="courses")
    assert "No courses match your search." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"type": "everything"},
        {"level": ["no-such", "<b>"]},
        {"skill": "nothing"},
        {"format": "carrier-pigeon"},
        {"starts": "-3"},
        {"starts": "99999999999999999999"},
    ],
)
def test_bad_course_filter_values_never_break_the_page(client, courses, params):
    response = client.get("/find-help/", params)
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_type_is_reported_and_both_kinds_shown(client, courses):
    response, html = get(client, type="everything")
    assert "Choose places, courses or both." in html
    assert response.context["result_count"] == 5


@pytest.mark.django_db
def test_the_form_offers_the_course_filters(client, courses):
    _response, html = get(client)
    for label in ("Places and courses", "Skills to learn", "Being safe and legal online"):
        assert label in html
    for label in ("Course level", "First steps", "How the course is run", "In the next 7 days"):
        assert label in html


@pytest.mark.django_db
def test_course_page_and_venue_page_link_to_each_other(client, courses, library):
    email = courses["email"]
    assert f'href="{library.url}"' in client.get(email.url).content.decode()
    assert f'href="{email.url}"' in client.get(library.url).content.decode()
    library.unpublish()
    html = client.get(email.url).content.decode()
    assert "Chorley Library" in html and f'href="{library.url}"' not in html


@pytest.mark.django_db
def test_mixed_results_page_costs_the_same_queries_for_6_and_57_listings(
    client, make_place, make_course, settings
):
    # What drawing the page costs: the page cache would answer the second
    # request from memory.
    settings.PAGE_CACHE_SECONDS = 0
    url = "/find-help/?postcode=PR7+1DP&radius=10"

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        kinds = {result.kind for result in response.context["results"]}
        assert kinds == {"place", "course"}
        return len(queries)

    def add(first, last):
        for number in range(first, last):
            place = make_place(f"{number:03d} place", services=["free-wifi"])
            make_course(f"{number:03d} course", venue=place)
            make_course(f"{number:03d} online", format=CoursePage.Format.ONLINE)

    add(0, 2)
    with_six = count()
    add(2, 19)
    assert count() == with_six
