"""The nearest courses within a radius, worked out by the database.

A postcode search with no place-only filter lists courses beside places. A
course is as far away as its nearest upcoming session that passes the
filters, and an online or phone course (no venue) has no distance and comes
after everything in reach. Measuring every session in Python read about
30,000 rows at 100,000 listings (490 ms on PostgreSQL). Here the database
groups the sessions by course, keeps each course's nearest, counts the
courses and returns the first few; Python measures only their sessions.

Each session is measured from its venue's search row
(directory/models/place_rows.py), which holds the point a place is measured
from (a hidden address's district centre), as directory/nearest.py measures
places; a session at a venue the directory does not list has no point and
is left out of a search within a radius, as a venue with no point always
was. The flat distance SQLite orders by is settled exactly the same way as
there: courses in the thin ring at the edge of the radius, and near-ties
after the last course read, are measured exactly. So the hits and counts
are exactly those of measuring every session (CourseSource.hits;
tests/directory/test_nearest.py compares the two)."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Min, Q

from directory import geo
from directory.hits import Hit
from directory.nearest import EXTRA, measure
from directory.rows import plain_rows

# The fields of a session's venue's search row.
PREFIX = "venue__search_row__"
POINT = (f"{PREFIX}latitude", f"{PREFIX}longitude")


def in_box(location, radius_miles):
    """Held at a listed venue inside the radius's box, as a condition on
    sessions."""
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
        location.latitude, location.longitude, radius_miles
    )
    return Q(**{f"{POINT[0]}__range": (min_lat, max_lat), f"{POINT[1]}__range": (min_lng, max_lng)})


class CourseReach:
    """The courses of `sessions` (upcoming sessions that pass the filters)
    within `radius_miles` of `location`, and those reachable only online."""

    def __init__(self, source, sessions, location, radius_miles, ranks=None):
        self.source = source
        self.origin = (location.latitude, location.longitude)
        self.radius_miles = radius_miles
        self.ranks = ranks
        expression, self.inner, self.outer, self.ties = measure(location, radius_miles, PREFIX)
        # Sessions held in reach (an offset) or online (none: no venue).
        self.sessions = sessions.annotate(offset=expression).filter(
            Q(venue__isnull=True) | in_box(location, radius_miles) & Q(offset__lte=self.outer)
        )
        self.placed = self.sessions.filter(venue__isnull=False)
        # One row a course: its nearest session's offset (None when it is
        # held only online here) and how many online sessions it has.
        self.courses = (
            self.sessions.values("page_id")
            .annotate(best=Min("offset"), online=Count("pk", filter=Q(venue__isnull=True)))
            .order_by()
        )

    def within(self, latitude, longitude):
        return geo.distance_miles(*self.origin, latitude, longitude) <= self.radius_miles

    def nearest(self, limit):
        """((courses in reach, courses reachable only online or by phone),
        hits): the first `limit` courses in reach, nearest first, and the
        first `limit` of the others by title when those could be shown
        among a search's first `limit` hits (fewer than `limit` in reach)."""
        if connection.vendor == "postgresql":
            count, online, first = self._counted_in_one_scan(limit)
            online_edge = []
        else:
            count, online, first, online_edge = self._counted(limit)
        first = self._with_ties(first, limit)
        hits = self._measured(first)[:limit]
        if count < limit and online:
            hits += self._online_hits(online_edge, limit)
        return (count, online), hits

    def _counted_in_one_scan(self, limit):
        """PostgreSQL, whose bound is exact: (in reach, online only, the
        first rows (course, offset) nearest first), from one scan of the
        sessions gathered once."""
        try:
            sql, params = self.courses.values_list(
                "page_id", "best", "online"
            ).query.sql_with_params()
        except EmptyResultSet:
            return 0, 0, []
        wrapped = (
            f"WITH courses AS MATERIALIZED ({sql}) "  # noqa: S608 (Django's own SQL)
            "SELECT counts.*, first.page_id, first.best FROM ("
            "SELECT count(best), count(*) FILTER (WHERE best IS NULL) FROM courses) counts "
            "LEFT JOIN LATERAL (SELECT page_id, best FROM courses WHERE best IS NOT NULL "
            "ORDER BY best, page_id LIMIT %s) first ON true"
        )
        with connection.cursor() as cursor:
            cursor.execute(wrapped, [*params, limit + EXTRA])
            found = cursor.fetchall()
        count, online = found[0][:2]
        return count, online, [row[2:] for row in found if row[2] is not None]

    def _counted(self, limit):
        """SQLite's flat distance: (in reach, online only, the first rows
        (course, offset) nearest first, the courses at the edge that are
        out of reach but held online), with those in the ring at the edge
        of the radius measured exactly."""
        counted = self.courses.aggregate(
            every=Count("page_id", filter=Q(best__isnull=False)),
            inside=Count("page_id", filter=Q(best__lte=self.inner)),
            online=Count("page_id", filter=Q(best__isnull=True)),
        )
        count, online, online_edge = counted["inside"], counted["online"], []
        if counted["every"] > count:
            edge = dict(
                plain_rows(
                    self.courses.filter(best__gt=self.inner).values_list("page_id", "online")
                )
            )
            points = self.placed.filter(page_id__in=list(edge)).values_list("page_id", *POINT)
            in_reach = {pk for pk, *point in plain_rows(points) if self.within(*point)}
            count += len(in_reach)
            online_edge = [pk for pk, sessions in edge.items() if sessions and pk not in in_reach]
            online += len(online_edge)
        first = plain_rows(
            self.courses.filter(best__isnull=False)
            .order_by("best", "page_id")
            .values_list("page_id", "best")[: limit + EXTRA]
        )
        return count, online, first, online_edge

    def _with_ties(self, first, limit):
        """The rows read, and any course as near as the last one kept that
        ran past them."""
        if len(first) > limit:
            last = first[limit - 1][-1]
            bound = last * (1 + self.ties) + 1e-15
            if first[-1][-1] <= bound:
                first += plain_rows(
                    self.courses.filter(best__gte=last, best__lte=bound)
                    .exclude(page_id__in=[row[0] for row in first])
                    .values_list("page_id", "best")
                )
        return first

    def _measured(self, first):
        """Hits for these courses, each on its nearest session in reach
        (the soonest of equally near ones), nearest first then by title."""
        rows = plain_rows(
            self.placed.filter(page_id__in=[row[0] for row in first])
            .order_by("start", "pk")
            .values_list("pk", "page_id", "page__title", *POINT)
        )
        best = {}
        for session_pk, course_pk, title, latitude, longitude in rows:
            miles = geo.distance_miles(*self.origin, latitude, longitude)
            if miles > self.radius_miles:
                continue
            known = best.get(course_pk)
            if known is None or miles < known[0]:
                best[course_pk] = (miles, session_pk, title)
        hits = [
            Hit(self.source, pk, title, miles, self._rank(pk), detail_pk=session_pk)
            for pk, (miles, session_pk, title) in best.items()
        ]
        hits.sort(key=lambda hit: (hit.distance_miles, hit.title.lower(), hit.pk))
        return hits

    def _online_hits(self, online_edge, limit):
        """The first `limit` courses held only online here, by title, each
        on its soonest online session."""
        online_only = Q(page_id__in=self.courses.filter(best__isnull=True).values("page_id")) | Q(
            page_id__in=online_edge
        )
        online = self.sessions.filter(online_only, venue__isnull=True)
        titles = plain_rows(online.values_list("page_id", "page__title").distinct())
        titles.sort(key=lambda row: (row[1].lower(), row[0]))
        chosen = dict(titles[:limit])
        soonest = {}
        sessions = (
            online.filter(page_id__in=list(chosen))
            .order_by("start", "pk")
            .values_list("page_id", "pk")
        )
        for course_pk, session_pk in plain_rows(sessions):
            soonest.setdefault(course_pk, session_pk)
        return [
            Hit(self.source, pk, chosen[pk], None, self._rank(pk), detail_pk=soonest[pk])
            for pk in chosen
            if pk in soonest
        ]

    def _rank(self, pk):
        return self.ranks[pk] if self.ranks else 0
