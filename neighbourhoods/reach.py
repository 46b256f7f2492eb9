"""Working out each area's reach (models/reach.py): the nearest access
point from its centre, overall and for each service type (places.py), and
the people from inside it (people.py).

`refresh()` works out every area of a set (or of every set) again: after
an import, from `manage.py refresh_reach` (daily, as places' dates come
and go and people are referred), in one transaction. `refresh_nearest()`
works out only the distances again and writes only the rows that changed:
when a place is published, changed, moved or withdrawn (receivers.py)."""

import shapely
from django.db import transaction

from neighbourhoods.models import Area, AreaReach
from neighbourhoods.people import people_by_area
from neighbourhoods.places import place_index
from website import page_cache

BATCH = 2000


def centres_of(rows):
    return shapely.points([(row[1], row[2]) for row in rows]) if rows else []


def nearest_fields(index, centres):
    """For each centre: (nearest place id, metres, {service: [id, metres]})."""
    ids, metres = index.nearest(centres)
    by_service = index.nearest_by_service(centres)
    result = []
    for position in range(len(ids)):
        services = {
            str(service): [found_ids[position], found_metres[position]]
            for service, (found_ids, found_metres) in sorted(by_service.items())
            if found_ids[position] is not None
        }
        result.append((ids[position], metres[position], services))
    return result


def refresh(area_set=None):
    """Work out again the reach of every area of the set (None: all sets)."""
    areas = Area.objects.all() if area_set is None else Area.objects.filter(area_set=area_set)
    rows = list(areas.values_list("pk", "easting", "northing", "geometry"))
    area_ids = [row[0] for row in rows]
    nearest = nearest_fields(place_index(), centres_of(rows))
    shapes = shapely.from_geojson([row[3] for row in rows]) if rows else []
    people = people_by_area(area_ids, shapes)
    reaches = []
    for area_id, (place_id, metres, services) in zip(area_ids, nearest, strict=True):
        found = people.get(area_id)
        reaches.append(
            AreaReach(
                area_id=area_id,
                nearest_place_id=place_id,
                nearest_metres=metres,
                nearest_by_service=services,
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


def refresh_nearest():
    """Work out again every area's nearest places, writing only the rows
    that changed; areas with no reach yet get one (without people, until
    the next refresh). Returns how many rows changed."""
    rows = list(Area.objects.values_list("pk", "easting", "northing"))
    nearest = nearest_fields(place_index(), centres_of(rows))
    stored = {
        row[0]: row[1:]
        for row in AreaReach.objects.values_list(
            "area_id", "nearest_place_id", "nearest_metres", "nearest_by_service"
        )
    }
    changed, new = [], []
    for (area_id, *_), (place_id, metres, services) in zip(rows, nearest, strict=True):
        old = stored.get(area_id)
        if old is not None and tuple(old) == (place_id, metres, services):
            continue
        reach = AreaReach(
            area_id=area_id,
            nearest_place_id=place_id,
            nearest_metres=metres,
            nearest_by_service=services,
        )
        (changed if old is not None else new).append(reach)
    with transaction.atomic():
        AreaReach.objects.bulk_create(new, batch_size=BATCH)
        AreaReach.objects.bulk_update(
            changed,
            ["nearest_place_id", "nearest_metres", "nearest_by_service"],
            batch_size=BATCH,
        )
        if changed or new:
            transaction.on_commit(page_cache.content_changed)
    return len(changed) + len(new)
