"""Coordinates: British National Grid (EPSG:27700, metres) and WGS84
(EPSG:4326, degrees), converted by pyproj. Distances are measured on the
grid, where a metre is a metre to within 0.04% anywhere in Great Britain,
so Euclidean distance is exact enough for "the nearest place"."""

from functools import cache

import numpy as np
from pyproj import Transformer

# Great Britain with its islands (Scilly to Shetland), in WGS84 degrees: the
# same box the directory's access points are held to.
GB_LATITUDE = (49.0, 61.0)
GB_LONGITUDE = (-8.7, 2.0)

METRES_PER_MILE = 1609.344


@cache
def _to_wgs84():
    return Transformer.from_crs(27700, 4326, always_xy=True)


@cache
def _to_grid():
    return Transformer.from_crs(4326, 27700, always_xy=True)


def grid_to_wgs84(eastings, northings):
    """(longitudes, latitudes) for arrays of eastings and northings."""
    return _to_wgs84().transform(np.asarray(eastings), np.asarray(northings))


def wgs84_to_grid(longitudes, latitudes):
    """(eastings, northings) for arrays of longitudes and latitudes."""
    return _to_grid().transform(np.asarray(longitudes), np.asarray(latitudes))


def in_great_britain(min_lng, min_lat, max_lng, max_lat):
    """Whether a WGS84 bounding box lies inside Great Britain's."""
    return (
        GB_LONGITUDE[0] <= min_lng
        and max_lng <= GB_LONGITUDE[1]
        and GB_LATITUDE[0] <= min_lat
        and max_lat <= GB_LATITUDE[1]
    )
