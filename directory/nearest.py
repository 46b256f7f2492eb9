"""The nearest listings within a radius, worked out by the database.

A results page shows twenty listings, and its heading how many there are in
all. Reading every matching listing into Python to measure and sort it costs
time in proportion to the directory (about 2,500 rows for a postcode search
at 10,000 listings, ten times as many at 100,000). Here the database orders
the rows and counts them, and Python measures only the rows it returns.

The database has no trigonometry on SQLite, so it orders by plain arithmetic:
the squared distance on a flat map at the two points' middle latitude (an
equirectangular projection). Within 20 miles that is within 0.0005% of the
great-circle distance (`geo.distance_miles`) that residents are shown, so it
orders rows the same way except for near-ties, and both are settled exactly:

- the count takes every row well inside the radius from the database, and
  measures exactly the few in a thin ring around its edge (RING either side);
- the first rows come nearest first from the database, with any row just as
  far as the last of them, and are then ordered by their exact distances.

So the twenty shown and the count are exactly those that measuring every
row would give (tests/directory/test_nearest.py compares the two)."""

from math import cos, degrees, radians, sin

from django.db.models import Case, Count, ExpressionWrapper, F, FloatField, Q, Sum, Value, When
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber

from directory import geo
from directory.rows import plain_rows

# Half the width of the band around the radius (and after the last row of a
# window) that is measured exactly: twenty times the worst error of the flat
# distance within MAX_MILES.
RING = 1e-4
# Beyond this radius the flat distance is not trusted: search.py measures
# every row instead.
MAX_MILES = 20
# Rows read past the first `limit`, to see whether near-ties run past them.
EXTRA = 5
COLUMNS = ("pk", "title", "latitude", "longitude", "hide_address", "postcode", "offset")


def squared_offset(latitude, longitude):
    """The squared flat distance from this point, in degrees of latitude."""
    middle_cos = cos(radians(latitude))
    # cos(φ0 + Δφ/2) ≈ cos φ0 − sin φ0 · Δφ/2, with Δφ in degrees here.
    per_degree = sin(radians(latitude)) * radians(1) / 2
    north = F("latitude") - Value(latitude)
    east = (F("longitude") - Value(longitude)) * (Value(middle_cos) - Value(per_degree) * north)
    return ExpressionWrapper(north * north + east * east, output_field=FloatField())


def nearest(pages, location, radius_miles, limit):
    """(count, first, hidden) for a search within a radius: how many of
    `pages` with a public address lie within the radius of `location`; the
    first `limit` of them, nearest first (ties by title), as (pk, title,
    miles); and every page with a hidden address, as (pk, title, latitude,
    longitude, hide_address, postcode) rows for the caller to measure from
    their districts. One query, and one more in the rare case that a row
    lies on the edge of the radius or near-ties run past the first rows."""
    origin = (location.latitude, location.longitude)
    reach = degrees(radius_miles / geo.EARTH_RADIUS_MILES)
    inner, outer = (reach * (1 - RING)) ** 2, (reach * (1 + RING)) ** 2
    candidates = (
        pages.annotate(offset=squared_offset(*origin))
        .filter(
            Q(hide_address=True)
            | Q(latitude__isnull=False, longitude__isnull=False, offset__lte=outer)
        )
        .order_by()
    )
    by_kind = {"partition_by": [F("hide_address")]}
    rows = plain_rows(
        candidates.annotate(
            nth=Window(RowNumber(), order_by=[F("offset").asc(), F("pk").asc()], **by_kind),
            in_reach=Window(Count("pk"), **by_kind),
            on_edge=Window(Sum(Case(When(offset__gt=inner, then=1), default=0)), **by_kind),
        )
        .filter(Q(hide_address=True) | Q(nth__lte=limit + EXTRA))
        .values_list(*COLUMNS, "in_reach", "on_edge")
    )
    hidden = [row[:6] for row in rows if row[4]]
    placed = sorted((row for row in rows if not row[4]), key=lambda row: (row[6], row[0]))
    if not placed:
        return 0, [], hidden
    public = candidates.filter(hide_address=False)

    def within(latitude, longitude):
        return geo.distance_miles(*origin, latitude, longitude) <= radius_miles

    count, on_edge = placed[0][7], placed[0][8]
    if on_edge:
        edge = plain_rows(public.filter(offset__gt=inner).values_list("latitude", "longitude"))
        count += sum(within(*point) for point in edge) - on_edge
    first = [row[:7] for row in placed]
    if len(first) > limit:
        # Rows as far as the last one shown (or nearly: the flat distance
        # may put them a hair further) may run past those read.
        last = first[limit - 1][6]
        bound = last * (1 + 2 * RING) ** 2 + 1e-12
        if first[-1][6] <= bound:
            seen = [row[0] for row in first]
            first += plain_rows(
                public.filter(offset__gte=last, offset__lte=bound)
                .exclude(pk__in=seen)
                .values_list(*COLUMNS)
            )
    measured = []
    for pk, title, latitude, longitude, *_ in first:
        miles = geo.distance_miles(*origin, latitude, longitude)
        if miles <= radius_miles:
            measured.append((pk, title, miles))
    measured.sort(key=lambda row: (row[2], row[1].lower(), row[0]))
    return count, measured[:limit], hidden
