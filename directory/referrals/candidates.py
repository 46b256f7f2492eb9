"""Loads what routing.py works on from the database: the routing rules and
the places and courses that could suit a resident, as plain values. Each
loader makes a fixed number of queries, however many listings there are."""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from directory import geo
from directory.models import AccessPointPage, OrganisationPage, RoutingRule

from . import routing
from .rules import DEFAULT_RULES


def load_rules():
    """The coordinators' rules; the defaults until a site has any."""
    rules = list(RoutingRule.objects.prefetch_related("services"))
    if not rules:
        return [
            routing.Rule(trigger, frozenset(slugs), level)
            for trigger, (slugs, level) in DEFAULT_RULES.items()
        ]
    return [
        routing.Rule(
            rule.trigger,
            frozenset(service.slug for service in rule.services.all()),
            rule.course_level,
        )
        for rule in rules
    ]


def organisations_by_path():
    return {
        org.path: org
        for org in OrganisationPage.objects.live().only("path", "title", "accepts_referrals")
    }


def organisation_of(page, organisations):
    return organisations.get(page.path[: -page.steplen])


def load_places(needs, today=None):
    """Live, open, currently shown access points within the widest radius
    (all of them when the resident's location is unknown)."""
    today = today or timezone.localdate()
    pages = (
        AccessPointPage.objects.live()
        .public()
        .filter(temporarily_closed=False)
        .filter(Q(show_from__isnull=True) | Q(show_from__lte=today))
        .filter(Q(show_until__isnull=True) | Q(show_until__gte=today))
        .select_related("area")
        .prefetch_related("services", "accessibility", "languages", "opening_hours")
    )
    if needs.located:
        min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
            needs.latitude, needs.longitude, routing.RADII_MILES[-1]
        )
        pages = pages.filter(
            latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng)
        )
    organisations = organisations_by_path()
    return [place_from_page(page, organisation_of(page, organisations)) for page in pages]


def place_from_page(page, organisation):
    return routing.Place(
        id=page.pk,
        title=page.title,
        organisation_id=organisation.pk if organisation else None,
        organisation=organisation.title if organisation else "",
        accepts_referrals=bool(organisation and organisation.accepts_referrals),
        services={term.slug: term.name for term in page.services.all()},
        accessibility={term.slug: term.name for term in page.accessibility.all()},
        languages={term.slug: term.name for term in page.languages.all()},
        latitude=page.latitude,
        longitude=page.longitude,
        hours=tuple(
            routing.Opening(o.weekday, o.opens, o.closes, o.by_appointment)
            for o in page.opening_hours.all()
        ),
        lends_devices=page.lends_devices,
        devices_in_stock=page.devices_in_stock,
        is_databank_hub=page.is_databank_hub,
        url=page.url or "",
        address=tuple(page.public_address),
        phone=page.phone,
    )


def load_courses(levels, now=None):
    """Live courses at these levels with their upcoming sessions; none when
    the training app is not installed."""
    if not levels or not apps.is_installed("training"):
        return []
    from training.models import CoursePage, Session

    now = now or timezone.now()
    courses = list(
        CoursePage.objects.live()
        .public()
        .filter(level__in=levels)
        .prefetch_related("accessibility", "languages")
    )
    sessions = {}
    for session in (
        Session.objects.with_places()
        .filter(page__in=[course.pk for course in courses], start__gt=now)
        .select_related("venue")
        .order_by("start")
    ):
        sessions.setdefault(session.page_id, []).append(session)
    organisations = organisations_by_path()
    found = []
    for course in courses:
        organisation = organisation_of(course, organisations)
        found.append(
            routing.Course(
                id=course.pk,
                title=course.title,
                level=course.level,
                organisation_id=organisation.pk if organisation else None,
                organisation=organisation.title if organisation else "",
                accepts_referrals=bool(organisation and organisation.accepts_referrals),
                format=course.format,
                accessibility=frozenset(term.slug for term in course.accessibility.all()),
                languages=frozenset(term.slug for term in course.languages.all()),
                sessions=tuple(
                    routing.CourseSession(
                        start=timezone.localtime(session.start),
                        places_left=session.places_left,
                        latitude=session.venue.latitude if session.venue else None,
                        longitude=session.venue.longitude if session.venue else None,
                        venue=session.venue.title if session.venue else "",
                    )
                    for session in sessions.get(course.pk, [])
                ),
                url=course.url or "",
                phone=course.phone,
            )
        )
    return found


def route_needs(needs, now=None):
    """Routing for these needs against the live directory."""
    now = timezone.localtime(now or timezone.now())
    rules = load_rules()
    _, levels = routing.wanted(needs, rules)
    return routing.route(
        needs, rules, load_places(needs, now.date()), load_courses(levels, now), now
    )
