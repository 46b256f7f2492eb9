"""Reading a boundaries file as the ONS Open Geography Portal publishes
them: a GeoJSON FeatureCollection, one feature an area, its code and name
in properties such as LSOA21CD and LSOA21NM (WD23CD, WD23NM for wards),
its shape a Polygon or MultiPolygon in WGS84 or in British National Grid
(EPSG:27700; the portal offers both).

Every shape is simplified on the grid for the web (SIMPLIFY_METRES,
keeping neighbours' shared edges apart) and its centre taken there, then
it is held in WGS84 rounded to about a metre. Plain functions over a file;
imports.py writes the result."""

import dataclasses
import json
import re

import numpy as np
import shapely
from shapely.geometry import shape

from neighbourhoods import grid
from neighbourhoods.import_rules import (
    ImportFileError,
    Rejection,
    check_size,
    decode,
    read_bytes,
)

SIMPLIFY_METRES = 10
DECIMAL_PLACES = 5  # about a metre
POLYGONS = {"Polygon", "MultiPolygon"}
CODE_FIELD = re.compile(r"^[a-z]+\d{2}cd$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True)
class AreaRecord:
    code: str
    name: str
    geometry: str  # GeoJSON, WGS84
    latitude: float
    longitude: float
    easting: float
    northing: float


@dataclasses.dataclass
class BoundaryFile:
    records: list[AreaRecord]
    rejections: list[Rejection]
    on_grid: bool


def read_boundaries(source, code_field="", name_field=""):
    """The areas of a GeoJSON file (a path or an open binary file).
    Raises ImportFileError for a file that cannot be used at all."""
    check_size(source)
    try:
        document = json.loads(decode(read_bytes(source)))
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"This is not valid GeoJSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    features = features_of(document)
    code_field, name_field = fields_of(features, code_field, name_field)
    on_grid = uses_grid(document, features)

    kept, rejections, seen = [], [], {}
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        code = str(properties.get(code_field) or "").strip()
        name = str(properties.get(name_field) or "").strip() or code
        geometry = feature.get("geometry") or {}
        if not code:
            rejections.append(Rejection(number, "", "empty: no area code"))
        elif code in seen:
            rejections.append(Rejection(number, code, f"duplicate of feature {seen[code]}"))
        elif geometry.get("type") not in POLYGONS:
            kind = geometry.get("type") or "no shape"
            rejections.append(Rejection(number, code, f"not a polygon ({kind})"))
        else:
            seen[code] = number
            kept.append((number, code, name, shape_of(geometry, number, code)))

    records = shaped_records(kept, on_grid)
    return BoundaryFile(records=records, rejections=rejections, on_grid=on_grid)


def features_of(document):
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportFileError(
            "This is not a GeoJSON FeatureCollection: download the boundaries as GeoJSON."
        )
    features = document.get("features")
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        raise ImportFileError("This GeoJSON file's features are not a list of features.")
    if not features:
        raise ImportFileError("This GeoJSON file has no areas in it.")
    return features


def fields_of(features, code_field, name_field):
    """The properties that hold each area's code and name: as given, else
    the ONS's "...CD" and "...NM", else "code" and "name" in any case."""
    properties = features[0].get("properties") or {}
    keys = list(properties)
    if not code_field:
        code_field = next((key for key in keys if CODE_FIELD.match(key)), "")
        code_field = code_field or next((k for k in keys if k.lower() == "code"), "")
    if not code_field or code_field not in properties:
        raise ImportFileError(
            "No area code found in the features' properties "
            f"({', '.join(keys) or 'none'}): name the one that holds it."
        )
    if not name_field:
        guess = code_field[:-2] + ("NM" if code_field[-2:].isupper() else "nm")
        name_field = guess if guess in properties else ""
        name_field = name_field or next((k for k in keys if k.lower() == "name"), "")
    return code_field, name_field


def uses_grid(document, features):
    """British National Grid when the file says so (its "crs" member) or
    when its numbers are too large to be degrees."""
    crs = json.dumps(document.get("crs") or "")
    if "27700" in crs:
        return True
    for feature in features:
        coordinates = (feature.get("geometry") or {}).get("coordinates")
        first = first_position(coordinates)
        if first is not None:
            return abs(first[0]) > 180 or abs(first[1]) > 90
    return False


def first_position(coordinates):
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    if isinstance(coordinates, list) and len(coordinates) >= 2:
        return coordinates
    return None


def shape_of(geometry, number, code):
    try:
        polygon = shape(geometry)
    except (ValueError, TypeError, IndexError, AttributeError, shapely.errors.GEOSException):
        raise ImportFileError(
            f"Feature {number} ({code}) is not valid GeoJSON: its coordinates are not a polygon."
        ) from None
    if polygon.is_empty:
        raise ImportFileError(f"Feature {number} ({code}) has an empty shape.")
    return polygon


def shaped_records(kept, on_grid):
    """Simplified shapes and centres, converted in one pass each."""
    if not kept:
        return []
    shapes = np.array([item[3] for item in kept], dtype=object)
    if not on_grid:
        outside_great_britain(shapes, kept)
        shapes = shapely.transform(shapes, _wgs84_to_grid, interleaved=False)
    shapes = shapely.make_valid(shapes)
    shapes = shapely.simplify(shapes, SIMPLIFY_METRES, preserve_topology=True)
    centres = shapely.centroid(shapes)
    eastings, northings = shapely.get_x(centres), shapely.get_y(centres)
    longitudes, latitudes = grid.grid_to_wgs84(eastings, northings)
    outlines = shapely.transform(shapes, _grid_to_wgs84, interleaved=False)
    if on_grid:
        outside_great_britain(outlines, kept)
    texts = shapely.to_geojson(outlines)
    return [
        AreaRecord(
            code=code,
            name=name,
            geometry=text,
            latitude=round(float(lat), 6),
            longitude=round(float(lng), 6),
            easting=round(float(easting), 1),
            northing=round(float(northing), 1),
        )
        for (_, code, name, _), text, lat, lng, easting, northing in zip(
            kept, texts, latitudes, longitudes, eastings, northings, strict=True
        )
    ]


def outside_great_britain(shapes, kept):
    bounds = shapely.bounds(shapes)
    for (number, code, _, _), (min_x, min_y, max_x, max_y) in zip(kept, bounds, strict=True):
        if not grid.in_great_britain(min_x, min_y, max_x, max_y):
            raise ImportFileError(
                f"Feature {number} ({code}) has coordinates outside Great Britain "
                f"(longitude {min_x:.2f} to {max_x:.2f}, latitude {min_y:.2f} to {max_y:.2f}). "
                "Use boundaries in British National Grid or WGS84 for areas in Great Britain."
            )


def _wgs84_to_grid(longitudes, latitudes):
    return grid.wgs84_to_grid(longitudes, latitudes)


def _grid_to_wgs84(eastings, northings):
    longitudes, latitudes = grid.grid_to_wgs84(eastings, northings)
    return np.round(longitudes, DECIMAL_PLACES), np.round(latitudes, DECIMAL_PLACES)
