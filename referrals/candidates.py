"""Loads what routing.py works on from the database: the routing rules and
the places and courses that could suit a resident, as plain values. Each
loader makes a fixed number of queries, however many listings there are."""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from directory import geo
from directory.models import AccessPointPage, OpeningHours, OrganisationPage
from referrals.models import RoutingRule

from . import devices, routing, topics
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


def organisation_fields(organisations, path):
    """The organisation a listing (read as a row, by its tree path: its
    parent's path and one step more) belongs to, as routing.Place and
    routing.Course take it."""
    organisation = organisations.get(path[: -OrganisationPage.steplen])
    return {
        "organisation_id": organisation.pk if organisation else None,
        "organisation": organisation.title if organisation else "",
        "accepts_referrals": bool(organisation and organisation.accepts_referrals),
    }


def candidate_pages(needs, services, today):
    """The access points that could meet the hard conditions of
    routing.place_fits, narrowed in the database: live, open and shown
    today, within the widest radius, with every access need met, open on
    one of the resident's days, and offering a wanted service (or chosen by
    the referrer). routing.py checks each condition again, exactly; this
    only keeps thousands of listings that cannot fit out of memory."""
    pages = (
        AccessPointPage.objects.live()
        .public()
        .filter(temporarily_closed=False)
        .filter(Q(show_from__isnull=True) | Q(show_from__lte=today))
        .filter(Q(show_until__isnull=True) | Q(show_until__gte=today))
    )
    if needs.located:
        min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
            needs.latitude, needs.longitude, routing.RADII_MILES[-1]
        )
        pages = pages.filter(
            latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng)
        )
    features = AccessPointPage.accessibility.through.objects
    for slug in needs.accessibility:
        pages = pages.filter(
            pk__in=features.filter(accessibilityfeature__slug=slug).values("accesspointpage_id")
        )
    if needs.days or needs.times:
        pages = pages.filter(pk__in=fitting_openings(needs).values("page_id"))
    if services:
        offering = AccessPointPage.services.through.objects.filter(
            servicetype__slug__in=services
        ).values("accesspointpage_id")
        pages = pages.filter(Q(pk__in=offering) | Q(pk=needs.requested_place_id or 0))
    return pages


def fitting_openings(needs):
    """The openings on one of the resident's days at one of their times of
    day, as routing.fitting_openings and routing.times_of decide: mornings
    start before noon, afternoons overlap noon to five, evenings run past
    five, and "by appointment" suits any time."""
    openings = OpeningHours.objects.all()
    if needs.days:
        openings = openings.filter(weekday__in=needs.days)
    if needs.times:
        parts = Q(by_appointment=True)
        if "morning" in needs.times:
            parts |= Q(opens__lt=routing.NOON)
        if "afternoon" in needs.times:
            parts |= Q(opens__lt=routing.EVENING, closes__gt=routing.NOON)
        if "evening" in needs.times:
            parts |= Q(closes__gt=routing.EVENING)
        openings = openings.filter(parts)
    return openings


def within_reach(pages, needs):
    """The candidates routing would look at: those in the nearest ring of
    routing.RADII_MILES with anything in it, and only those speaking the
    resident's language when any within reach does (routing.nearest_suitable,
    run here on positions alone so that only that ring is loaded). The place
    the referrer chose, and for someone without a device every lender, are
    kept from anywhere within the widest radius: routing offers them however
    near or well-spoken the others are (routing.with_the_chosen_place,
    devices.with_a_lender)."""
    if not needs.located:
        return pages
    always = Q(pk=needs.requested_place_id or 0)
    if devices.wants_a_device(needs):
        always |= Q(lends_devices=True)
    speakers = AccessPointPage.languages.through.objects.filter(
        language__slug=needs.language
    ).values("accesspointpage_id")
    speaking = (
        set(pages.filter(pk__in=speakers).values_list("pk", flat=True)) if needs.language else set()
    )
    rows = list(pages.values_list("pk", "latitude", "longitude"))
    radius, kept, _ = routing.nearest_suitable(
        rows,
        needs,
        lambda row: (row[1], row[2]),
        lambda row: {needs.language} if row[0] in speaking else set(),
    )
    narrowed = pages
    if any(row[0] in speaking for row in kept):
        narrowed = narrowed.filter(pk__in=speakers)
    min_lat, max_lat, min_lng, max_lng = geo.bounding_box(needs.latitude, needs.longitude, radius)
    narrowed = narrowed.filter(
        latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng)
    )
    return pages.filter(Q(pk__in=narrowed.values("pk")) | always)


PLACE_COLUMNS = (
    "pk",
    "title",
    "path",
    "latitude",
    "longitude",
    "lends_devices",
    "devices_in_stock",
    "is_databank_hub",
    "phone",
)


def terms_by_page(through, term_field, pages):
    """{page pk: {slug: name}} of one of the access points' lists, in the
    list's own order, in one query."""
    terms = {}
    rows = (
        through.objects.filter(accesspointpage_id__in=pages.values("pk"))
        .order_by(f"{term_field}__sort_order", f"{term_field}__name")
        .values_list("accesspointpage_id", f"{term_field}__slug", f"{term_field}__name")
    )
    for page_id, slug, name in rows:
        terms.setdefault(page_id, {})[slug] = name
    return terms


