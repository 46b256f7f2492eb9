"""A feed's courses become courses: which services are courses, their
sessions at the places imported from the same feed (or online), read-only
and booked with their provider, updated and withdrawn as places are, and
republished only under an open licence."""

import datetime
import uuid
import zoneinfo

import pytest

from directory.models import AccessPointPage
from federation.course_values import is_course
from federation.importer import run_import
from federation.listing_pages import recredit
from federation.models import Feed, FeedImport
from openreferral import ids
from referrals import candidates
from tests.federation.services import uk_course, uk_service
from tests.federation.test_admin import coordinator  # noqa: F401 (a fixture)
from training.models import Booking, CoursePage

LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_which_services_are_courses():
    place = uk_service("Astley Library")
    assert not is_course(place)  # weekly opening hours
    assert is_course(uk_course("Getting online"))  # dated sessions only
    mixed = uk_course("Drop-in and a one-off")
    mixed["schedules"] += place["schedules"]
    assert not is_course(mixed)
    levelled = uk_service("Email basics")
    levelled["attributes"][0]["taxonomy_term"].update(taxonomy="Course levels", code="beginner")
    assert is_course(levelled)  # our API's course levels, even with no session


@pytest.fixture
def hub():
    return uk_service("Buckshaw Hub")


@pytest.fixture
def courses(lists, feed, feed_server, client_for, hub):
    """A course at the hub (listed before the hub), one online, one at a
    place the feed lists no service for, and the hub."""
    at_hub = uk_course("Phone basics", at=hub, days=(30, 37))
    online = uk_course("Staying safe online")
    hall = uk_service("Astley Hall", postcode="PR7 1NP")
    hall_location = hall["service_at_locations"][0]["location"]
    hall_location.update(id=str(uuid.uuid4()), name="Astley Hall")
    hall_location["addresses"][0].update(address_1="Hall Gate")
    elsewhere = uk_course("Family history online", at=hall)
    feed_server.services([at_hub, online, elsewhere, hub])
    run = run_import(feed, client_for(feed))
    assert (run.outcome, run.created, run.skipped) == (FeedImport.Outcome.DONE, 4, 0), run.entries
    return at_hub, online, elsewhere


def course(service):
    return CoursePage.objects.get(source_id=service["id"])


def test_courses_come_with_their_sessions_at_the_feeds_places(courses, feed, hub):
    at_hub, online, elsewhere = courses
    place = AccessPointPage.objects.get(source_id=hub["id"])
    page = course(at_hub)
    assert page.get_parent().pk == feed.organisation.pk and page.live
    assert page.format == CoursePage.Format.IN_PERSON
    first_day = datetime.date.today() + datetime.timedelta(days=30)
    sessions = list(page.sessions.order_by("start"))
    assert [(s.venue_id, s.note) for s in sessions] == [(place.pk, "Bring your phone")] * 2
    assert sessions[0].start == datetime.datetime.combine(
        first_day, datetime.time(10), tzinfo=LONDON
    )
    assert sessions[0].end - sessions[0].start == datetime.timedelta(hours=2)
    away = course(elsewhere)
    assert away.format == CoursePage.Format.IN_PERSON
    [session] = away.sessions.all()
    assert session.venue is None
    assert session.note == "At Astley Hall, Hall Gate, Chorley, PR7 1NP; Bring your phone"
    remote = course(online)
    assert remote.format == CoursePage.Format.ONLINE
    assert [s.venue_id for s in remote.sessions.all()] == [None]
    assert remote.credit_line.startswith("From: Lancashire County Council, updated ")


