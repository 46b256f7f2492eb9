"""Directory search: from a parsed query to ranked, paginated listings.

Search runs in two steps so that a results page costs the same number of
queries however many listings match:

1. each listing source returns light `Hit`s (id, distance, rank) for
   everything that matches, from one or two narrow queries;
2. only the hits on the page being shown are loaded as full pages, with
   their related rows prefetched.

Listing types plug in as sources: access points are one; courses (issue 4)
join by adding a source to `SOURCES`, without changing this module."""

import dataclasses

from django.db import connection
from django.db.models import Q

from directory import geo
from directory.models import AccessPointPage, OpeningHours

MAX_TEXT_MATCHES = 1000


@dataclasses.dataclass(frozen=True)
class DirectoryQuery:
    text: str = ""
    location: geo.Location | None = None
    radius_miles: float | None = None
    services: tuple[str, ...] = ()
    accessibility: tuple[str, ...] = ()
    weekday: int | None = None
    open_now: bool = False
    free_only: bool = False


@dataclasses.dataclass(frozen=True)
class Hit:
    source: str
    pk: int
    title: str
    distance_miles: float | None = None
    rank: int = 0


@dataclasses.dataclass
class Result:
    """One listing as a results page shows it."""

    kind: str
    page: object
    distance_miles: float | None
    hours_today: str
    open_now: bool
    key_services: list

    @property
    def distance_text(self):
        if self.distance_miles is None:
            return ""
        if self.page.hide_address:
            return f"about {max(1, round(self.distance_miles))} miles"
        if self.distance_miles < 0.1:
            return "less than 0.1 miles"
        return f"{self.distance_miles:.1f} miles"


def _subset(pks_query):
    return Q(pk__in=pks_query)


class AccessPointSource:
    """Access points as search results."""

    name = "place"

    def matching(self, query, now):
        today = now.date()
        pages = (
            AccessPointPage.objects.live()
            .public()
            .filter(Q(show_from__isnull=True) | Q(show_from__lte=today))
            .filter(Q(show_until__isnull=True) | Q(show_until__gte=today))
        )
        through_services = AccessPointPage.services.through
        for slug in query.services:
            pages = pages.filter(
                _subset(
                    through_services.objects.filter(servicetype__slug=slug).values(
                        "accesspointpage_id"
                    )
                )
            )
        through_access = AccessPointPage.accessibility.through
        for slug in query.accessibility:
            pages = pages.filter(
                _subset(
                    through_access.objects.filter(accessibilityfeature__slug=slug).values(
                        "accesspointpage_id"
                    )
                )
            )
        if query.free_only:
            pages = pages.filter(cost=AccessPointPage.Cost.FREE)
        if query.weekday is not None:
            pages = pages.filter(
                _subset(OpeningHours.objects.filter(weekday=query.weekday).values("page_id"))
            )
        if query.open_now:
            moment = now.time()
            pages = pages.filter(temporarily_closed=False).filter(
                _subset(
                    OpeningHours.objects.filter(
                        weekday=now.weekday(),
                        by_appointment=False,
                        opens__lte=moment,
                        closes__gt=moment,
                    ).values("page_id")
                )
            )
        if query.location and query.radius_miles:
            min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
                query.location.latitude, query.location.longitude, query.radius_miles
            )
            pages = pages.filter(
                latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng)
            )
        return pages

    def hits(self, query, now):
        pages = self.matching(query, now)
        ranks = None
        if query.text:
            ranks = text_ranks(AccessPointPage, query.text)
            pages = pages.filter(pk__in=list(ranks))
        hits = []
        for pk, title, latitude, longitude in pages.values_list(
            "pk", "title", "latitude", "longitude"
        ):
            distance = None
            if query.location and latitude is not None:
                distance = geo.distance_miles(
                    query.location.latitude, query.location.longitude, latitude, longitude
                )
                if query.radius_miles and distance > query.radius_miles:
                    continue
            hits.append(Hit(self.name, pk, title, distance, ranks[pk] if ranks else 0))
        return hits

    def results(self, hits, query, now):
        pages = (
            AccessPointPage.objects.filter(pk__in=[hit.pk for hit in hits])
            .select_related("area", "area__parent")
            .prefetch_related("services", "accessibility", "opening_hours")
        )
        by_pk = {page.pk: page for page in pages}
        results = []
        for hit in hits:
            page = by_pk.get(hit.pk)
            if page is None:
                continue
            results.append(
                Result(
                    kind=self.name,
                    page=page,
                    distance_miles=hit.distance_miles,
                    hours_today=page.hours_on(now.weekday()),
                    open_now=page.is_open_at(now),
                    key_services=list(page.services.all())[:4],
                )
            )
        return results


SOURCES = [AccessPointSource()]


def text_ranks(model, text):
    """{pk: rank} for the best matches of `text` from Wagtail's search
    backend (PostgreSQL full text in production, the database backend on
    SQLite). Only PostgreSQL ranks by relevance: the SQLite backend scores
    relevance with a subquery per matching row, which took 26 s for a common
    word at 10,000 listings; there every match ranks equal and ties are
    broken by title."""
    ranked = connection.vendor == "postgresql"
    pages = model.objects.live().public().only("pk")
    matches = list(pages.search(text, order_by_relevance=ranked)[:MAX_TEXT_MATCHES])
    if not matches:
        # Word beginnings, so "tablet" finds "tablets" where the backend
        # does not stem (SQLite).
        matches = list(pages.autocomplete(text, order_by_relevance=ranked)[:MAX_TEXT_MATCHES])
    return {page.pk: (rank if ranked else 0) for rank, page in enumerate(matches)}


def order_hits(hits, query):
    if query.location:
        return sorted(hits, key=lambda hit: (hit.distance_miles, hit.title.lower()))
    if query.text:
        return sorted(hits, key=lambda hit: (hit.rank, hit.title.lower()))
    return sorted(hits, key=lambda hit: hit.title.lower())


def find_hits(query, now, sources=None):
    hits = []
    for source in sources or SOURCES:
        hits.extend(source.hits(query, now))
    return order_hits(hits, query)


def load_results(hits, query, now, sources=None):
    """Full results for one page of hits, in the hits' order."""
    by_source = {source.name: source for source in sources or SOURCES}
    loaded = {}
    for name, source in by_source.items():
        mine = [hit for hit in hits if hit.source == name]
        if mine:
            for result in source.results(mine, query, now):
                loaded[(name, result.page.pk)] = result
    return [loaded[key] for key in ((hit.source, hit.pk) for hit in hits) if key in loaded]
