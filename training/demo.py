"""Demo courses: about 40 courses run by the demo organisations, with
sessions over the next eight weeks at their access points, and past
sessions with their registers (demo_history.py). Called by
`seed_demo` through TrainingConfig.seed_demo, after the directory's demo;
idempotent (nothing is added once any course exists) and repeatable (fixed
random seed)."""

import datetime
import random

from django.utils import timezone
from django.utils.text import slugify

from directory.models import AccessibilityFeature, AccessPointPage, Language, OrganisationPage
from training.demo_history import fill_registers, past_rng, past_sessions
from training.framework import ensure_skill_areas
from training.models import CoursePage, Session, SkillArea

SEED = 4
COURSES_WANTED = 40
WEEKS_AHEAD = 8
STARTS = [datetime.time(10, 0), datetime.time(13, 30), datetime.time(18, 0)]
Level, Format = CoursePage.Level, CoursePage.Format

# Title, summary, level, skill areas (slugs), champion training.
COURSES = [
    (
        "Get started with a tablet",
        "Switch on, tap, swipe and connect to wifi.",
        Level.FIRST_STEPS,
        ["foundation"],
        False,
    ),
    (
        "Using your smartphone",
        "Calls, texts, apps and settings on your own phone.",
        Level.FIRST_STEPS,
        ["foundation", "communicating"],
        False,
    ),
    (
        "Email for beginners",
        "Set up an email account, send, reply and attach a photo.",
        Level.BEGINNER,
        ["communicating"],
        False,
    ),
    (
        "Video calls with family",
        "Make and join video calls on WhatsApp, Zoom or Teams.",
        Level.BEGINNER,
        ["communicating"],
        False,
    ),
    (
        "Staying safe online",
        "Spot scams, make strong passwords and keep your details safe.",
        Level.BEGINNER,
        ["safe-and-legal"],
        False,
    ),
    (
        "Using the NHS App",
        "Order repeat prescriptions, book appointments and see your record.",
        Level.BEGINNER,
        ["transacting", "handling-information"],
        False,
    ),
    (
        "Universal Credit online",
        "Manage your journal, report changes and check payments.",
        Level.INTERMEDIATE,
        ["transacting", "problem-solving"],
        False,
    ),
    (
        "Online shopping and banking",
        "Buy safely online and use your bank's app.",
        Level.INTERMEDIATE,
        ["transacting", "safe-and-legal"],
        False,
    ),
    (
        "Finding things on the internet",
        "Search well and judge what you can trust.",
        Level.BEGINNER,
        ["handling-information"],
        False,
    ),
    (
        "Photos and files",
        "Store, find, back up and share your photos and documents.",
        Level.INTERMEDIATE,
        ["handling-information", "problem-solving"],
        False,
    ),
    (
        "Job searching online",
        "Find vacancies, write a CV and apply online.",
        Level.INTERMEDIATE,
        ["transacting", "communicating", "handling-information"],
        False,
    ),
    (
        "Fix it yourself",
        "Solve everyday problems with devices, updates and connections.",
        Level.ADVANCED,
        ["problem-solving", "foundation"],
        False,
    ),
    (
        "Digital champion training",
        "Learn how to help other people get online, patiently.",
        Level.INTERMEDIATE,
        ["communicating", "problem-solving", "safe-and-legal"],
        True,
    ),
    (
        "Champions: helping people stay safe",
        "Help others spot scams and protect their data.",
        Level.ADVANCED,
        ["safe-and-legal"],
        True,
    ),
]


def build(home, stdout):
    ensure_skill_areas(SkillArea)
    if CoursePage.objects.exists():
        return
    organisations = list(OrganisationPage.objects.descendant_of(home).order_by("path"))
    if not organisations:
        return
    rng = random.Random(SEED)  # noqa: S311 (demo data, not security)
    skills = {area.slug: area for area in SkillArea.objects.all()}
    accessibility = list(AccessibilityFeature.objects.all())
    languages = list(Language.objects.all())
    today = timezone.localdate()
    history_rng = past_rng()
    for number in range(COURSES_WANTED):
        organisation = organisations[number % len(organisations)]
        venues = list(
            AccessPointPage.objects.child_of(organisation)
            .live()
            .filter(temporarily_closed=False, hide_address=False)
            .order_by("path")
        )
        title, summary, level, areas, champion = COURSES[number % len(COURSES)]
        course_format = course_format_for(number, venues)
        course = CoursePage(
            title=title,
            slug=slugify(title),
            summary=summary,
            level=level,
            format=course_format,
            audience="Anyone who lives, works or studies in Chorley or South Ribble.",
            cost=CoursePage.Cost.LOW_COST if number % 6 == 5 else CoursePage.Cost.FREE,
            cost_note="£2 a session, free if you get benefits." if number % 6 == 5 else "",
            what_to_bring=rng.choice(
                ["", "Your phone or tablet, charged.", "Your email address and password."]
            ),
            phone=organisation.phone,
            email=organisation.email,
            is_champion_training=champion,
        )
        course.skill_areas = [skills[slug] for slug in areas]
        course.accessibility = rng.sample(accessibility, rng.randint(1, 4))
        course.languages = rng.sample(languages, rng.choice([0, 0, 0, 1]))
        places = venues if course_format == Format.IN_PERSON else []
        course.sessions = sessions(rng, today, places) + past_sessions(history_rng, today, places)
        if organisation.get_children().filter(slug=course.slug).exists():
            course.slug = f"{course.slug}-{number}"
        organisation.add_child(instance=course)
    stdout.write(f"Added {COURSES_WANTED} demo courses.")
    stdout.write(f"Added {demo_bookings(rng)} demo bookings.")
    stdout.write(f"Added {fill_registers(history_rng)} bookings on past sessions.")


def demo_bookings(rng):
    """People booked on about half the sessions, some of them full with a
    waiting list, so the providers' registers have something in them."""
    from tests.factories.training import BookingFactory

    count = 0
    for session in Session.objects.filter(start__gte=timezone.now()).order_by("start", "pk"):
        if rng.random() < 0.5:
            continue
        wanted = rng.randint(1, session.capacity + 2)
        for place in range(wanted):
            status = "confirmed" if place < session.capacity else "waiting"
            BookingFactory(session=session, status=status)
        count += wanted
    return count


def course_format_for(number, venues):
    if not venues or number % 5 == 3:
        return Format.ONLINE
    if number % 7 == 6:
        return Format.PHONE
    return Format.IN_PERSON


def sessions(rng, today, venues):
    """One to six weekly sessions starting within the next eight weeks."""
    weeks = rng.randint(1, 6)
    first = today + datetime.timedelta(days=rng.randint(1, 7 * (WEEKS_AHEAD - weeks) + 6))
    start_time = rng.choice(STARTS)
    venue = rng.choice(venues) if venues else None
    result = []
    for week in range(weeks):
        start = timezone.make_aware(
            datetime.datetime.combine(first + datetime.timedelta(weeks=week), start_time)
        )
        result.append(
            Session(
                start=start,
                end=start + datetime.timedelta(hours=2),
                venue=venue,
                capacity=rng.choice([6, 8, 10, 12]),
                note="Laptops provided." if venue and rng.random() < 0.3 else "",
            )
        )
    return result