def test_a_reimport_updates_leaves_alone_and_withdraws_courses(
    courses, feed, feed_server, client_for, hub
):
    at_hub, online, elsewhere = courses
    published = course(online).last_published_at
    feed_server.routes.clear()
    feed_server.services([at_hub, online, elsewhere, hub])
    again = run_import(feed, client_for(feed))
    assert (again.unchanged, again.updated, again.withdrawn) == (4, 0, 0)
    assert course(online).last_published_at == published  # not written

    moved = {**online, "schedules": [{**online["schedules"][0], "opens_at": "14:00"}]}
    moved["schedules"][0]["closes_at"] = "16:00"
    feed_server.routes.clear()
    feed_server.services([moved, hub])
    third = run_import(feed, client_for(feed))

    assert (third.updated, third.unchanged, third.withdrawn) == (1, 1, 2)
    assert not course(at_hub).live and not course(elsewhere).live
    session = course(online).sessions.get()
    assert session.start.astimezone(LONDON).time() == datetime.time(14)


def test_an_imported_course_is_booked_with_its_provider(courses, client):
    page = course(courses[0])
    html = client.get(page.url).content.decode()
    assert "Book with Lancashire County Council" in html
    assert "Book a place" not in html
    assert f'href="{page.source_url}"' in html
    session = page.sessions.first()
    address = page.url + page.reverse_subpage("book_session", kwargs={"pk": session.pk})
    response = client.get(address)
    assert response.status_code == 410
    assert "Book this course with Lancashire County Council" in response.content.decode()
    client.post(address, {"name": "Ann", "email": "ann@example.org", "consent": "on"})
    assert not Booking.objects.exists()
    found = client.get("/find-help/", {"postcode": "PR7 1DP"}).content.decode()
    assert "Phone basics" in found and "Staying safe online" in found
    assert "place left" not in found  # no places held here, so none shown


def test_referrals_suggest_imported_courses_without_places_left(courses):
    found = {course.title: course for course in candidates.load_courses({"beginner"})}
    sessions = found["Phone basics"].sessions
    assert len(sessions) == 2 and {session.places_left for session in sessions} == {None}


def test_imported_courses_are_read_only(courses, client, coordinator):  # noqa: F811
    client.force_login(coordinator)
    page = course(courses[0])
    response = client.get(f"/admin/pages/{page.pk}/edit/", follow=True)
    text = response.content.decode()
    assert "is edited at its source" in text and page.source_url in text


def test_courses_are_republished_only_under_an_open_licence(courses, feed, api_ok, client):
    def republished():
        names = {service["name"] for service in api_ok("services")["contents"]}
        download = client.get("/open-data/courses.json").json()
        return names, {item["name"] for item in download["items"]}

    assert republished() == (
        {"Phone basics", "Staying safe online", "Family history online", "Buckshaw Hub"},
        {"Phone basics", "Staying safe online", "Family history online"},
    )
    page = course(courses[0])
    service = api_ok(f"services/{ids.service('course', page.pk)}")
    # Booked with its provider, not through us.
    assert {s["schedule_link"] for s in service["schedules"]} == {page.source_url}
    feed.licence = Feed.Licence.NONE
    feed.save()
    recredit(feed)  # as saving the feed in the admin does

    assert republished() == (set(), set())
    assert "Phone basics" in client.get(course(courses[0]).url).content.decode()


def test_a_place_that_becomes_a_course_and_back_is_listed_once(
    lists, feed, feed_server, client_for
):
    service = uk_service("Tablet club")
    feed_server.services([service])
    run_import(feed, client_for(feed))
    place = AccessPointPage.objects.get(source_id=service["id"])
    dated = uk_course("Tablet club")
    feed_server.routes.clear()
    feed_server.services([{**dated, "id": service["id"]}])

    run = run_import(feed, client_for(feed))

    assert (run.updated, run.withdrawn, run.skipped) == (1, 0, 0), run.entries
    place.refresh_from_db()
    assert not place.live
    assert CoursePage.objects.get(source_id=service["id"]).live

    feed_server.routes.clear()
    feed_server.services([service])  # a place again
    run_import(feed, client_for(feed))
    place.refresh_from_db()
    assert place.live
    assert not CoursePage.objects.get(source_id=service["id"]).live
