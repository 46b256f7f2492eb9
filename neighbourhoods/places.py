"""The access points an area is measured to: every place the directory
lists today (its search row, directory/models/place_rows.py, which holds the
point a search measures it from) that is not closed for now, on the
British National Grid, with a nearest-point index for all of them and one
for each service type (shapely's STRtree)."""

import dataclasses

import numpy as np
import shapely
from django.db.models import Q
from django.utils import timezone

from directory.models import PlaceRow
from neighbourhoods import grid


@dataclasses.dataclass
class PlaceIndex:
    page_ids: np.ndarray
    tree: shapely.STRtree | None
    # service type id: (page ids, tree)
    by_service: dict[int, tuple[np.ndarray, shapely.STRtree]]

    def nearest(self, centres):
        """(page id or None, metres or None) for each centre (grid points)."""
        return nearest_in(self.page_ids, self.tree, centres)

    def nearest_by_service(self, centres, services=None):
        """{service id: (page ids, metres)}, lists aligned with centres;
        `services`: only these (None: all). A service no place offers any
        more has no tree: it comes back with None for every centre."""
        wanted = self.by_service.keys() if services is None else services
        return {
            service: nearest_in(*self.by_service.get(service, (None, None)), centres)
            for service in wanted
        }


def open_places(today=None):
    today = today or timezone.localdate()
    return PlaceRow.objects.filter(
        Q(show_from__isnull=True) | Q(show_from__lte=today),
        Q(show_until__isnull=True) | Q(show_until__gte=today),
        temporarily_closed=False,
        latitude__isnull=False,
        longitude__isnull=False,
    ).values_list("page_id", "latitude", "longitude", "service_ids")


def place_index(today=None):
    rows = list(open_places(today))
    if not rows:
        return PlaceIndex(np.array([], dtype=np.int64), None, {})
    page_ids = np.array([row[0] for row in rows], dtype=np.int64)
    eastings, northings = grid.wgs84_to_grid([row[2] for row in rows], [row[1] for row in rows])
    points = shapely.points(eastings, northings)
    members = {}
    for index, row in enumerate(rows):
        for service in filter(None, row[3].split(",")):
            members.setdefault(int(service), []).append(index)
    by_service = {
        service: (page_ids[indexes], shapely.STRtree(points[indexes]))
        for service, indexes in members.items()
    }
    return PlaceIndex(page_ids, shapely.STRtree(points), by_service)


def nearest_in(page_ids, tree, centres):
    """(page ids, metres) lists aligned with the centres (None without a
    place); one nearest each, worked out for all the centres at once."""
    count = len(centres)
    if tree is None or not count:
        return [None] * count, [None] * count
    pairs, distances = tree.query_nearest(centres, return_distance=True, all_matches=False)
    order = np.argsort(pairs[0], kind="stable")
    found = np.full(count, -1, dtype=np.int64)
    metres = np.full(count, np.nan)
    found[pairs[0][order]] = page_ids[pairs[1][order]]
    metres[pairs[0][order]] = np.round(distances[order], 1)
    return (
        [None if pk < 0 else pk for pk in found.tolist()],
        [None if m != m else m for m in metres.tolist()],  # NaN: no place
    )
