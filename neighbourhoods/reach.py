"""Working out each area's reach (models/reach.py): the nearest access
point from its centre, overall and for each service type (places.py), and
the people from inside it (people.py).

`refresh()` works out every area of a set (or of every set) again: after
an import, from `manage.py refresh_reach` (daily, as places' dates come
and go and people are referred), in one transaction. `refresh_nearest()`
works out only the distances again and writes only the rows that changed:
when a place is published, changed, moved or withdrawn (receivers.py)."""

import json
import math

import numpy as np
import shapely
from django.db import transaction

from neighbourhoods.models import Area, AreaReach
from neighbourhoods.people import people_by_area
from neighbourhoods.places import place_index
from website import page_cache

BATCH = 2000


def centres_of(rows):
    """Grid points of (pk, easting, northing, ...) rows, made in one call."""
    if not rows:
        return []
    # Two columns taken in C: a Python tuple for each row took 0.2 s at 35,000.
    eastings = np.fromiter((row[1] for row in rows), dtype=float, count=len(rows))
    northings = np.fromiter((row[2] for row in rows), dtype=float, count=len(rows))
    return shapely.points(eastings, northings)


def nearest_fields(index, centres, services=None):
    """(service ids, rows): for each centre, (nearest place id, metres,
    entries), the entries aligned with the service ids, each
    '[place id,metres]' as the stored JSON writes it, or None where no
    place offers the service. `services`: only these (None: every one).
    Built column by column: 35,000 areas by a dozen services."""
    ids, metres = index.nearest(centres)
    found = sorted(index.nearest_by_service(centres, services).items())
    columns = [
        [
            None if place_id is None else f"[{place_id},{distance}]"
            for place_id, distance in zip(found_ids, found_metres, strict=True)
        ]
        for _, (found_ids, found_metres) in found
    ]
    entries = zip(*columns, strict=True) if columns else ((),) * len(ids)
    return [service for service, _ in found], list(zip(ids, metres, entries, strict=True))


def services_text(services, entries):
    """The stored JSON text: {"<service id>":[place id,metres],...}, in
    service order, leaving out services no place offers."""
    parts = [
        f'"{service}":{entry}'
        for service, entry in sorted(zip(services, entries, strict=True))
        if entry
    ]
    return "{" + ",".join(parts) + "}"


def merged(stored_text, services, entries):
    """The stored text with these services' entries replaced; the stored
    text itself (not decoded) when none of them changed."""
    if all(
        (f'"{service}":{entry}' in stored_text) if entry else (f'"{service}":[' not in stored_text)
        for service, entry in zip(services, entries, strict=True)
    ):
        return stored_text
    # [place id,metres] written back as nearest_fields writes it (a float's
    # repr is its JSON), without json.dumps for each number.
    kept = {
        int(service): f"[{place_id},{metres}]"
        for service, (place_id, metres) in json.loads(stored_text).items()
    }
    kept.update(zip(services, entries, strict=True))
    return services_text(list(kept), list(kept.values()))


def refresh(area_set=None):
    """Work out again the reach of every area of the set (None: all sets)."""
    areas = Area.objects.all() if area_set is None else Area.objects.filter(area_set=area_set)
    rows = list(areas.values_list("pk", "easting", "northing", "geometry"))
    area_ids = [row[0] for row in rows]
    services, nearest = nearest_fields(place_index(), centres_of(rows))
    shapes = shapely.from_geojson([row[3] for row in rows]) if rows else []
    people = people_by_area(area_ids, shapes)
    reaches = []
    for area_id, (place_id, metres, entries) in zip(area_ids, nearest, strict=True):
        found = people.get(area_id)
        reaches.append(
            AreaReach(
                area_id=area_id,
                nearest_place_id=place_id,
                nearest_metres=metres,
                nearest_by_service=services_text(services, entries),
                referrals=found.referrals if found else 0,
                bookings=found.bookings if found else 0,
                champions=found.champions if found else 0,
                barriers=dict(sorted(found.barriers.items())) if found else {},
            )
        )
    with transaction.atomic():
        for start in range(0, len(area_ids), BATCH):
            AreaReach.objects.filter(area_id__in=area_ids[start : start + BATCH]).delete()
        AreaReach.objects.bulk_create(reaches, batch_size=BATCH)
        transaction.on_commit(page_cache.content_changed)
    return len(reaches)