def load_places(needs, today=None, services=frozenset()):
    """The candidate places (candidate_pages) as routing.Place values, read
    as plain rows in a fixed number of queries: at 10,000 listings, loading
    them as page objects took half a minute. Addresses and page links are
    filled in for the few places that are matched (complete_matches)."""
    today = today or timezone.localdate()
    pages = within_reach(candidate_pages(needs, services, today), needs)
    services_of = terms_by_page(AccessPointPage.services.through, "servicetype", pages)
    features_of = terms_by_page(
        AccessPointPage.accessibility.through, "accessibilityfeature", pages
    )
    languages_of = terms_by_page(AccessPointPage.languages.through, "language", pages)
    hours_of = {}
    for page_id, *opening in (
        OpeningHours.objects.filter(page_id__in=pages.values("pk"))
        .order_by("sort_order")
        .values_list("page_id", "weekday", "opens", "closes", "by_appointment")
    ):
        hours_of.setdefault(page_id, []).append(routing.Opening(*opening))
    organisations = organisations_by_path()
    places = []
    for row in pages.order_by("path").values(*PLACE_COLUMNS):
        pk = row["pk"]
        places.append(
            routing.Place(
                id=pk,
                title=row["title"],
                **organisation_fields(organisations, row["path"]),
                services=services_of.get(pk, {}),
                accessibility=features_of.get(pk, {}),
                languages=languages_of.get(pk, {}),
                latitude=row["latitude"],
                longitude=row["longitude"],
                hours=tuple(hours_of.get(pk, ())),
                lends_devices=row["lends_devices"],
                devices_in_stock=row["devices_in_stock"],
                is_databank_hub=row["is_databank_hub"],
                phone=row["phone"],
            )
        )
    return places


def complete_matches(matches):
    """Each matched place's public address and link, from its page (the
    page decides what of its address is public)."""
    pages = AccessPointPage.objects.filter(pk__in=[match.id for match in matches]).select_related(
        "area", "area__parent"
    )
    by_pk = {page.pk: page for page in pages}
    for match in matches:
        page = by_pk.get(match.id)
        if page is not None:
            match.url = page.url or ""
            match.address = list(page.public_address)


def load_courses(levels, now=None, skill_areas=frozenset()):
    """Live courses at these levels with their upcoming sessions, read as
    plain rows in a fixed number of queries (as places are); none when the
    training app is not installed."""
    if not levels or not apps.is_installed("training"):
        return []
    from training.models import CoursePage, Session

    now = now or timezone.now()
    wanted = Q(level__in=levels) | Q(skill_areas__slug__in=skill_areas)
    courses = CoursePage.objects.live().public().filter(wanted).distinct()
    slugs_of = {}
    names = {}
    for page_id, slug, name in CoursePage.skill_areas.through.objects.filter(
        coursepage_id__in=courses.values("pk")
    ).values_list("coursepage_id", "skillarea__slug", "skillarea__name"):
        names.setdefault(page_id, {})[slug] = name
    for name, term in (("accessibility", "accessibilityfeature"), ("languages", "language")):
        slugs_of[name] = {}
        rows = getattr(CoursePage, name).through.objects.filter(
            coursepage_id__in=courses.values("pk")
        )
        for page_id, slug in rows.values_list("coursepage_id", f"{term}__slug"):
            slugs_of[name].setdefault(page_id, set()).add(slug)
    sessions = {}
    for row in (
        Session.objects.with_places()
        .filter(page__in=courses.values("pk"), start__gt=now)
        .order_by("start")
        .values(
            "page_id",
            "start",
            "capacity",
            "places_taken",
            "venue__latitude",
            "venue__longitude",
            "venue__title",
            "page__source_url",
        )
    ):
        sessions.setdefault(row["page_id"], []).append(
            routing.CourseSession(
                start=timezone.localtime(row["start"]),
                # An imported course is booked with its provider: we do
                # not know its places (docs/federation.md).
                places_left=None
                if row["page__source_url"]
                else max(0, row["capacity"] - row["places_taken"]),
                latitude=row["venue__latitude"],
                longitude=row["venue__longitude"],
                venue=row["venue__title"] or "",
            )
        )
    organisations = organisations_by_path()
    found = []
    for row in courses.order_by("path").values("pk", "title", "path", "level", "format", "phone"):
        pk = row["pk"]
        found.append(
            routing.Course(
                id=pk,
                title=row["title"],
                level=row["level"],
                **organisation_fields(organisations, row["path"]),
                format=row["format"],
                accessibility=frozenset(slugs_of["accessibility"].get(pk, ())),
                languages=frozenset(slugs_of["languages"].get(pk, ())),
                sessions=tuple(sessions.get(pk, ())),
                phone=row["phone"],
                skill_areas=names.get(pk, {}),
            )
        )
    return found


def course_links(matches):
    """Each matched course's page link."""
    from training.models import CoursePage

    pages = CoursePage.objects.filter(pk__in=[match.id for match in matches])
    urls = {page.pk: page.url or "" for page in pages.only("url_path", "path", "depth")}
    for match in matches:
        match.url = urls.get(match.id, "")


def route_needs(needs, now=None):
    """Routing for these needs against the live directory."""
    now = timezone.localtime(now or timezone.now())
    rules = load_rules()
    services, levels = routing.wanted(needs, rules)
    result = routing.route(
        needs,
        rules,
        load_places(needs, now.date(), services),
        load_courses(levels, now, topics.wanted_topics(needs)),
        now,
    )
    complete_matches(result.places)
    if result.courses:
        course_links(result.courses)
    return result
