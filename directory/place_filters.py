"""The directory search's filters over the places' search rows
(directory/models/place_rows.py), as AccessPointSource.matching applies them
to the pages: a search within a radius reads the narrow rows instead."""

from django.db.models import Q

from directory import geo
from directory.models import AccessibilityFeature, OpeningHours, PlaceRow, ServiceType


def matching_rows(query, now, ranks=None):
    """The rows of the places that pass the query's filters (and are among
    `ranks`' pages when words were given), within its radius's box."""
    rows = PlaceRow.objects.filter(*shared_conditions(query, now))
    if ranks is not None:
        rows = rows.filter(pk__in=list(ranks))
    for field, ids in (
        ("service_ids", query_ids(query, "services")),
        ("feature_ids", query_ids(query, "accessibility")),
    ):
        for pk in ids:
            rows = rows.filter(**{f"{field}__contains": f",{pk},"})
    if query.location and query.radius_miles:
        min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
            query.location.latitude, query.location.longitude, query.radius_miles
        )
        # Each row holds the point it is measured from (a hidden address's
        # district centre), so hidden addresses need no exception here.
        rows = rows.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng))
    return rows


def shared_conditions(query, now):
    """The conditions a place and its search row meet alike (both hold the
    dates it shows between, its cost and whether it is closed for now, and
    both are keyed by the page): shown today, free when asked, open on the
    day and times asked, open now when asked."""
    today = now.date()
    conditions = [
        Q(show_from__isnull=True) | Q(show_from__lte=today),
        Q(show_until__isnull=True) | Q(show_until__gte=today),
    ]
    if query.free_only:
        conditions.append(Q(cost="free"))
    openings = opening_filter(query)
    if openings is not None:
        conditions.append(Q(pk__in=OpeningHours.objects.filter(openings).values("page_id")))
    if query.open_now:
        moment = now.time()
        open_now = OpeningHours.objects.filter(
            weekday=now.weekday(), by_appointment=False, opens__lte=moment, closes__gt=moment
        )
        conditions.append(Q(temporarily_closed=False, pk__in=open_now.values("page_id")))
    return conditions


def query_ids(query, name):
    """The ids of the query's chosen services or features; an unknown slug
    matches nothing (as its subquery would), so it gives an impossible id."""
    slugs = getattr(query, name)
    if not slugs:
        return []
    model = ServiceType if name == "services" else AccessibilityFeature
    known = dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    return [known.get(slug, 0) for slug in slugs]


def opening_filter(query):
    """The opening sessions that the day and times of day asked for, all
    on one session (a Monday opening from 10am, not a Monday opening and
    a Tuesday one from 10am); None when none is asked for. Appointment-only
    sessions have no times, so times leave them out."""
    conditions = Q()
    if query.weekday is not None:
        conditions &= Q(weekday=query.weekday)
    if query.starts_from is not None:
        conditions &= Q(by_appointment=False, opens__gte=query.starts_from)
    if query.ends_by is not None:
        conditions &= Q(by_appointment=False, closes__lte=query.ends_by)
    return conditions or None
