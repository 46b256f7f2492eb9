"""Routing a referral: from what stops a resident getting online, what they
want to do and when and how they can get help, choose the places and courses
that suit them, explain each match in plain words and choose the partner who
receives the referral.

Plain functions over plain values (no database, no HTTP): candidates.py
loads the rules, places and courses and calls `route()`.
"""

import datetime

from directory.geo import distance_miles
from directory.hours import format_time

from . import choices, devices, topics
from .routing_values import (
    Course,
    CourseSession,
    Match,
    Needs,
    Opening,
    Place,
    Routing,
    Rule,
)

__all__ = [
    "Course",
    "CourseSession",
    "Match",
    "Needs",
    "Opening",
    "Place",
    "Routing",
    "Rule",
    "route",
    "wanted",
]

# How far we look: the usual reach, then wider. Anything found only beyond
# the usual reach goes to the coordinators, who know the whole area.
RADII_MILES = (5, 10, 25)
MAX_PLACES = 3
MAX_COURSES = 3

SUPPORT_SERVICES = {"drop_in": "drop-in", "one_to_one": "one-to-one", "phone": "phone-help"}
DATA_BARRIERS = {"no_internet", "cannot_afford_data"}
DEVICE_SERVICE = "device-loans"
DATA_SERVICE = "free-data"
NOON, EVENING = datetime.time(12), datetime.time(17)


def wanted(needs, rules):
    """The service slugs and course levels the rules give for these needs,
    plus the services the resident's preferred kind of support calls for."""
    triggers = needs.barriers | needs.goals
    services = {slug for rule in rules if rule.trigger in triggers for slug in rule.services}
    levels = {rule.course_level for rule in rules if rule.trigger in triggers and rule.course_level}
    services |= {SUPPORT_SERVICES[s] for s in needs.support if s in SUPPORT_SERVICES}
    if "group" in needs.support and not levels:
        levels.add("beginner")
    return frozenset(services), frozenset(levels)


def route(needs, rules, places, courses, now):
    """Rank the places and courses that suit the resident and choose the
    receiving organisation (None: the partnership coordinators)."""
    services, levels = wanted(needs, rules)
    notes = eligibility_notes(needs)
    fitting = [p for p in places if place_fits(p, needs, services)]
    radius, suitable, language_note = nearest_suitable(
        fitting, needs, lambda p: (p.latitude, p.longitude), lambda p: p.languages
    )
    suitable = with_the_chosen_place(suitable, fitting, needs)
    ranked = sorted(
        suitable,
        key=lambda place: (
            place.id != needs.requested_place_id,
            not lends_what_they_lack(place, needs),
            -place_score(place, needs, services),
            distance_to(place, needs) or 0,
        ),
    )
    top = devices.with_a_lender(
        ranked[:MAX_PLACES], fitting, needs, distance_to, MAX_PLACES, RADII_MILES[-1]
    )
    if devices.wants_a_device(needs):
        notes.insert(0, devices.device_note(top, RADII_MILES[-1]))
    place_matches = [describe_place(place, needs, services) for place in top]

    course_matches = rank_courses(needs, levels, courses, now)

    widened = radius is not None and radius > RADII_MILES[0]
    organisation_id = receiving_organisation(place_matches, course_matches, needs, widened)
    if language_note:
        notes.append(language_note)
    if not place_matches and not course_matches:
        notes.append(
            f"We found nothing suitable within {RADII_MILES[-1]} miles. The partnership "
            "coordinators will look for the right help and be in touch."
        )
    elif widened:
        notes.append(
            f"Nothing suitable is within {RADII_MILES[0]} miles, so we looked up to {radius:g} "
            "miles. The partnership coordinators will choose the best help."
        )
    return Routing(place_matches, course_matches, organisation_id, notes, services, levels, radius)


def with_the_chosen_place(suitable, fitting, needs):
    """The place the referrer chose stays among the matches whenever it fits
    the resident's hard needs, even if others nearer by or speaking their
    language were preferred: it is where the referrer is sending them."""
    chosen = [
        place
        for place in fitting
        if place.id == needs.requested_place_id
        and place not in suitable
        and (distance_to(place, needs) or 0) <= RADII_MILES[-1]
    ]
    return [*chosen, *suitable]


def receiving_organisation(place_matches, course_matches, needs, widened):
    """The organisation behind the best match that accepts referrals; the
    place the referrer chose wins even from further away."""
    for match in place_matches:
        if match.id == needs.requested_place_id and match.accepts_referrals:
            return match.organisation_id
    if widened:
        return None
    for match in [*place_matches, *course_matches]:
        if match.accepts_referrals and match.organisation_id is not None:
            return match.organisation_id
    return None


