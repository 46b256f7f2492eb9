"""A results page within a radius asks the database for its first hits and a
count (directory/nearest.py) rather than measuring every matching listing.
It must show exactly what measuring every listing shows: the same listings
in the same order with the same distances, the same counts, the same notes
about listings without a distance, on every page."""

import itertools
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory import geo
from directory.models import AccessPointPage, Postcode
from directory.search import DirectoryQuery, find_hits
from tests.directory.conftest import CHORLEY
from tests.directory.test_geo import destination
from tests.factories.training import CoursePageFactory, SessionFactory, upcoming


@pytest.fixture
def crowded_directory(directory, make_place):
    """The bench's synthetic listings (scattered over the demo area, one in
    twenty with a hidden address, courses with sessions at some of them and
    online), a crowd of places at one point (ties), and places a hair
    inside and outside five miles of Chorley."""
    call_command("seed_bench", news=0, pages=0, listings=240, stdout=StringIO())
    for number in range(24):
        # Made in reverse title order, so the order made is not the order shown.
        make_place(f"Crowded {23 - number:02}", services=["free-wifi"])
    code, lat, lng = CHORLEY
    for name, miles in (("Just inside", 5 - 1e-7), ("Just outside", 5 + 1e-7)):
        point = destination(lat, lng, 77, miles)
        venue = make_place(name, postcode=(code, *point), services=["free-wifi"])
        # A course held only there, and one held there and online.
        for course_name, online in ((f"{name} course", False), (f"{name} or online", True)):
            course = CoursePageFactory(parent=venue.get_parent(), title=course_name)
            SessionFactory(page=course, venue=venue)
            if online:
                SessionFactory(page=course, venue=None, start=upcoming(days=3))
    return directory


def origins():
    """The demo postcodes the bench scatters its listings around, and Chorley."""
    postcodes = Postcode.objects.order_by("postcode")[::7]
    yield geo.Location(CHORLEY[0], CHORLEY[1], CHORLEY[2], "postcode")
    for postcode in postcodes[:5]:
        yield geo.Location(postcode.pk, postcode.latitude, postcode.longitude, "postcode")


FILTERS = [
    {},
    {"services": ("free-wifi",)},
    {"kinds": frozenset({"place"})},
    {"services": ("free-wifi",), "accessibility": ("step-free",)},
    {"weekday": 1},
]


def assert_same(query, now):
    every = find_hits(query, now)
    for upto in (1, 7, 20, 40, 500):
        first = find_hits(query, now, upto=upto)
        assert len(first) == len(every), (query, upto)
        assert first[0:upto] == every[0:upto], (query, upto)
        assert first.count_by_source() == every.count_by_source()
        assert first.any_distance() == every.any_distance()
        assert first.any_distance(present=False) == every.any_distance(present=False)
    return every


@pytest.mark.django_db
def test_first_hits_and_counts_are_those_of_measuring_every_listing(crowded_directory):
    now = timezone.localtime()
    seen = set()
    for location, miles, filters in itertools.product(origins(), (1, 3, 5, 10), FILTERS):
        every = assert_same(DirectoryQuery(location=location, radius_miles=miles, **filters), now)
        seen.update((hit.source, hit.pk) for hit in every)
    # Both kinds were compared, and places measured from their district.
    assert {source for source, _ in seen} == {"place", "course"}
    hidden = AccessPointPage.objects.filter(hide_address=True).values_list("pk", flat=True)
    assert {("place", pk) for pk in hidden} & seen


@pytest.mark.django_db
def test_the_edge_of_the_radius_is_exact(crowded_directory):
    location = geo.Location(CHORLEY[0], CHORLEY[1], CHORLEY[2], "postcode")
    query = DirectoryQuery(location=location, radius_miles=5, services=("free-wifi",))
    titles = [hit.title for hit in find_hits(query, timezone.localtime(), upto=500)[0:500]]
    assert "Just inside" in titles and "Just outside" not in titles
    assert_same(query, timezone.localtime())
    # Courses are measured from their sessions' venues just as exactly; one
    # also held online comes after everything in reach, with no distance.
    query = DirectoryQuery(location=query.location, radius_miles=5, kinds=frozenset({"course"}))
    hits = find_hits(query, timezone.localtime(), upto=500)[0:500]
    distances = {hit.title: hit.distance_miles for hit in hits}
    assert distances["Just inside course"] == pytest.approx(5, abs=1e-6)
    assert distances["Just inside or online"] == pytest.approx(5, abs=1e-6)
    assert "Just outside course" not in distances
    assert distances["Just outside or online"] is None
    assert_same(query, timezone.localtime())


@pytest.mark.django_db
def test_a_crowd_at_one_point_comes_in_title_order_across_pages(crowded_directory):
    location = geo.Location(CHORLEY[0], CHORLEY[1], CHORLEY[2], "postcode")
    query = DirectoryQuery(location=location, radius_miles=1, kinds=frozenset({"place"}))
    now = timezone.localtime()
    first_page = find_hits(query, now, upto=20)[0:20]
    crowd = [hit.title for hit in first_page if hit.title.startswith("Crowded")]
    assert crowd == sorted(crowd) and len(crowd) >= 10
    second_page = find_hits(query, now, upto=40)[20:40]
    assert not {hit.pk for hit in first_page} & {hit.pk for hit in second_page}


@pytest.mark.django_db
def test_the_first_page_costs_the_same_queries_however_many_match(crowded_directory):
    location = geo.Location(CHORLEY[0], CHORLEY[1], CHORLEY[2], "postcode")
    now = timezone.localtime()
    counts = []
    for miles in (1, 10):
        query = DirectoryQuery(location=location, radius_miles=miles, services=("free-wifi",))
        with CaptureQueriesContext(connection) as queries:
            hits = find_hits(query, now, upto=20)
        counts.append(len(queries))
        assert len(hits) > 20 or miles == 1
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_without_a_postcode_or_words_the_first_hits_are_those_of_sorting_every_listing(
    crowded_directory, make_place
):
    """The database orders by title as Python does: lower case of every
    alphabet, then code point (directory/title_order.py)."""
    for title in ("Éclair Hub", "apple tree centre", "Apple Tree Centre", "Zebra", "Ångström"):
        make_place(title, services=["free-wifi"])
    now = timezone.localtime()
    for filters in FILTERS:
        assert_same(DirectoryQuery(**filters), now)
    every = find_hits(DirectoryQuery(), now)
    titles = [hit.title for hit in every]
    assert titles.index("Zebra") < titles.index("Ångström") < titles.index("Éclair Hub")
    assert {hit.source for hit in every} == {"place", "course"}
