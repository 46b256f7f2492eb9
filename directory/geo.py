"""Postcodes and distances, answered from our own tables: no page ever asks an
outside geocoding service, so a search works offline, costs nothing and tells
no one what people are looking for.

Plain functions over plain values; only `locate` touches the database.
"""

from math import asin, atan2, cos, degrees, radians, sin, sqrt

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
    "is_northern_ireland",
    "locate",
    "normalise_postcode",
    "osgb36_to_wgs84",
    "outward_code",
]

# Mean radius of the Earth (IUGG): haversine on a sphere is within 0.5% of the
# ellipsoid, plenty for "how far is it".
EARTH_RADIUS_MILES = 3958.7613


def distance_miles(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance by the haversine formula, in statute miles."""
    phi1, phi2 = radians(lat1), radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = radians(lng2 - lng1) / 2
    h = sin(half_dphi) ** 2 + cos(phi1) * cos(phi2) * sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_MILES * atan2(sqrt(h), sqrt(1 - h))


def bounding_box(lat: float, lng: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lng, max_lng) of the smallest box holding every
    point within `miles`: an indexable WHERE clause that discards most rows
    before `distance_miles` measures the rest exactly.

    The longitude span uses the circle's true widest point, asin(sin d / cos φ),
    rather than d / cos φ, which is slightly too narrow and would drop places
    right on the edge. Not meant for boxes crossing the 180° meridian, which
    Great Britain does not.
    """
    if miles < 0:
        raise ValueError("miles must not be negative")
    angular = miles / EARTH_RADIUS_MILES
    phi = radians(lat)
    min_phi, max_phi = phi - angular, phi + angular
    if max_phi >= radians(90) or min_phi <= radians(-90):
        # A pole is inside the circle: every longitude is.
        return (max(degrees(min_phi), -90.0), min(degrees(max_phi), 90.0), -180.0, 180.0)
    dlambda = degrees(asin(sin(angular) / cos(phi)))
    return (degrees(min_phi), degrees(max_phi), lng - dlambda, lng + dlambda)


def locate(text: str) -> Location:
    """The location of a typed postcode, from our postcode tables (see
    models/postcodes.py). Raises a PostcodeError subclass."""
    # Imported here so that the pure functions above (and the scripts that use
    # them) work without Django being set up.
    from directory.models.postcodes import locate as locate_in_tables

    return locate_in_tables(text)


def measured_point(latitude, longitude, hide_address, postcode, districts):
    """Where a place is measured from for filtering, ordering and the
    distance shown: its own point, or, when its address is hidden, the
    centre of its postcode district (so no run of searches from nearby
    postcodes can narrow it down further than the district). `districts` is
    {district: (latitude, longitude)} from `district_centres`."""
    if not hide_address or latitude is None:
        return latitude, longitude
    district = (postcode or "").strip().upper().split(" ")[0]
    if district in districts:
        return districts[district]
    # A district we hold no centre for: a point on a grid of about 7 miles.
    return round(latitude, 1), round(longitude, 1)


def district_centres(postcodes):
    """{district: (latitude, longitude)} for the districts of `postcodes`."""
    from directory.models.postcodes import PostcodeDistrict

    districts = {(p or "").strip().upper().split(" ")[0] for p in postcodes if p}
    rows = PostcodeDistrict.objects.filter(pk__in=districts).values_list(
        "pk", "latitude", "longitude"
    )
    return {pk: (lat, lng) for pk, lat, lng in rows}
