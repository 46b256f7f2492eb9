import json

import pytest

from directory.models import Postcode
from neighbourhoods.models import Area, AreaSet, IndicatorValue
from tests.directory.conftest import *  # noqa: F403 (its directory fixtures)
from tests.factories.neighbourhoods import load_areas, row_of_squares, square_centre


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
