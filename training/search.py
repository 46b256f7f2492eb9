"""Courses as directory search results: the listing source for courses.

How it joins the search: TrainingConfig.ready() imports this module, and its
last line registers a `CourseSource` with `directory.search.register()`.
The dependency points one way (training uses the directory's search, as it
uses its access points); `directory.search` imports no app that plugs into
it, so there is no import cycle, and the directory works unchanged without
the training app. Registering at app-loading time, rather than the directory
looking courses up on each request, keeps `directory.search.SOURCES` a plain
list that tests and the search page read alike.

A course matches when it is live and public, passes the course filters and
has at least one upcoming session (start in the future) that passes the
session filters: the day of the week, the times of day (the API's), "starts
in the next N days" and, with a postcode and radius, a venue in reach.
Online and phone sessions have no venue: they are reachable from anywhere,
so a radius never leaves them out; they have no distance, and the search
lists them after everything in reach.
"""

import dataclasses
import datetime
from typing import ClassVar

from django.db.models import Exists, OuterRef, Q

from directory import geo
from directory import search as directory_search
from directory.results import describe_distance
from directory.rows import plain_rows
from directory.search import Hit, text_ranks
from training.models import CoursePage, Session, SkillArea
from training.nearest_courses import POINT, CourseReach, in_box


@dataclasses.dataclass
class CourseResult:
    """One course as a results page shows it, with the session it matched
    on: the nearest to the searched postcode, else the soonest. The session
    comes with `places_taken` (Session.objects.with_places), so its places
    left cost no query."""

    template: ClassVar[str] = "training/includes/course_result.html"
    # Courses are never on the results map: the map shows places.
    map_position: ClassVar[None] = None

    kind: str
    page: CoursePage
    distance_miles: float | None
    session: Session

    @property
    def venue(self):
        return self.session.venue

    @property
    def distance_text(self):
        hidden = self.venue is not None and self.venue.hide_address
        return describe_distance(self.distance_miles, approximate=hidden)

    @property
    def where(self):
        return self.venue.title if self.venue else self.page.get_format_display()


