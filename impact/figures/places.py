"""Access points open during the period, by area and by service."""

from django.db.models import Count, Q

from directory.models import AccessPointPage

from .tables import counted

NO_AREA = "No area given"


def places_in(period):
    """Live, public access points first published before the end of the
    period (pages made by a script may have no publication date: they
    count) whose show-from and show-until dates overlap it. A listing
    unpublished since is not counted: the site keeps no history of what was
    live when."""
    _start, after = period.moments()
    return (
        AccessPointPage.objects.live()
        .public()
        .filter(Q(first_published_at__isnull=True) | Q(first_published_at__lt=after))
        .filter(Q(show_from__isnull=True) | Q(show_from__lte=period.end))
        .filter(Q(show_until__isnull=True) | Q(show_until__gte=period.start))
    )


def area_label(name, borough):
    if not name:
        return NO_AREA
    return f"{name}, {borough}" if borough else name


def by_area(places):
    rows = (
        places.order_by()
        .values("area__name", "area__parent__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "area__name")
    )
    return counted(
        "access-points-by-area",
        "Access points by area",
        "Area",
        "Access points",
        [(area_label(row["area__name"], row["area__parent__name"]), row["count"]) for row in rows],
        about_people=False,
        partition=True,
    )


def by_service(places):
    through = AccessPointPage.services.through
    rows = (
        through.objects.filter(accesspointpage_id__in=places.values("pk"))
        .values("servicetype__name")
        # Each (place, service) link is unique, and so is each service's
        # name: a plain count is a count of places, without sorting them.
        .annotate(count=Count("accesspointpage_id"))
        .order_by("-count", "servicetype__name")
    )
    return counted(
        "access-points-by-service",
        "Access points by service",
        "Service",
        "Access points offering it",
        [(row["servicetype__name"], row["count"]) for row in rows],
        about_people=False,
        description="A place offering several services is counted under each.",
    )


def tables(period):
    places = places_in(period)
    return [by_area(places), by_service(places)]
