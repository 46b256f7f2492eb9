"""Postcodes and distances, answered from our own tables: no page ever asks an
outside geocoding service, so a search works offline, costs nothing and tells
no one what people are looking for.

Plain functions over plain values; only `locate` touches the database.
"""

from directory.distance import (
    EARTH_RADIUS_MILES,
    bounding_box,
    distance_miles,
    district_of,
    measured_point,
)
from directory.national_grid import osgb36_to_wgs84
from directory.postcode_rules import (
    EXAMPLE_POSTCODE,
    InvalidPostcode,
    Location,
    NorthernIrelandPostcode,
    PostcodeError,
    UnknownPostcode,
    is_northern_ireland,
    normalise_postcode,
    outward_code,
)

__all__ = [
    "EARTH_RADIUS_MILES",
    "EXAMPLE_POSTCODE",
    "InvalidPostcode",
    "Location",
    "NorthernIrelandPostcode",
    "PostcodeError",
    "UnknownPostcode",
    "bounding_box",
    "distance_miles",
    "district_of",
    "is_northern_ireland",
    "measured_point",
    "locate",
    "normalise_postcode",
    "osgb36_to_wgs84",
    "outward_code",
]


def locate(text: str) -> Location:
    """The location of a typed postcode, from our postcode tables (see
    models/postcodes.py). Raises a PostcodeError subclass."""
    # Imported here so that the pure functions above (and the scripts that use
    # them) work without Django being set up.
    from directory.models.postcodes import locate as locate_in_tables

    return locate_in_tables(text)


def district_centres(postcodes):
    """{district: (latitude, longitude)} for the districts of `postcodes`."""
    from directory.models.postcodes import PostcodeDistrict

    districts = {district_of(postcode) for postcode in postcodes if postcode}
    rows = PostcodeDistrict.objects.filter(pk__in=districts).values_list(
        "pk", "latitude", "longitude"
    )
    return {pk: (lat, lng) for pk, lat, lng in rows}