def eligibility_notes(needs):
    notes = []
    if needs.barriers & DATA_BARRIERS and needs.age_band != "under_18":
        notes.append(
            "Free mobile data: people aged 18 or over on a low income with no or too little "
            "internet access can get free SIM cards with data from the National Databank. Ask "
            "at a National Databank hub."
        )
    return notes


# Places.


def lends_what_they_lack(place, needs):
    """Someone with no device is first offered the places that can lend one
    today, however many other services a place nearer by offers: the
    eligibility note tells the referrer so."""
    return "no_device" in needs.barriers and place.lends_devices and bool(place.devices_in_stock)


def place_fits(place, needs, services):
    """The hard conditions: every access need met (a wheelchair user is never
    sent up steps), open when they are free, and offering something wanted."""
    if not set(needs.accessibility) <= set(place.accessibility):
        return False
    if (needs.days or needs.times) and not fitting_openings(place.hours, needs):
        return False
    if place.id == needs.requested_place_id:
        return True  # the referrer chose it: relevant whatever the rules say
    return not services or bool(services & set(place.services))


def fitting_openings(hours, needs):
    return [
        opening
        for opening in hours
        if (not needs.days or opening.weekday in needs.days)
        and (not needs.times or opening.by_appointment or times_of(opening) & needs.times)
    ]


def times_of(opening):
    """The parts of the day ("morning", "afternoon", "evening") an opening covers."""
    if opening.by_appointment or opening.opens is None or opening.closes is None:
        return set()
    parts = set()
    if opening.opens < NOON:
        parts.add("morning")
    if opening.opens < EVENING and opening.closes > NOON:
        parts.add("afternoon")
    if opening.closes > EVENING:
        parts.add("evening")
    return parts


def place_score(place, needs, services):
    """How well a place suits: 3 for each wanted service, more for a device
    in stock for someone without one, a National Databank hub for someone
    without data, and their language; less a point a mile."""
    score = 0
    for slug in services & set(place.services):
        score += 3
        if slug == DEVICE_SERVICE and place.lends_devices:
            score += 3 if "no_device" in needs.barriers and place.devices_in_stock else 0
        elif slug == DATA_SERVICE and place.is_databank_hub:
            score += 2 if needs.barriers & DATA_BARRIERS else 0
    if needs.language and needs.language in place.languages:
        score += 2
    return score - (distance_to(place, needs) or 0)


def distance_to(place, needs):
    if needs.located and place.latitude is not None:
        return miles(needs, place.latitude, place.longitude)
    return None


def describe_place(place, needs, services):
    """The Match: what the place offers that is wanted, how far, when it is
    open for them, which needs it meets (the reasons place_score counts)."""
    reasons = []
    for slug in sorted(services & set(place.services), key=list(place.services).index):
        if slug == DEVICE_SERVICE and place.lends_devices:
            stock = place.devices_in_stock
            reasons.append(f"lends devices ({stock} ready now)" if stock else "lends devices")
        elif slug == DATA_SERVICE and place.is_databank_hub:
            reasons.append("National Databank hub: free SIM cards with data")
        else:
            reasons.append(lower_first(place.services[slug]))
    distance = distance_to(place, needs)
    if distance is not None:
        reasons.append(f"{distance:.1f} miles")
    opening_text = describe_openings(fitting_openings(place.hours, needs) or place.hours)
    if opening_text:
        reasons.append(opening_text)
    reasons += [lower_first(place.accessibility[slug]) for slug in needs.accessibility]
    if needs.language and needs.language in place.languages:
        reasons.append(f"speaks {place.languages[needs.language]}")
    return Match(
        "place",
        place.id,
        place.title,
        place.organisation_id,
        place.organisation,
        reasons,
        distance,
        place.url,
        list(place.address),
        place.phone,
        place.accepts_referrals,
    )


def describe_openings(openings):
    """ "open Tuesday and Thursday mornings, Saturday by appointment"."""
    by_day = {}
    for opening in sorted(openings, key=lambda o: o.weekday):
        parts = by_day.setdefault(opening.weekday, set())
        parts |= {f"{p}s" for p in times_of(opening)} or {"by appointment"}
    if not by_day:
        return ""
    order = ["mornings", "afternoons", "evenings", "by appointment"]
    groups = {}
    for day, parts in by_day.items():
        key = tuple(part for part in order if part in parts)
        groups.setdefault(key, []).append(choices.WEEKDAYS[day][1])
    return "open " + ", ".join(
        f"{and_list(days)} {and_list(list(parts))}" for parts, days in groups.items()
    )


# Courses.


