"""Factories for neighbourhood data: square areas on the British National
Grid near Chorley, written as the GeoJSON an ONS download holds and loaded
through the real import, and the "Where help is needed" page."""

import io
import json

import wagtail_factories

from neighbourhoods import grid
from neighbourhoods.boundaries import read_boundaries
from neighbourhoods.imports import apply_areas, apply_indicator
from neighbourhoods.indicator_file import IndicatorFile
from neighbourhoods.models import WhereHelpIsNeededPage

# South-west corner of the first square: Chorley town centre's grid square.
ORIGIN = (356000, 417000)
SIDE = 1000  # metres


def square_corners(column, row=0, side=SIDE):
    west, south = ORIGIN[0] + column * side, ORIGIN[1] + row * side
    return [
        [west, south],
        [west + side, south],
        [west + side, south + side],
        [west, south + side],
        [west, south],
    ]


def square_centre(column, row=0):
    """(latitude, longitude) of a square's centre."""
    lng, lat = grid.grid_to_wgs84(ORIGIN[0] + (column + 0.5) * SIDE, ORIGIN[1] + (row + 0.5) * SIDE)
    return float(lat), float(lng)


def feature(code, name, column, row=0, on_grid=True, code_field="LSOA21CD"):
    ring = square_corners(column, row)
    if not on_grid:
        lngs, lats = grid.grid_to_wgs84([p[0] for p in ring], [p[1] for p in ring])
        ring = [[round(float(x), 6), round(float(y), 6)] for x, y in zip(lngs, lats, strict=True)]
    return {
        "type": "Feature",
        "properties": {code_field: code, code_field[:-2] + "NM": name, "FID": column},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def boundaries(features, on_grid=True):
    document = {"type": "FeatureCollection", "features": features}
    if on_grid:
        document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    return document


def row_of_squares(count, on_grid=True):
    """Areas E01000001…, one square each, west to east."""
    return boundaries(
        [feature(f"E0100000{n + 1}", f"Chorley {n + 1}", n, on_grid=on_grid) for n in range(count)],
        on_grid=on_grid,
    )


def load_areas(document, set_name="LSOA 2021", **details):
    data = io.BytesIO(json.dumps(document).encode())
    return apply_areas(set_name, read_boundaries(data), **details)[0]


def load_indicator(area_set, values, name="Risk score", **details):
    defaults = {
        "source": "GMCA",
        "licence": "Open Government Licence v3.0",
        "year": "2023",
        "higher_is_worse": True,
    }
    return apply_indicator(
        area_set,
        IndicatorFile(values=values, rejections=[], value_column="value"),
        name=name,
        **{**defaults, **details},
    )[0]


class WhereHelpIsNeededPageFactory(wagtail_factories.PageFactory):
    title = "Where help is needed"
    slug = "where-help-is-needed"
    intro = "Where people are most at risk of being left offline."

    class Meta:
        model = WhereHelpIsNeededPage
