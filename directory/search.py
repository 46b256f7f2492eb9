"""Directory search: from a parsed query to ranked, paginated listings.

Search runs in two steps so that a results page costs the same number of
queries however many listings match:

1. each listing source returns light `Hit`s (id, distance, rank) for
   everything that matches, from one or two narrow queries;
2. only the hits on the page being shown are loaded as full pages, with
   their related rows prefetched.

Listing types plug in as sources: access points are one, defined here (what
a results card shows of a place is in results.py; the sentences about the
results in search_texts.py).
Another app adds its own with `register()` from its AppConfig.ready()
(training adds courses that way), so this module never imports the apps
that plug into it and works the same when they are not installed."""

import dataclasses
import datetime

from django.db import connection
from django.db.models import Prefetch, Q

from directory import geo, search_cache
from directory.hits import Hit, HitList
from directory.hours import DAY_NAMES
from directory.models import AccessPointPage, OpeningHours, ServiceType
from directory.nearest import MAX_MILES, nearest
from directory.place_filters import matching_rows, shared_conditions
from directory.results import CARD_FIELDS, Result, services_shown
from directory.rows import plain_rows
from directory.title_order import first_by_title
from website.forms import search_words

MAX_TEXT_MATCHES = 1000


# Filters that describe one kind of listing only (by source name). The rest
# (words, postcode, day, accessibility, free) apply to every kind.
ONLY_FOR = {
    "place": ("services", "open_now"),
    "course": ("skill_areas", "levels", "formats", "starts_within_days"),
}


@dataclasses.dataclass(frozen=True)
class DirectoryQuery:
    """What a resident asked for, as plain values. `kinds` holds the source
    names the listing-type filter allows (empty: every kind)."""

    text: str = ""
    location: geo.Location | None = None
    radius_miles: float | None = None
    kinds: frozenset[str] = frozenset()
    services: tuple[str, ...] = ()
    accessibility: tuple[str, ...] = ()
    weekday: int | None = None
    # Times of day (UK time), for the open-data API's start_time and
    # end_time: an opening or a session that starts at or after
    # `starts_from` and ends by `ends_by` (on `weekday`, when given).
    starts_from: datetime.time | None = None
    ends_by: datetime.time | None = None
    open_now: bool = False
    free_only: bool = False
    skill_areas: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    starts_within_days: int | None = None

    def allows(self, kind):
        return not self.kinds or kind in self.kinds

    def narrows_to(self, kind):
        """Whether a filter that only this kind of listing has is chosen."""
        return any(getattr(self, name) for name in ONLY_FOR.get(kind, ()))

    def shows(self, kind):
        """Whether listings of this kind are searched at all. A filter that
        only one kind has says which kind the resident wants: someone who
        ticks "free wifi" wants places, someone who picks "beginner" wants
        courses. So, among the kinds the listing-type filter allows, a kind
        is left out when filters only other kinds have are chosen and none
        of its own; with filters of both kinds, each kind is filtered by its
        own and both are shown."""
        if not self.allows(kind):
            return False
        if self.narrows_to(kind):
            return True
        others = [other for other in ONLY_FOR if other != kind and self.allows(other)]
        return not any(self.narrows_to(other) for other in others)


def _subset(pks_query):
    return Q(pk__in=pks_query)


class AccessPointSource:
    """Access points as search results."""

    name = "place"
    plural = "places"

    def matching(self, query, now):
        pages = AccessPointPage.objects.live().public().filter(*shared_conditions(query, now))
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
        if query.location and query.radius_miles:
            min_lat, max_lat, min_lng, max_lng = geo.bounding_box(
                query.location.latitude, query.location.longitude, query.radius_miles
            )
            # Hidden addresses are measured from their district (hits below).
            pages = pages.filter(
                Q(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng))
                | Q(hide_address=True)
            )
        return pages

    def _searched(self, query, now):
        """(matching pages, {pk: rank} or None): the filters, and the words."""
        pages = self.matching(query, now).order_by()
        ranks = None
        if query.text:
            ranks = text_ranks(AccessPointPage, query.text)
            pages = pages.filter(pk__in=list(ranks))
        return pages, ranks

    def hits(self, query, now):
        pages, ranks = self._searched(query, now)
        if not query.location:
            return [
                Hit(self.name, pk, title, None, ranks[pk] if ranks else 0)
                for pk, title in plain_rows(pages.values_list("pk", "title"))
            ]
        rows = plain_rows(
            pages.values_list("pk", "title", "latitude", "longitude", "hide_address", "postcode")
        )
        return self._measured(rows, query, ranks)

    def _measured(self, rows, query, ranks):
        """Hits for these rows (pk, title, latitude, longitude, hide_address,
        postcode), each measured in Python from the postcode (a hidden
        address from its district's centre), those out of reach left out."""
        hidden = [postcode for *_, hide, postcode in rows if hide]
        districts = geo.district_centres(hidden) if hidden else {}
        origin = (query.location.latitude, query.location.longitude)
        hits = []
        for pk, title, latitude, longitude, hide, postcode in rows:
            if hide:
                latitude, longitude = geo.measured_point(
                    latitude, longitude, hide, postcode, districts
                )
            distance = None
            if latitude is not None:
                distance = geo.distance_miles(*origin, latitude, longitude)
                if query.radius_miles and distance > query.radius_miles:
                    continue
            elif query.radius_miles:
                continue  # nowhere to measure from: not known to be in reach
            hits.append(Hit(self.name, pk, title, distance, ranks[pk] if ranks else 0))
        return hits

    def nearest(self, query, now, limit):
        """((how many match, how many lack a distance: none), their first
        `limit` hits in the search's order) for a search within a radius:
        the database orders and counts the places' search rows
        (directory/models/place_rows.py), each holding the point it is
        measured from (see directory/nearest.py)."""
        ranks = text_ranks(AccessPointPage, query.text) if query.text else None
        rows = matching_rows(query, now, ranks)
        count, first = nearest(rows, query.location, query.radius_miles, limit)
        hits = [
            Hit(self.name, pk, title, miles, ranks[pk] if ranks else 0)
            for pk, title, miles in first
        ]
        return (count, 0), hits

    def first(self, query, now, limit):
        """((none with a distance, how many match), their first `limit`
        hits by title) for a search with neither a postcode nor words: the
        database counts and orders the places' search rows
        (directory/title_order.py)."""
        count, first = first_by_title(matching_rows(query, now), limit)
        return (0, count), [Hit(self.name, pk, title, None, 0) for pk, title in first]

    def results(self, hits, query, now):
        day = now.weekday() if query.weekday is None else query.weekday
        label = "Today" if day == now.weekday() else DAY_NAMES[day]
        # A card shows the hours of one day and whether the place is open now:
        # only those days' openings are read (a place open every day has a
        # dozen rows a week).
        days = {day, now.weekday()}
        pages = (
            AccessPointPage.objects.filter(pk__in=[hit.pk for hit in hits])
            .only(*CARD_FIELDS)
            .select_related("area", "area__parent")
            .prefetch_related(
                Prefetch("services", queryset=ServiceType.objects.only("name", "slug")),
                Prefetch("opening_hours", queryset=OpeningHours.objects.filter(weekday__in=days)),
            )
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
                    hours_today=page.hours_on(day),
                    open_now=label == "Today" and page.is_open_at(now),
                    key_services=services_shown(page.services.all(), query.services),
                    hours_label=label,
                )
            )
        return results


