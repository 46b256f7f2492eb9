"""Where the partnership's people come from: the referrals, champions and
bookings whose postcode's point lies inside each area (shapely's STRtree,
point in polygon).

Only the postcodes people gave are placed, not every postcode in Great
Britain: a few thousand look-ups in the postcode table rather than 1.7
million points, so the same code serves the demo and the whole country.
Bookings hold no home postcode (they ask for the least they need): a
booking counts where the session is held, its venue's postcode. A postcode
not in the postcode table, or cut to its district when a referral was
anonymised, is not placed."""

import collections
import dataclasses

import numpy as np
import shapely
from django.db.models import Count, Q

from champions.models import Champion
from directory.models import Postcode
from directory.postcode_rules import PostcodeError, normalise_postcode
from referrals.models import Referral
from training.models import Booking

LOOKUP_BATCH = 900


@dataclasses.dataclass
class AreaPeople:
    referrals: int = 0
    bookings: int = 0
    champions: int = 0
    barriers: collections.Counter = dataclasses.field(default_factory=collections.Counter)


def normalised(postcode):
    try:
        return normalise_postcode(postcode)
    except PostcodeError:
        return ""


def postcode_points(postcodes):
    """{postcode: (longitude, latitude)} for those the table knows."""
    postcodes = sorted(postcodes)
    points = {}
    for start in range(0, len(postcodes), LOOKUP_BATCH):
        batch = postcodes[start : start + LOOKUP_BATCH]
        for postcode, lat, lng in Postcode.objects.filter(pk__in=batch).values_list(
            "postcode", "latitude", "longitude"
        ):
            points[postcode] = (lng, lat)
    return points


def areas_of(postcodes, area_ids, shapes):
    """{postcode: area id} for the postcodes inside one of the shapes
    (WGS84); a point on a shared edge goes to the first area found."""
    points = postcode_points(postcodes)
    if not points or not len(shapes):
        return {}
    names = list(points)
    coordinates = np.array([points[name] for name in names])
    tree = shapely.STRtree(shapes)
    found = tree.query(shapely.points(coordinates), predicate="within")
    placed = {}
    for point, shape in zip(found[0], found[1], strict=True):
        placed.setdefault(names[point], int(area_ids[shape]))
    return placed


def people_by_area(area_ids, shapes):
    """{area id: AreaPeople} for every area with anyone in it."""
    referrals = [
        (normalised(postcode), barriers)
        for postcode, barriers in Referral.objects.exclude(postcode="").values_list(
            "postcode", "barriers"
        )
    ]
    champions = collections.Counter(
        normalised(postcode)
        for postcode in Champion.objects.exclude(postcode="").values_list("postcode", flat=True)
    )
    bookings = {
        normalised(row["session__venue__postcode"] or ""): row["count"]
        for row in Booking.objects.filter(~Q(status=Booking.Status.CANCELLED))
        .values("session__venue__postcode")
        .annotate(count=Count("pk"))
    }
    postcodes = {code for code, _ in referrals} | set(champions) | set(bookings)
    postcodes.discard("")
    placed = areas_of(postcodes, area_ids, shapes)

    found = collections.defaultdict(AreaPeople)
    for postcode, barriers in referrals:
        if postcode in placed:
            people = found[placed[postcode]]
            people.referrals += 1
            people.barriers.update(set(barriers or ()))
    for postcode, count in champions.items():
        if postcode in placed:
            found[placed[postcode]].champions += count
    for postcode, count in bookings.items():
        if postcode in placed:
            found[placed[postcode]].bookings += count
    return found
