import json

import pytest

from directory.models import Postcode
from neighbourhoods import reach
from neighbourhoods.models import Area, AreaSet, IndicatorValue
from tests.directory.conftest import *  # noqa: F403 (its directory fixtures)
from tests.factories.neighbourhoods import (
    WhereHelpIsNeededPageFactory,
    load_areas,
    load_indicator,
    row_of_squares,
    square_centre,
)
from tests.factories.referrals import ReferralFactory
from website.models import HomePage


def database_rows():
    """Everything the imports write, to compare before and after."""
    return (
        list(AreaSet.objects.values_list("name", "source", "licence")),
        list(Area.objects.values_list("code", "name", "geometry", "latitude", "longitude")),
        list(IndicatorValue.objects.values_list("indicator__name", "area__code", "value")),
    )


@pytest.fixture
def write_file(tmp_path):
    """Writes text (or a GeoJSON document) to a file; returns its path."""

    def write(content, name="file", encoding="utf-8", newline=None):
        path = tmp_path / name
        if isinstance(content, dict):
            content = json.dumps(content)
        with open(path, "w", encoding=encoding, newline=newline) as stream:
            stream.write(content)
        return str(path)

    return write


def postcode_at(code, column, across=0.5):
    """A postcode in the square `column`, `across` of the way from its west side."""
    lat, lng = square_centre(column + across - 0.5)
    Postcode.objects.create(postcode=code, district=code.split()[0], latitude=lat, longitude=lng)
    return (code, lat, lng)


@pytest.fixture
def squares(directory):
    """Three 1 km squares in a row (E01000001 to E01000003), a place with
    free wi-fi in the middle of the first, one that prints near the east
    edge of the third."""
    area_set = load_areas(row_of_squares(3))
    first = postcode_at("PR7 1AA", 0)
    postcode_at("PR7 2AA", 1)
    third = postcode_at("PR7 3AA", 2, across=0.8)
    return area_set, first, third


@pytest.fixture
def places(squares, make_place):
    _, first, third = squares
    return (
        make_place("Library", postcode=first, services=["free-wifi"]),
        make_place("Print shop", postcode=third, services=["printing"]),
    )


@pytest.fixture
def needs_page(directory, make_place):
    """Three squares, worst first by a risk score; one place, near the east
    edge of the third; three referrals from the first square (hidden from
    the public) and six from the second."""
    area_set = load_areas(row_of_squares(3))
    postcode_at("PR7 1AA", 0)
    postcode_at("PR7 2AA", 1)
    make_place("Print shop", postcode=postcode_at("PR7 3AA", 2, across=0.8))
    load_indicator(area_set, {"E01000001": 9.0, "E01000002": 5.5, "E01000003": 1.0})
    for _ in range(3):
        ReferralFactory(postcode="PR7 1AA", barriers=["no_device"])
    for _ in range(6):
        ReferralFactory(postcode="PR7 2AA", barriers=["no_internet", "low_skills"])
    reach.refresh()
    return WhereHelpIsNeededPageFactory(parent=HomePage.objects.get(), area_set=area_set)