SOURCES = [AccessPointSource()]


def register(source):
    """Add a listing source, or replace the one of the same name. Sources are
    searched, and listed at equal distances, in the order registered."""
    SOURCES[:] = [known for known in SOURCES if known.name != source.name] + [source]


def source_named(name, sources=None):
    return next((source for source in sources or SOURCES if source.name == name), None)


def text_ranks(model, text):
    """{pk: rank} for the best matches of `text` from Wagtail's search
    backend (PostgreSQL full text in production, the database backend on
    SQLite). Only PostgreSQL ranks by relevance: the SQLite backend scores
    relevance with a subquery per matching row, which took 26 s for a common
    word at 10,000 listings; there every match ranks equal and ties are
    broken by title."""
    ranked = connection.vendor == "postgresql"
    text = search_words(text)  # whoever calls: the form, the API
    pages = model.objects.live().public().only("pk")
    matches = list(pages.search(text, order_by_relevance=ranked)[:MAX_TEXT_MATCHES])
    if not matches:
        # Word beginnings, so "tablet" finds "tablets" where the backend
        # does not stem (SQLite).
        matches = list(pages.autocomplete(text, order_by_relevance=ranked)[:MAX_TEXT_MATCHES])
    return {page.pk: (rank if ranked else 0) for rank, page in enumerate(matches)}


def order_hits(hits, query, source_order=()):
    """Nearest first with a postcode: listings with no distance (online
    courses, reachable from anywhere) after everything in reach, and at the
    same distance (a course at a listed place) earlier sources first. Else by
    relevance when there are words, else by title."""
    position = {name: number for number, name in enumerate(source_order)}

    def title(hit):
        # Then source and pk, so that listings with the same title keep one
        # order from one search to the next (pages of results, API pages).
        return (hit.title.lower(), hit.source, hit.pk)

    def nearest(hit):
        no_distance = hit.distance_miles is None
        return (no_distance, hit.distance_miles or 0, position.get(hit.source, 0), title(hit))

    if query.location:
        return sorted(hits, key=nearest)
    if query.text:
        return sorted(hits, key=lambda hit: (hit.rank, title(hit)))
    return sorted(hits, key=title)


def find_hits(query, now, sources=None, upto=None):
    """Every matching listing, in the order shown (cached for a few
    minutes, see search_cache.py). With `upto`, a search within a radius,
    or one with neither a postcode nor words, holds only its first `upto`
    hits, and how many there are in all: what a results page needs (see
    directory/nearest.py and directory/title_order.py)."""
    sources = sources or SOURCES
    names = [source.name for source in sources]
    within = query.location and query.radius_miles and query.radius_miles <= MAX_MILES
    by_title = not (query.location or query.text)
    if not (within or by_title):
        upto = None
    bounded = "nearest" if within else "first"

    def find():
        hits, counts = [], {}
        for source in sources:
            if not query.shows(source.name):
                continue
            if upto and hasattr(source, bounded):
                # ((how many with a distance, how many without), the first
                # `upto` of them, or more).
                counts[source.name], found = getattr(source, bounded)(query, now, upto)
            else:
                found = source.hits(query, now)
                without = sum(hit.distance_miles is None for hit in found)
                counts[source.name] = (len(found) - without, without)
            hits.extend(found)
        ordered = order_hits(hits, query, names)
        if upto is None:
            return HitList(ordered)
        return HitList(ordered[:upto], counts=counts)

    return search_cache.cached_hits(query, now, sources, find, upto=upto)


def shown_sources(query, sources=None):
    return [source for source in sources or SOURCES if query.shows(source.name)]


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
