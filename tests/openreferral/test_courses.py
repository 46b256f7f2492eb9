"""Courses as services: upcoming sessions are schedules, their venues the
service's locations, online sessions a virtual location; skill areas and
levels are attributes."""

import datetime

from django.utils import timezone

from directory.models import AccessibilityFeature, Language
from openreferral import ids
from tests.directory.conftest import LEYLAND
from tests.factories.training import CoursePageFactory, SessionFactory, upcoming
from tests.openreferral import profile
from training.models import CoursePage, SkillArea

SERVICE = profile.schema_file("compiled/service.json")
AT_LOCATION = profile.schema_file("compiled/service_at_location.json")


def course_service(api_ok, course):
    data = api_ok(f"services/{ids.service('course', course.pk)}")
    assert profile.errors(SERVICE, data) == []
    return data


def test_sessions_are_schedules_at_their_venues(lists, organisation, make_place, api_ok):
    library = make_place("Chorley Library", access=["step-free"])
    hub = make_place("Leyland Hub", postcode=LEYLAND)
    course = CoursePageFactory(
        parent=organisation,
        title="Email for beginners",
        level=CoursePage.Level.FIRST_STEPS,
        cost=CoursePage.Cost.LOW_COST,
        cost_note="£2 a session",
        audience="People who have never sent an email.",
    )
    course.skill_areas.set(SkillArea.objects.filter(slug="communicating"))
    course.languages.set(Language.objects.filter(code="pl"))
    course.save()
    first = SessionFactory(page=course, venue=library, start=upcoming(days=3, hour=10))
    SessionFactory(page=course, venue=hub, start=upcoming(days=10, hour=14), note="Room 2")
    SessionFactory(page=course, venue=library, start=upcoming(days=17, hour=10))
    SessionFactory(  # over: not published
        page=course, venue=hub, start=timezone.now() - datetime.timedelta(days=2)
    )

    data = course_service(api_ok, course)

    assert data["name"] == "Email for beginners"
    assert "Who it is for: People who have never sent an email." in data["description"]
    assert "assured_date" not in data  # courses have no "last checked" date
    places = [sal["location"]["name"] for sal in data["service_at_locations"]]
    assert places == ["Chorley Library", "Leyland Hub"]
    library_sal = data["service_at_locations"][0]
    assert [a["description"] for a in library_sal["location"]["accessibility"]] == [
        "Step-free access"
    ]
    schedules = data["schedules"]
    assert len(schedules) == 3
    assert schedules[0]["dtstart"] == timezone.localtime(first.start).date().isoformat()
    assert (schedules[0]["opens_at"], schedules[0]["closes_at"]) == ("10:00", "12:00")
    assert schedules[0]["service_at_location_id"] == library_sal["id"]
    assert schedules[0]["schedule_link"].endswith(f"/sessions/{first.pk}/book/")
    assert schedules[1]["notes"] == "Room 2"
    assert schedules[1]["attending_type"] == "In person"
    assert data["cost_options"][0]["amount_description"] == "£2 a session"
    assert "amount" not in data["cost_options"][0]
    assert [language["code"] for language in data["languages"]] == ["pl"]
    terms = {(a["link_type"], a["taxonomy_term"]["name"]) for a in data["attributes"]}
    assert ("course-levels", "First steps") in terms
    assert ("skill-areas", SkillArea.objects.get(slug="communicating").name) in terms
    assert ("barriers", "Little or no digital skills") in terms

    # Each location's service_at_location is an endpoint of its own.
    row = api_ok(f"service_at_locations/{data['service_at_locations'][1]['id']}")
    assert profile.errors(AT_LOCATION, row) == []
    assert row["location"]["name"] == "Leyland Hub"
    assert [s["notes"] for s in row["service"]["schedules"]] == ["Room 2"]


def test_online_sessions_are_at_a_virtual_location(lists, organisation, api_ok):
    course = CoursePageFactory(
        parent=organisation, title="Video calls", format=CoursePage.Format.ONLINE
    )
    SessionFactory(page=course, venue=None)
    data = course_service(api_ok, course)
    [sal] = data["service_at_locations"]
    assert sal["location"]["location_type"] == "virtual"
    assert sal["location"]["name"] == "Online"
    assert "addresses" not in sal["location"] or sal["location"]["addresses"] == []
    assert data["schedules"][0]["attending_type"] == "Online"
    # Listed near any postcode, as on the site: online is reachable from anywhere.
    rows = api_ok("service_at_locations", postcode="PR7 1DP", proximity="1000")["contents"]
    assert [row["service"]["name"] for row in rows] == ["Video calls"]
    assert rows[0]["location"]["location_type"] == "virtual"


def test_a_course_without_upcoming_sessions_is_not_published(lists, organisation, api, api_ok):
    course = CoursePageFactory(parent=organisation, title="Finished")
    SessionFactory(page=course, start=timezone.now() - datetime.timedelta(days=1))
    assert api_ok("services")["contents"] == []
    assert api(f"services/{ids.service('course', course.pk)}")[0] == 404


def test_courses_carry_course_accessibility(lists, organisation, api_ok):
    course = CoursePageFactory(parent=organisation, title="Tablets")
    course.accessibility.set(AccessibilityFeature.objects.filter(slug="hearing-loop"))
    course.save()
    SessionFactory(page=course)
    data = course_service(api_ok, course)
    assert ("accessibility-features", "Hearing loop") in {
        (a["link_type"], a["taxonomy_term"]["name"]) for a in data["attributes"]
    }
