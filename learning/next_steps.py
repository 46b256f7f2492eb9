"""What the skills check suggests for someone's weakest areas: upcoming
courses at the right level, from the directory's own course search (the
same listing source as /find-help/, so a course found here is found there,
nearest first with a postcode), and learning-at-home resources for the
area."""

import dataclasses
from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Value, When

from directory.search import DirectoryQuery, find_hits, load_results, source_named
from learning.models import LearningResource

COURSES_SHOWN = 3
RESOURCES_SHOWN = 3
# With a postcode, courses held within this distance, nearest first (and
# online or phone courses, which have no distance, after them).
RADIUS_MILES = 10.0


@dataclasses.dataclass(frozen=True)
class NextStep:
    result: object  # skills_check.AreaResult
    courses: list
    resources: list
    find_help_query: str  # the same search on /find-help/


def course_query(area_result, location):
    return DirectoryQuery(
        location=location,
        radius_miles=RADIUS_MILES if location else None,
        kinds=frozenset({"course"}),
        skill_areas=(area_result.area.slug,),
        levels=area_result.standing.levels,
    )


def courses_for(area_results, location, now):
    """{area slug: up to COURSES_SHOWN courses}, each course with the
    session it matched on: a search per area (its hits cached by the
    directory's search), then one load of every course shown."""
    source = source_named("course")
    if source is None:
        return {}
    found = {}
    for result in area_results:
        query = course_query(result, location)
        found[result.area.slug] = find_hits(query, now, sources=[source], upto=COURSES_SHOWN)[
            :COURSES_SHOWN
        ]
    every = [hit for hits in found.values() for hit in hits]
    # Each course's card shows the session its hit matched on; a course in
    # two areas' lists matched on the same session (same place, level and time).
    query = course_query(area_results[0], location) if area_results else None
    loaded = {
        result.page.pk: result for result in load_results(every, query, now, sources=[source])
    }
    return {
        slug: [loaded[hit.pk] for hit in hits if hit.pk in loaded] for slug, hits in found.items()
    }


def resources_for(area_result):
    """Resources for the area, those at the suggested levels first."""
    levels = area_result.standing.levels
    return list(
        LearningResource.objects.listed()
        .filter(skill_areas__slug=area_result.area.slug)
        .annotate(
            fits=Case(
                When(level__in=levels, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("fits", "minutes", "title")[:RESOURCES_SHOWN]
    )


def find_help_query(area_result, location):
    pairs = [("type", "courses"), ("skill", area_result.area.slug)]
    pairs += [("level", level) for level in area_result.standing.levels]
    if location:
        pairs.append(("postcode", location.postcode))
    return urlencode(pairs)


def next_steps(weakest_results, location, now):
    courses = courses_for(weakest_results, location, now)
    return [
        NextStep(
            result=result,
            courses=courses.get(result.area.slug, []),
            resources=resources_for(result),
            find_help_query=find_help_query(result, location),
        )
        for result in weakest_results
    ]


def venue_ids(steps):
    """The places the suggested courses meet at, for the shortlist."""
    ids = []
    for step in steps:
        for course in step.courses:
            venue = course.venue
            if venue is not None and venue.pk not in ids:
                ids.append(venue.pk)
    return ids
