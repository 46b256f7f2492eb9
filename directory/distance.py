"""Distances on the Earth, and the point a place is measured from: plain
functions over plain values, importing nothing of the project's (so the
models can use them; directory/geo.py offers them with the postcode
lookups)."""

from math import asin, atan2, cos, degrees, radians, sin, sqrt

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


def district_of(postcode):
    """The district part of a stored postcode ("PR7" of "PR7 1DP"), without
    checking it (outward_code checks)."""
    return (postcode or "").strip().upper().split(" ")[0]


def measured_point(latitude, longitude, hide_address, postcode, districts):
    """Where a place is measured from for filtering, ordering and the
    distance shown: its own point, or, when its address is hidden, the
    centre of its postcode district (so no run of searches from nearby
    postcodes can narrow it down further than the district). `districts` is
    {district: (latitude, longitude)} from `district_centres`."""
    if not hide_address or latitude is None:
        return latitude, longitude
    district = district_of(postcode)
    if district in districts:
        return districts[district]
    # A district we hold no centre for: a point on a grid of about 7 miles.
    return round(latitude, 1), round(longitude, 1)
