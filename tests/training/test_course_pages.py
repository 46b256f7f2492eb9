"""Course pages and their sessions, as a resident reads them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory.models import AccessibilityFeature, Language, OrganisationPage
from tests.factories.directory import AccessPointPageFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory, upcoming
from training.forms import VENUE_NEEDED
from training.models import CoursePage, Session
from training.models.sessions import describe_when


class CourseTreeRules(WagtailPageTestCase):
    def test_courses_live_under_their_organisation(self):
        self.assertAllowedParentPageTypes(CoursePage, {OrganisationPage})
        self.assertAllowedSubpageTypes(CoursePage, set())
        self.assertCanCreateAt(OrganisationPage, CoursePage)


def test_session_times_are_said_the_gov_uk_way():
    start = timezone.make_aware(datetime.datetime(2099, 12, 1, 10, 0))
    assert describe_when(start, start + datetime.timedelta(hours=2)) == (
        "Tuesday 1 December 2099, 10am to 12 noon"
    )
    assert describe_when(start, start + datetime.timedelta(hours=3, minutes=30)) == (
        "Tuesday 1 December 2099, 10am to 1:30pm"
    )
    assert describe_when(start, start + datetime.timedelta(days=1)) == (
        "Tuesday 1 December 2099, 10am to Wednesday 2 December 2099, 10am"
    )


@pytest.mark.django_db
def test_course_page_shows_what_a_resident_needs(client, course, venue, skill_areas):
    course.description = "<p>Six friendly weekly sessions.</p>"
    course.audience = "People who have never sent an email."
    course.cost = CoursePage.Cost.LOW_COST
    course.cost_note = "£2 a session"
    course.what_to_bring = "Your phone, charged."
    course.phone = "01632 960123"
    course.is_champion_training = True
    course.save()
    course.skill_areas.set([skill_areas["communicating"], skill_areas["safe-and-legal"]])
    course.accessibility.set([AccessibilityFeature.objects.create(name="Hearing loop", slug="hl")])
    course.languages.set([Language.objects.create(name="Polish", slug="polish")])
    course.save()
    session = SessionFactory(page=course, venue=venue, capacity=8, note="Upstairs room.")

    html = client.get(course.url).content.decode()
    for expected in (
        "Email for beginners",
        "Chorley Digital",
        "Beginner",
        "In person at an access point",
        "Communicating",
        "Being safe and legal online",
        "People who have never sent an email.",
        "Low cost: £2 a session",
        "Your phone, charged.",
        "Hearing loop",
        "English, Polish",
        'href="tel:01632960123"',
        "Champion training",
        "Six friendly weekly sessions.",
        describe_when(session.start, session.end),
        f'href="{venue.url}"',
        "Chorley Library",
        "Upstairs room.",
        "8 places left",
        f'href="{course.url}sessions/{session.pk}/calendar/"',
        f'href="{course.url}calendar/"',
    ):
        assert expected in html, expected


@pytest.mark.django_db
def test_past_sessions_drop_out_and_the_rest_come_soonest_first(client, course, venue):
    past = SessionFactory(page=course, venue=venue, start=upcoming(days=-1))
    later = SessionFactory(page=course, venue=venue, start=upcoming(days=14))
    sooner = SessionFactory(page=course, venue=venue, start=upcoming(days=2))
    assert course.upcoming_sessions == [sooner, later]
    html = client.get(course.url).content.decode()
    assert past.when not in html
    assert html.index(sooner.when) < html.index(later.when)


@pytest.mark.django_db
def test_course_without_upcoming_sessions_says_so(client, course, venue):
    SessionFactory(page=course, venue=venue, start=upcoming(days=-3))
    assert "No sessions are planned at the moment." in client.get(course.url).content.decode()


def test_a_session_must_end_after_it_starts():
    start = upcoming()
    with pytest.raises(ValidationError) as error:
        Session(start=start, end=start, capacity=5).clean()
    assert "end" in error.value.message_dict


def course_form_data(organisation, course_format, venue=None):
    start = upcoming()
    return nested_form_data(
        {
            "title": "Staying safe online",
            "slug": "staying-safe-online",
            "summary": "Spot scams.",
            "description": rich_text("<p>Friendly.</p>"),
            "level": CoursePage.Level.BEGINNER,
            "format": course_format,
            "cost": CoursePage.Cost.FREE,
            "sessions": inline_formset(
                [
                    {
                        "start": start.strftime("%Y-%m-%d %H:%M"),
                        "end": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                        "venue": venue.pk if venue else "",
                        "capacity": 8,
                        "note": "",
                    }
                ]
            ),
        }
    )


def course_form(organisation, data):
    form_class = CoursePage.get_edit_handler().get_form_class()
    return form_class(data, instance=CoursePage(), parent_page=organisation)


@pytest.mark.django_db
def test_in_person_sessions_need_a_venue_online_ones_do_not(organisation, venue, admin_user):
    in_person = course_form(organisation, course_form_data(organisation, "in_person"))
    assert not in_person.is_valid()
    assert in_person.formsets["sessions"].forms[0].errors["venue"] == [VENUE_NEEDED]

    at_venue = course_form(organisation, course_form_data(organisation, "in_person", venue))
    assert at_venue.is_valid(), at_venue.errors
    online = course_form(organisation, course_form_data(organisation, "online"))
    assert online.is_valid(), online.errors


@pytest.mark.django_db
def test_access_point_lists_the_courses_held_there(client, organisation, venue, course):
    SessionFactory(page=course, venue=venue, start=upcoming(days=3))
    elsewhere = CoursePageFactory(parent=organisation, title="Online banking")
    SessionFactory(page=elsewhere, venue=None)
    finished = CoursePageFactory(parent=organisation, title="Finished course")
    SessionFactory(page=finished, venue=venue, start=upcoming(days=-7))
    draft = CoursePageFactory(parent=organisation, title="Draft course", live=False)
    SessionFactory(page=draft, venue=venue)

    html = client.get(venue.url).content.decode()
    assert "Courses here" in html
    assert f'href="{course.url}"' in html
    for hidden in ("Online banking", "Finished course", "Draft course"):
        assert hidden not in html


@pytest.mark.django_db
def test_access_point_without_courses_has_no_courses_section(client, venue):
    assert "Courses here" not in client.get(venue.url).content.decode()


def count_queries(client, path):
    client.get(path)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_course_page_queries_do_not_grow_with_its_sessions(client, course, venue, organisation):
    BookingFactory(session=SessionFactory(page=course, venue=venue))
    before = count_queries(client, course.url)
    for days in range(8, 16):
        place = AccessPointPageFactory(parent=organisation) if days % 2 else None
        session = SessionFactory(page=course, venue=place, start=upcoming(days=days))
        BookingFactory.create_batch(2, session=session)  # places left: no query per session
    assert count_queries(client, course.url) == before


@pytest.mark.django_db
def test_access_point_queries_do_not_grow_with_its_courses(client, organisation, venue):
    SessionFactory(page=CoursePageFactory(parent=organisation), venue=venue)
    before = count_queries(client, venue.url)
    for _ in range(5):
        SessionFactory(page=CoursePageFactory(parent=organisation), venue=venue)
    assert count_queries(client, venue.url) == before