def refresh_nearest(place_ids=None):
    """Work out again every area's nearest places, writing only the rows
    that changed; areas with no reach yet get one (without people, until
    the next refresh). Given the places that changed, only the services
    they offer, or were the nearest for, are worked out again (the other
    services' nearest places cannot have moved), and only for the areas
    those places can have changed (areas_to_search). Returns how many rows
    changed."""
    # Each area with what is stored of its reach, in one query (the text is
    # never null in a row, so null means no row yet).
    rows = list(
        Area.objects.values_list(
            "pk",
            "easting",
            "northing",
            "reach__nearest_place_id",
            "reach__nearest_metres",
            "reach__nearest_by_service",
        )
    )
    stored = {row[0]: row[3:] for row in rows if row[5] is not None}
    index = place_index()
    touched = None
    if place_ids is not None:
        touched = touched_services(index, place_ids, stored)
        rows = [rows[i] for i in areas_to_search(rows, stored, index, set(place_ids), touched)]
    services, nearest = nearest_fields(index, centres_of(rows), touched)
    written = []
    for (area_id, *_), (place_id, metres, entries) in zip(rows, nearest, strict=True):
        old = stored.get(area_id)
        if old is None or touched is None:
            text = services_text(services, entries)
        else:
            text = merged(old[2], services, entries)
        if old is not None and tuple(old) == (place_id, metres, text):
            continue
        written.append(
            AreaReach(
                area_id=area_id,
                nearest_place_id=place_id,
                nearest_metres=metres,
                nearest_by_service=text,
            )
        )
    with transaction.atomic():
        # One upsert (INSERT ... ON CONFLICT DO UPDATE, on SQLite and
        # PostgreSQL) for new rows and changed ones, touching only the
        # nearest places: the counts of people stay as refresh() left them.
        # bulk_update's CASE WHEN for each row took 5 to 7 s on PostgreSQL
        # when one moved place was the nearest for 5,000 areas; this 0.1 s.
        AreaReach.objects.bulk_create(
            written,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["area"],
            update_fields=["nearest_place", "nearest_metres", "nearest_by_service"],
        )
        if written:
            transaction.on_commit(page_cache.content_changed)
    return len(written)


def areas_to_search(rows, stored, index, place_ids, services):
    """Indexes of the rows (areas) whose nearest places a change to these
    places can have moved: those with no reach yet, those whose nearest
    (overall or for a service) is one of them, and those one of them now
    stands as near to as their farthest stored nearest (overall and for the
    services given; no stored place for a service counts as infinitely
    far). Any other area keeps every nearest place it has, so the search
    need not look at it: at 35,000 areas, most of them."""
    marks = [f"[{pk}," for pk in place_ids]
    wanted = {str(service) for service in services}
    must = np.zeros(len(rows), dtype=bool)
    farthest = np.zeros(len(rows))
    for position, (area_id, *_) in enumerate(rows):
        old = stored.get(area_id)
        if old is None or old[0] in place_ids or any(mark in old[2] for mark in marks):
            must[position] = True
            continue
        entries = json.loads(old[2])
        metres = [math.inf if old[1] is None else old[1]]
        metres += [entries[key][1] if key in entries else math.inf for key in wanted]
        farthest[position] = max(metres)
    listed = np.isin(index.page_ids, list(place_ids))
    if listed.any():
        eastings = np.fromiter((row[1] for row in rows), dtype=float, count=len(rows))
        northings = np.fromiter((row[2] for row in rows), dtype=float, count=len(rows))
        points = index.tree.geometries[listed]
        for x, y in zip(shapely.get_x(points), shapely.get_y(points), strict=True):
            must |= np.hypot(eastings - x, northings - y) <= farthest
    return np.flatnonzero(must).tolist()


def touched_services(index, place_ids, stored):
    """Services the changed places offer now, or were the nearest for."""
    place_ids = set(place_ids)
    services = {
        service
        for service, (page_ids, _) in index.by_service.items()
        if place_ids.intersection(page_ids.tolist())
    }
    marks = [f"[{pk}," for pk in place_ids]
    for _, _, text in stored.values():
        if any(mark in text for mark in marks):
            services.update(
                int(service) for service, (pk, _) in json.loads(text).items() if pk in place_ids
            )
    return services
