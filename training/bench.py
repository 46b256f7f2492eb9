"""Courses at benchmark scale: `seed_bench --listings N` adds one course for
every five synthetic access points, after the directory has added them
(directory/bench.py).

Course n belongs to the organisation that holds listing 5n and is the same
course on every run, so running again only tops up. Most are held at that
listing (every third alternates with the next listing, so a course can be
nearer by one venue than another); every fifth is online, with no venue.
Each has four weekly sessions starting within the next four weeks. The
pages go in a hundred at a time with the rows the admin writes
(directory/page_rows.py), sessions and skill areas included.

Sessions are dated from the day a course is added; so that a bench database
kept for months still has courses to find, each run moves the sessions of a
course that has finished forward by whole weeks (the rows only: its
revision keeps the original dates, which nothing public shows)."""

import datetime
import math
import random
import time

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from directory.bench import LISTINGS_PER_ORGANISATION, bench_organisation, listing_slug
from directory.models import AccessibilityFeature, AccessPointPage, DirectoryIndexPage, Language
from directory.page_rows import NewPage, PageRows
from training import demo
from training.framework import ensure_skill_areas
from training.models import CoursePage, Session, SkillArea

LISTINGS_PER_COURSE = 5
SESSIONS_PER_COURSE = 4
WEEK = datetime.timedelta(weeks=1)


def seed(listings, stdout):
    """Make sure courses 0..listings/5-1 exist and have upcoming sessions."""
    wanted = listings // LISTINGS_PER_COURSE
    if wanted <= 0:
        return
    index = DirectoryIndexPage.objects.first()
    if index is None:
        return  # the directory's own seed_bench has said what is missing
    started = time.perf_counter()
    ensure_skill_areas(SkillArea)
    lists = {
        "skills": {area.slug: area for area in SkillArea.objects.all()},
        "accessibility": list(AccessibilityFeature.objects.order_by("pk")),
        "languages": list(Language.objects.order_by("pk")),
    }
    by_organisation = {}
    for number in range(wanted):
        organisation = LISTINGS_PER_COURSE * number // LISTINGS_PER_ORGANISATION
        by_organisation.setdefault(organisation, []).append(number)
    added = 0
    with transaction.atomic():
        for organisation_number, numbers in by_organisation.items():
            organisation = bench_organisation(index, organisation_number)
            have = set(organisation.get_children().values_list("slug", flat=True))
            missing = [number for number in numbers if course_slug(number) not in have]
            if not missing:
                continue
            venues = venues_by_listing(organisation, missing)
            courses = [synthetic_course(organisation, number, venues, lists) for number in missing]
            PageRows(organisation, courses).insert()
            added += len(courses)
        moved = roll_forward(timezone.now())
    seconds = time.perf_counter() - started
    stdout.write(
        f"Bench courses: {wanted} synthetic courses ({added} added, {moved} moved on to "
        f"upcoming dates, in {seconds:.1f} s)."
    )


def course_slug(number):
    title = demo.COURSES[number % len(demo.COURSES)][0]
    return slugify(f"bench {title} {number}")


def venue_listings(number):
    """The listings course `number` is held at: none for an online course."""
    if number % 5 == 4:
        return []
    first = LISTINGS_PER_COURSE * number
    return [first, first + 1] if number % 3 == 0 else [first]


def venues_by_listing(organisation, numbers):
    """{listing number: (pk, town)} for the venues these courses need."""
    wanted = {listing_slug(n): n for number in numbers for n in venue_listings(number)}
    rows = (
        AccessPointPage.objects.child_of(organisation)
        .filter(slug__in=wanted)
        .values_list("slug", "pk", "town")
    )
    return {wanted[slug]: (pk, town) for slug, pk, town in rows}


def synthetic_course(organisation, number, venues, lists):
    """Course `number`: always the same course, from its own random stream."""
    rng = random.Random(f"bench-course-{number}")  # noqa: S311 (bench data, not security)
    title, summary, level, areas, champion = demo.COURSES[number % len(demo.COURSES)]
    # A venue missing from a smaller directory leaves the course online.
    held_at = [venues[n] for n in venue_listings(number) if n in venues]
    town = held_at[0][1] if held_at else "online"
    low_cost = number % 6 == 5
    page = CoursePage(
        title=f"{title} ({town})",
        slug=course_slug(number),
        summary=summary,
        level=level,
        format=CoursePage.Format.IN_PERSON if held_at else CoursePage.Format.ONLINE,
        audience="Anyone who lives, works or studies in the area.",
        cost=CoursePage.Cost.LOW_COST if low_cost else CoursePage.Cost.FREE,
        cost_note="£2 a session, free if you get benefits." if low_cost else "",
        phone=organisation.phone,
        email=organisation.email,
        is_champion_training=champion,
    )
    page.skill_areas = [lists["skills"][slug] for slug in areas]
    page.accessibility = rng.sample(lists["accessibility"], rng.randint(1, 4))
    page.languages = rng.sample(lists["languages"], rng.choice([0, 0, 0, 1]))
    page.sessions = weekly_sessions(rng, [pk for pk, _town in held_at])
    now = timezone.now()
    published_at = now - datetime.timedelta(days=rng.randint(1, 365), seconds=rng.randint(0, 86399))
    return NewPage(page=page, published_at=published_at)


def weekly_sessions(rng, venue_pks):
    """Four weekly sessions from a day in the next four weeks, taking turns
    at the course's venues (none for an online course)."""
    first_day = timezone.localdate() + datetime.timedelta(days=rng.randint(1, 27))
    first = timezone.make_aware(datetime.datetime.combine(first_day, rng.choice(demo.STARTS)))
    capacity = rng.choice([6, 8, 10, 12])
    return [
        Session(
            start=first + week * WEEK,
            end=first + week * WEEK + datetime.timedelta(hours=2),
            venue_id=venue_pks[week % len(venue_pks)] if venue_pks else None,
            capacity=capacity,
        )
        for week in range(SESSIONS_PER_COURSE)
    ]


def roll_forward(now):
    """Move every session of a bench course whose sessions have all started
    forward by the same whole number of weeks, so its first is upcoming;
    returns how many sessions moved."""
    sessions = list(Session.objects.filter(page__slug__startswith="bench-").order_by("start"))
    by_course = {}
    for session in sessions:
        by_course.setdefault(session.page_id, []).append(session)
    moved = []
    for course_sessions in by_course.values():
        if course_sessions[-1].start > now:
            continue
        weeks = math.floor((now - course_sessions[0].start) / WEEK) + 1
        for session in course_sessions:
            session.start += weeks * WEEK
            session.end += weeks * WEEK
            moved.append(session)
    Session.objects.bulk_update(moved, ["start", "end"], batch_size=500)
    return len(moved)
