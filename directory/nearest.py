"""The nearest listings within a radius, worked out by the database.

A results page shows twenty listings, and its heading how many there are in
all. Reading every matching listing into Python to measure and sort it costs
time in proportion to the directory (about 2,500 rows for a postcode search
at 10,000 listings, ten times as many at 100,000). Here the database orders
the rows and counts them, and Python measures only the rows it returns.

PostgreSQL orders and bounds rows by the haversine that geo.distance_miles
works distances out from, so its answer is exact. SQLite has no
trigonometry (Django's functions for it call Python for every row), so there
the database orders by plain arithmetic:
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

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, ExpressionWrapper, F, FloatField, Q, Value
from django.db.models.functions import Cos, Power, Radians, Sin

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
COLUMNS = ("pk", "title", "latitude", "longitude", "offset")


def squared_offset(latitude, longitude, prefix=""):
    """The squared flat distance from this point, in degrees of latitude.
    `prefix` leads to the fields holding the point (a course's session:
    "venue__search_row__")."""
    middle_cos = cos(radians(latitude))
    # cos(φ0 + Δφ/2) ≈ cos φ0 − sin φ0 · Δφ/2, with Δφ in degrees here.
    per_degree = sin(radians(latitude)) * radians(1) / 2
    north = F(f"{prefix}latitude") - Value(latitude)
    east = (F(f"{prefix}longitude") - Value(longitude)) * (
        Value(middle_cos) - Value(per_degree) * north
    )
    return ExpressionWrapper(north * north + east * east, output_field=FloatField())


def haversine(latitude, longitude, prefix=""):
    """The haversine of the angle between this point and each row's: the h
    of geo.distance_miles, so it orders and bounds rows exactly as the
    distances shown do (PostgreSQL has the trigonometry built in)."""
    row_latitude = F(f"{prefix}latitude")
    half_north = Sin(Radians(row_latitude - Value(latitude)) / Value(2.0))
    half_east = Sin(Radians(F(f"{prefix}longitude") - Value(longitude)) / Value(2.0))
    return ExpressionWrapper(
        Power(half_north, 2)
        + Value(cos(radians(latitude))) * Cos(Radians(row_latitude)) * Power(half_east, 2),
        output_field=FloatField(),
    )


def measure(location, radius_miles, prefix=""):
    """(expression, inner, outer, ties): what the database orders rows by,
    the values below which a row is surely within the radius and above
    which it surely is not, and how much further a row may be and still be
    as near as another. Exact on PostgreSQL, flat elsewhere (see above)."""
    if connection.vendor == "postgresql":
        bound = sin(radius_miles / geo.EARTH_RADIUS_MILES / 2) ** 2
        return haversine(location.latitude, location.longitude, prefix), bound, bound, 1e-12
    reach = degrees(radius_miles / geo.EARTH_RADIUS_MILES)
    inner, outer = (reach * (1 - RING)) ** 2, (reach * (1 + RING)) ** 2
    return squared_offset(location.latitude, location.longitude, prefix), inner, outer, 4 * RING


def nearest(places, location, radius_miles, limit):
    """(count, first): how many of `places` (a queryset of search rows,
    directory/models/place_rows.py, each with the point it is measured
    from) lie within the radius of `location`, and the first `limit` of
    them, nearest first (ties by title), as (pk, title, miles). Two queries,
    and one more in the rare case that a row lies on the edge of the radius
    or near-ties run past the first rows read."""
    origin = (location.latitude, location.longitude)
    expression, inner, outer, ties = measure(location, radius_miles)
    rows = (
        places.filter(latitude__isnull=False, longitude__isnull=False)
        .annotate(offset=expression)
        .filter(offset__lte=outer)
        .order_by()
    )

    def within(latitude, longitude):
        return geo.distance_miles(*origin, latitude, longitude) <= radius_miles

    if connection.vendor == "postgresql":
        # Exact bounds (inner == outer): one scan both counts and orders.
        count, first = counted_first(rows.values_list(*COLUMNS), limit + EXTRA)
    else:
        counted = rows.aggregate(every=Count("pk"), inside=Count("pk", filter=Q(offset__lte=inner)))
        count = counted["inside"]
        if counted["every"] > count:
            edge = plain_rows(rows.filter(offset__gt=inner).values_list("latitude", "longitude"))
            count += sum(within(*point) for point in edge)
        first = plain_rows(rows.order_by("offset", "pk").values_list(*COLUMNS)[: limit + EXTRA])
    if len(first) > limit:
        # Rows as far as the last one shown (or nearly: the flat distance
        # may put them a hair further) may run past those read.
        last = first[limit - 1][-1]
        bound = last * (1 + ties) + 1e-15
        if first[-1][-1] <= bound:
            seen = [row[0] for row in first]
            first += plain_rows(
                rows.filter(offset__gte=last, offset__lte=bound)
                .exclude(pk__in=seen)
                .values_list(*COLUMNS)
            )
    measured = []
    for pk, title, latitude, longitude, _ in first:
        miles = geo.distance_miles(*origin, latitude, longitude)
        if miles <= radius_miles:
            measured.append((pk, title, miles))
    measured.sort(key=lambda row: (row[2], row[1].lower(), row[0]))
    return count, measured[:limit]


def counted_first(rows, limit):
    """(how many rows, the first `limit` of them by offset then pk), from
    one scan on PostgreSQL: the rows are gathered once in a materialised
    CTE, then counted and ordered from memory. Counting and ordering in two
    queries read the table twice: 34 ms against 20 ms at 100,000 listings
    (a postcode search with a service and an access feature)."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # filtered on an empty list: nothing matches
        return 0, []
    # COLUMNS: pk is the first column and offset the last.
    wrapped = (
        f"WITH matching AS MATERIALIZED ({sql}) "  # noqa: S608 (Django's own SQL, parameters apart)
        "SELECT matching.*, (SELECT count(*) FROM matching) FROM matching "
        f"ORDER BY {len(COLUMNS)}, 1 LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(wrapped, [*params, limit])
        found = cursor.fetchall()
    if not found:
        return 0, []
    return found[0][-1], [row[:-1] for row in found]
