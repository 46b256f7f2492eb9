"""Writing postcodes and district centroids to the database, for the
`load_postcodes` and `import_postcodes` commands.

Rows are upserted (INSERT ... ON CONFLICT DO UPDATE on both SQLite and
PostgreSQL), so loading the same data twice changes nothing and a newer release
updates the postcodes that moved. Batches of a few thousand rows, each in its
own transaction, keep memory flat over Great Britain's 1.7 million postcodes
and leave the table consistent if an import is interrupted.
"""

from collections.abc import Iterable
from itertools import islice

from django.db import transaction

from directory import place_rows, search_cache
from directory.models import Postcode, PostcodeDistrict

BATCH_SIZE = 5000


def _upsert(model, rows: Iterable[tuple], fields: list[str]) -> int:
    key, *values = fields
    count = 0
    rows = iter(rows)
    while batch := list(islice(rows, BATCH_SIZE)):
        # Keyed by primary key: PostgreSQL refuses an upsert that touches the
        # same row twice, so a repeated postcode keeps its last values.
        objects = {row[0]: model(**dict(zip(fields, row, strict=True))) for row in batch}
        with transaction.atomic():
            model.objects.bulk_create(
                objects.values(),
                update_conflicts=True,
                unique_fields=[key],
                update_fields=values,
            )
        count += len(objects)
    return count


def store_postcodes(rows: Iterable[tuple[str, str, float, float]]) -> int:
    """Upsert (postcode, district, latitude, longitude) rows; returns how many."""
    return _upsert(Postcode, rows, ["postcode", "district", "latitude", "longitude"])


def store_districts(rows: Iterable[tuple[str, float, float]]) -> int:
    """Upsert (district, latitude, longitude) rows; returns how many. Places
    with a hidden address are measured from these centres, so their search
    rows are worked out again (directory/place_rows.py) and cached searches
    forgotten."""
    stored = _upsert(PostcodeDistrict, rows, ["district", "latitude", "longitude"])
    place_rows.refresh_hidden()
    search_cache.invalidate()
    return stored
