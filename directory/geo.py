"""Postcodes and distances, answered from our own tables: no page ever asks an
outside geocoding service, so a search works offline, costs nothing and tells
no one what people are looking for.

Plain functions over plain values; only `locate` touches the database.
"""

import re
from dataclasses import dataclass
from math import asin, atan2, cos, degrees, radians, sin, sqrt
from typing import Literal

from directory.national_grid import osgb36_to_wgs84

__all__ = [
    "EARTH_RADIUS_MILES",
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

EXAMPLE_POSTCODE = "PR7 1DP"

# The UK format as Royal Mail publishes it: an outward code (area letters,
# district digit, optional digit or letter) and an inward code (sector digit,
# two unit letters). Letters are limited per position, which turns away many
# typing slips (an O for a 0, an I for a 1) that a looser pattern would accept.
# GIR 0AA is the one grandfathered exception.
_OUTWARD = (
    r"[A-PR-UWYZ][0-9][0-9]?"  # A9, A99
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"  # AA9, AA99
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"  # A9A
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"  # AA9A
)
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_POSTCODE = re.compile(rf"(?:(?P<outward>{_OUTWARD})(?P<inward>{_INWARD})|(?P<giro>GIR0AA))")


class PostcodeError(ValueError):
    """A postcode we cannot place on the map. `message` is written for the
    person who typed it, so views show it as the form error unchanged."""

    default_message = f"Enter a real postcode, like {EXAMPLE_POSTCODE}."

    def __init__(self, message: str | None = None, *, postcode: str = ""):
        self.message = message or self.default_message
        self.postcode = postcode
        super().__init__(self.message)


class InvalidPostcode(PostcodeError):
    """Text that is not in the shape of a UK postcode."""


class NorthernIrelandPostcode(PostcodeError):
    """A BT postcode: real, but OS Code-Point Open covers Great Britain only."""

    default_message = (
        "We cannot place Northern Ireland postcodes (starting BT) because our postcode "
        "data covers England, Scotland and Wales only. Search by name instead, or "
        "enter a postcode in Great Britain."
    )


class UnknownPostcode(PostcodeError):
    """Well-formed, but neither the postcode nor its district is in our data:
    usually a typing slip, sometimes a brand-new postcode."""

    default_message = "We could not find that postcode. Check it and try again."


def normalise_postcode(text: str) -> str:
    """The canonical form, "PR7 1DP", of a postcode typed in any case and with
    any spacing. Raises InvalidPostcode with a message fit to show."""
    compact = "".join((text or "").split()).upper()
    if not compact:
        raise InvalidPostcode(f"Enter a postcode, like {EXAMPLE_POSTCODE}.")
    if not _POSTCODE.fullmatch(compact):
        raise InvalidPostcode(postcode=compact)
    return f"{compact[:-3]} {compact[-3:]}"


def outward_code(postcode: str) -> str:
    """The postcode district ("PR7" of "PR7 1DP"): what is left of a postcode
    when we know only roughly where it is."""
    return normalise_postcode(postcode).split(" ")[0]


def is_northern_ireland(postcode: str) -> bool:
    """Whether a postcode is in the BT area. Works on raw text and never raises,
    so it can be asked before or instead of validating."""
    compact = "".join((postcode or "").split()).upper()
    return bool(re.match(r"BT[0-9]", compact))


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


@dataclass(frozen=True, slots=True)
class Location:
    """Where a postcode is, and how exactly we know it: "postcode" for the
    postcode's own centroid, "district" when only its district's centre is
    known (a new postcode, or one outside the loaded area)."""

    postcode: str
    latitude: float
    longitude: float
    precision: Literal["postcode", "district"]


def locate(text: str) -> Location:
    """The location of a typed postcode, from its own row or else its
    district's centroid. At most two queries, none for a malformed or
    Northern Ireland postcode. Raises a PostcodeError subclass."""
    # Imported here so that the pure functions above (and the scripts that use
    # them) work without Django being set up.
    from directory.models.postcodes import Postcode, PostcodeDistrict

    postcode = normalise_postcode(text)
    if is_northern_ireland(postcode):
        raise NorthernIrelandPostcode(postcode=postcode)

    row = Postcode.objects.filter(pk=postcode).values_list("latitude", "longitude").first()
    if row is not None:
        return Location(postcode, row[0], row[1], "postcode")

    district = postcode.split(" ")[0]
    row = PostcodeDistrict.objects.filter(pk=district).values_list("latitude", "longitude").first()
    if row is not None:
        return Location(postcode, row[0], row[1], "district")
    raise UnknownPostcode(
        f"We could not find the postcode {postcode}. Check it and try again.",
        postcode=postcode,
    )


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
