"""The open downloads at /open-data/: every published listing and course as
CSV and JSON, under the licence coordinators set, without personal data or
hidden addresses, in a fixed number of queries."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import Area, ProblemReport
from directory.permissions import COORDINATORS, coordinators_group
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from website.models import OpenDataSettings
from website.spreadsheets import safe_cell

pytestmark = pytest.mark.django_db


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def json_items(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


@pytest.fixture
def places(make_place):
    area = Area.objects.create(name="Test Ward", slug="test-ward")
    shown = make_place(
        "Chorley Library",
        services=["free-wifi"],
        access=["step-free"],
        hours=[(0, (10, 0), (16, 0))],
        address_line_1="Market Street",
        area=area,
        phone="01632 960001",
    )
    hidden = make_place(
        "Home visits",
        address_line_1="1 Secret Lane",
        hide_address=True,
        area=area,
    )
    draft = make_place("Draft drop-in")
    draft.unpublish()
    make_place("Opens next month", show_from=timezone.localdate() + datetime.timedelta(days=30))
    return {"shown": shown, "hidden": hidden}


def test_access_points_csv_lists_what_the_site_shows(client, places):
    rows = csv_rows(client.get("/open-data/access-points.csv"))
    by_name = {row["name"]: row for row in rows}
    assert set(by_name) == {"Chorley Library", "Home visits"}
    library = by_name["Chorley Library"]
    assert library["address_line_1"] == "Market Street"
    assert library["postcode"] == "PR7 1DP"
    assert library["area"] == "Test Ward"
    assert library["organisation"] == "Test Partner"
    assert library["services"] == "Free wifi"
    assert library["opening_hours"] == "Monday 10am to 4pm"
    assert library["phone"] == "01632 960001"
    # A number stays a number (not defused like typed text starting with -).
    assert library["longitude"] == "-2.632"
    assert library["url"].endswith("/find-help/test-partner/chorley-library/")


def test_a_hidden_address_stays_hidden(client, places):
    rows = csv_rows(client.get("/open-data/access-points.csv"))
    home = next(row for row in rows if row["name"] == "Home visits")
    assert (home["address_line_1"], home["postcode"], home["latitude"], home["longitude"]) == (
        "",
        "",
        "",
        "",
    )
    assert (home["town"], home["area"]) == ("Chorley", "Test Ward")
    body = client.get("/open-data/access-points.json").content.decode()
    assert "Secret Lane" not in body
    item = next(
        i
        for i in json_items(client.get("/open-data/access-points.json"))["items"]
        if i["name"] == "Home visits"
    )
    assert item["address_hidden"] is True
    assert item["latitude"] is None


def test_downloads_hold_no_personal_data(client, places):
    ProblemReport.objects.create(
        listing=places["shown"], kind="other", details="Wrong", reply_email="reporter@example.org"
    )
    ReferralFactory(resident_name="Private Resident", referrer_email="private-referrer@example.org")
    for path in ("/open-data/access-points.csv", "/open-data/access-points.json"):
        body = client.get(path).content.decode()
        for secret in ("reporter@example.org", "Private Resident", "private-referrer@example.org"):
            assert secret not in body


def test_typed_text_that_looks_like_a_formula_is_defused(client, make_place):
    make_place("=HYPERLINK(1)")
    rows = csv_rows(client.get("/open-data/access-points.csv"))
    assert rows[0]["name"] == "'=HYPERLINK(1)"
    assert safe_cell(-2.5) == "-2.5"
    assert safe_cell("-2.5") == "'-2.5"


def test_json_carries_the_licence_which_coordinators_can_change(client, places):
    document = json_items(client.get("/open-data/access-points.json"))
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    assert document["count"] == 2
    assert document["attribution"].startswith("Contains data from ")
    settings = OpenDataSettings.load()
    settings.licence_name = "CC BY 4.0"
    settings.licence_url = "https://creativecommons.org/licenses/by/4.0/"
    settings.attribution = "Credit the partnership."
    settings.save()
    response = client.get("/open-data/access-points.json")
    document = json_items(response)
    assert document["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert document["attribution"] == "Credit the partnership."
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    page = client.get("/open-data/")
    assert "CC BY 4.0" in page.content.decode()


def test_coordinators_may_change_the_licence():
    group = coordinators_group()
    assert group.name == COORDINATORS
    codenames = set(Group.objects.get(pk=group.pk).permissions.values_list("codename", flat=True))
    assert "change_opendatasettings" in codenames


def test_anyone_may_fetch_the_files_from_another_site(client, places):
    response = client.get("/open-data/access-points.csv")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Disposition"] == 'attachment; filename="access-points.csv"'
    assert client.get("/open-data/no-such-thing.csv").status_code == 404
    assert client.post("/open-data/").status_code == 405


def test_the_directory_page_links_to_the_downloads(client, places):
    html = client.get("/find-help/").content.decode()
    assert 'href="/open-data/"' in html
    assert "Open Government Licence v3.0" in html
    page = client.get("/open-data/").content.decode()
    assert 'href="/open-data/access-points.csv"' in page
    assert 'href="/open-data/courses.json"' in page


def count_queries(client, path, cached=False):
    client.get(path)  # warm per-process caches (site root paths, settings rows)
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_listings(client, make_place):
    make_place("First", services=["free-wifi"], hours=[(0, (10, 0), (12, 0))])
    before = {
        path: count_queries(client, path)
        for path in ("/open-data/access-points.csv", "/open-data/courses.json")
    }
    for number in range(6):
        make_place(f"More {number}", services=["free-wifi"], hours=[(1, (10, 0), (12, 0))])
    after = {path: count_queries(client, path) for path in before}
    assert after == before
    assert before["/open-data/access-points.csv"] <= 12


def test_a_download_is_cached_until_a_listing_changes(client, places):
    first = client.get("/open-data/access-points.csv").content
    assert count_queries(client, "/open-data/access-points.csv", cached=True) <= 4
    assert client.get("/open-data/access-points.csv").content == first
    page = places["shown"]
    page.title = "Chorley Central Library"
    page.save_revision().publish()
    names = {row["name"] for row in csv_rows(client.get("/open-data/access-points.csv"))}
    assert "Chorley Central Library" in names


def test_courses_list_live_courses_with_their_upcoming_sessions(client, places, organisation):
    course = CoursePageFactory(parent=organisation, title="Email for beginners")
    hidden_venue = places["hidden"]
    soon = SessionFactory(page=course, venue=places["shown"])
    SessionFactory(
        page=course, venue=hidden_venue, start=timezone.now() + datetime.timedelta(days=14)
    )
    past = SessionFactory(page=course, start=timezone.now() - datetime.timedelta(days=14))
    BookingFactory(session=soon, name="Booked Person", email="booked@example.org")
    draft = CoursePageFactory(parent=organisation, title="Draft course")
    draft.unpublish()
    document = json_items(client.get("/open-data/courses.json"))
    assert [item["name"] for item in document["items"]] == ["Email for beginners"]
    sessions = document["items"][0]["sessions"]
    assert [session["id"] for session in sessions] == [soon.pk, sessions[1]["id"]]
    assert past.pk not in {session["id"] for session in sessions}
    assert sessions[1]["venue"] == {"id": hidden_venue.pk, "name": "Home visits", "town": "Chorley"}
    body = json.dumps(document)
    assert "Secret Lane" not in body and "booked@example.org" not in body
    assert "Booked Person" not in body
    rows = csv_rows(client.get("/open-data/courses.csv"))
    assert rows[0]["name"] == "Email for beginners"
    assert rows[0]["upcoming_sessions"].count(";") == 1