class CourseSource:
    """Courses as search results, one hit per course."""

    name = "course"
    plural = "courses"

    def filter_choices(self):
        """The choices of the search form's course filters."""
        return {
            "skill": list(SkillArea.objects.values_list("slug", "name")),
            "level": list(CoursePage.Level.choices),
            "format": list(CoursePage.Format.choices),
        }

    def matching(self, query):
        """Courses that pass the filters on the course itself."""
        courses = CoursePage.objects.live().public()
        if query.free_only:
            courses = courses.filter(cost=CoursePage.Cost.FREE)
        if query.levels:
            courses = courses.filter(level__in=query.levels)
        if query.formats:
            courses = courses.filter(format__in=query.formats)
        if query.skill_areas:
            # Any of the chosen skill areas: a resident ticks what they would
            # like to learn, and a course rarely covers all of it.
            through = CoursePage.skill_areas.through
            courses = courses.filter(
                pk__in=through.objects.filter(skillarea__slug__in=query.skill_areas).values(
                    "coursepage_id"
                )
            )
        through_access = CoursePage.accessibility.through
        for slug in query.accessibility:
            # Every chosen feature, as for places.
            courses = courses.filter(
                pk__in=through_access.objects.filter(accessibilityfeature__slug=slug).values(
                    "coursepage_id"
                )
            )
        return courses

    def sessions(self, query, now, courses=None):
        """Upcoming sessions of these courses (None: of any course) that pass
        the session filters."""
        sessions = Session.objects.filter(start__gt=now).order_by()
        if courses is not None:
            sessions = sessions.filter(page__in=courses.values("pk"))
        if query.weekday is not None:
            # In the site's time zone; ISO days run Monday 1 to Sunday 7.
            sessions = sessions.filter(start__iso_week_day=query.weekday + 1)
        if query.starts_from is not None:
            sessions = sessions.filter(start__time__gte=query.starts_from)
        if query.ends_by is not None:
            sessions = sessions.filter(end__time__lte=query.ends_by)
        if query.starts_within_days:
            sessions = sessions.filter(
                start__lte=now + datetime.timedelta(days=query.starts_within_days)
            )
        return sessions

    def _courses_and_sessions(self, query, now):
        """(matching courses, their matching sessions, {pk: rank} or None)."""
        courses = self.matching(query).order_by()
        ranks = None
        if query.text:
            ranks = text_ranks(CoursePage, query.text)
            courses = courses.filter(pk__in=list(ranks))
        return courses, self.sessions(query, now, courses), ranks

    def nearest(self, query, now, limit):
        """((courses in reach, courses reachable only online), their first
        hits) for a search within a radius, worked out by the database
        (training/nearest_courses.py)."""
        _, sessions, ranks = self._courses_and_sessions(query, now)
        reach = CourseReach(self.name, sessions, query.location, query.radius_miles, ranks)
        return reach.nearest(limit)

    def hits(self, query, now):
        """One hit per course, on its best matching session: the nearest to
        the postcode, and of those (or with no postcode) the soonest. The
        sessions come soonest first, so a later one replaces an earlier only
        when it is nearer."""
        courses, sessions, ranks = self._courses_and_sessions(query, now)
        titles = dict(plain_rows(courses.values_list("pk", "title")))
        sessions = sessions.order_by("start", "pk")
        if query.location:
            best = self._nearest(query, sessions)
        else:
            best = {}
            for session_pk, course_pk in plain_rows(sessions.values_list("pk", "page_id")):
                best.setdefault(course_pk, (None, session_pk))
        return [
            Hit(
                self.name,
                course_pk,
                titles[course_pk],
                distance,
                ranks[course_pk] if ranks else 0,
                detail_pk=session_pk,
            )
            for course_pk, (distance, session_pk) in best.items()
            if course_pk in titles
        ]

    def _nearest(self, query, sessions):
        """{course: (miles or None, session)}: each course's nearest session
        in reach, an online or phone one (no venue, no distance) only when
        it has none in reach. A session is measured from its venue's search
        row (a hidden address from its district's centre)."""
        if query.radius_miles:
            sessions = sessions.filter(
                Q(venue__isnull=True) | in_box(query.location, query.radius_miles)
            )
        rows = plain_rows(sessions.values_list("pk", "page_id", "venue_id", *POINT))
        origin = (query.location.latitude, query.location.longitude)
        best = {}
        for session_pk, course_pk, venue_pk, latitude, longitude in rows:
            distance = None
            if venue_pk is not None:
                if latitude is None:
                    continue  # in person somewhere we cannot measure from
                distance = geo.distance_miles(*origin, latitude, longitude)
                if query.radius_miles and distance > query.radius_miles:
                    continue
            if nearer(distance, best.get(course_pk)):
                best[course_pk] = (distance, session_pk)
        return best

    def first(self, query, now, limit):
        """((none with a distance, how many match), their first `limit`
        hits by title, each on its soonest matching session) for a search
        with neither a postcode nor words. Courses are a fifth of the
        listings or fewer: their titles are sorted here, their sessions read
        only for the first."""
        courses, sessions, _ = self._courses_and_sessions(query, now)
        # Each course probes its own sessions (an index on the course).
        upcoming = self.sessions(query, now).filter(page_id=OuterRef("pk"))
        titles = plain_rows(courses.filter(Exists(upcoming)).values_list("pk", "title"))
        titles.sort(key=lambda row: (row[1].lower(), row[0]))
        chosen = dict(titles[:limit])
        soonest = {}
        rows = sessions.filter(page_id__in=list(chosen)).order_by("start", "pk")
        for course_pk, session_pk in plain_rows(rows.values_list("page_id", "pk")):
            soonest.setdefault(course_pk, session_pk)
        hits = [
            Hit(self.name, pk, title, None, 0, detail_pk=soonest[pk])
            for pk, title in chosen.items()
            if pk in soonest
        ]
        return (0, len(titles)), hits

    def results(self, hits, query, now):
        """Full results for one page of hits: two queries however many."""
        courses = {page.pk: page for page in CoursePage.objects.filter(pk__in=[h.pk for h in hits])}
        sessions = {
            session.pk: session
            for session in Session.objects.with_places()
            .filter(pk__in=[hit.detail_pk for hit in hits])
            .select_related("venue")
        }
        return [
            CourseResult(
                kind=self.name,
                page=courses[hit.pk],
                distance_miles=hit.distance_miles,
                session=sessions[hit.detail_pk],
            )
            for hit in hits
            if hit.pk in courses and hit.detail_pk in sessions
        ]


def nearer(distance, known):
    """Whether a session this far (None: online) beats the course's best so
    far, (miles or None, session) or None. Ties keep the sooner, seen first."""
    if known is None:
        return True
    if distance is None:
        return False
    return known[0] is None or distance < known[0]


directory_search.register(CourseSource())