def rank_courses(needs, levels, courses, now):
    wanted = topics.wanted_topics(needs)
    if not levels and not wanted:
        return []
    options = []
    for course in courses:
        if course.level not in levels and not topics.on_topic(course, wanted):
            continue
        if course.format == "in_person" and not set(needs.accessibility) <= course.accessibility:
            continue
        for session in sorted(course.sessions, key=lambda s: s.start):
            if session_fits(session, needs, now):
                options.append((course, session))
                break
    in_person = [pair for pair in options if pair[0].format == "in_person"]
    remote = [pair for pair in options if pair[0].format != "in_person"]
    _, in_person, _ = nearest_suitable(
        in_person,
        needs,
        lambda pair: (pair[1].latitude, pair[1].longitude),
        lambda pair: pair[0].languages,
    )
    options, _ = prefer_language(in_person + remote, needs, lambda pair: pair[0].languages)
    formats = preferred_formats(needs)
    ranked = sorted(
        ((course, describe_course(course, session, needs)) for course, session in options),
        key=lambda pair: (
            not topics.on_topic(pair[0], wanted),
            bool(formats) and pair[0].format not in formats,
            pair[1].distance is None,
            pair[1].distance or 0,
            pair[1].title,
        ),
    )
    return [match for _, match in ranked[:MAX_COURSES]]


def preferred_formats(needs):
    """The course formats the resident's preferred kind of support asks for:
    help by phone means courses by phone; a group course means one in a room
    with others. Preferred formats come first; the rest still follow, so a
    resident is never left with nothing because of a preference."""
    formats = set()
    if "phone" in needs.support:
        formats.add("phone")
    if "group" in needs.support:
        formats.add("in_person")
    return formats


def session_fits(session, needs, now):
    if session.start <= now or session.places_left == 0:
        return False
    local = session.start
    if needs.days and local.weekday() not in needs.days:
        return False
    opening = Opening(local.weekday(), local.time(), (local + datetime.timedelta(hours=1)).time())
    return not needs.times or bool(times_of(opening) & needs.times)


def describe_course(course, session, needs):
    level = dict(choices.COURSE_LEVELS).get(course.level, course.level)
    about = topics.topic_reason(course, topics.wanted_topics(needs))
    reasons = [f"{level} course" + (f" {about}" if about else "")]
    day = session.start
    reasons.append(
        f"next session {choices.WEEKDAYS[day.weekday()][1]} {day.day} {day:%B} at "
        f"{format_time(day.time())}"
    )
    if session.places_left is not None:
        reasons.append(f"{session.places_left} place{'s' if session.places_left != 1 else ''} left")
    distance = None
    if course.format != "in_person":
        reasons.append("online" if course.format == "online" else "by phone")
    elif needs.located and session.latitude is not None:
        distance = miles(needs, session.latitude, session.longitude)
        reasons.append(f"{distance:.1f} miles" + (f", at {session.venue}" if session.venue else ""))
    if needs.language and needs.language in course.languages:
        reasons.append(f"in {needs.language_name or needs.language}")
    return Match(
        "course",
        course.id,
        course.title,
        course.organisation_id,
        course.organisation,
        reasons,
        distance,
        course.url,
        [session.venue] if session.venue else [],
        course.phone,
        course.accepts_referrals,
    )


# Shared steps.


def nearest_suitable(items, needs, position, languages_of):
    """(radius, items, language note): within the widest radius, those with
    the resident's language if any have it, then the nearest ring with any."""
    if needs.located:
        items = [
            item
            for item in items
            if position(item)[0] is not None and miles(needs, *position(item)) <= RADII_MILES[-1]
        ]
    items, language_note = prefer_language(items, needs, languages_of)
    radius, items = within_reach(items, needs, position)
    return radius, items, language_note


def within_reach(items, needs, position):
    """(radius, items within it): the smallest radius in RADII_MILES with
    anything in it; everything, and no radius, when we do not know where
    the resident is. Items without a position are left out."""
    if not needs.located:
        return None, list(items)
    located = [(item, position(item)) for item in items if position(item)[0] is not None]
    for radius in RADII_MILES:
        near = [item for item, (lat, lng) in located if miles(needs, lat, lng) <= radius]
        if near:
            return radius, near
    return RADII_MILES[-1], []


def prefer_language(items, needs, languages_of):
    """Only the items with the resident's language when any have it;
    otherwise all of them and a note saying so."""
    if not needs.language or not items:
        return list(items), ""
    speaking = [item for item in items if needs.language in languages_of(item)]
    if speaking:
        return speaking, ""
    name = needs.language_name or needs.language
    return list(items), f"No place within reach lists {name}: ask about an interpreter."


def miles(needs, lat, lng):
    return distance_miles(needs.latitude, needs.longitude, lat, lng)


def lower_first(text):
    return text[:1].lower() + text[1:] if text else text


def and_list(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
