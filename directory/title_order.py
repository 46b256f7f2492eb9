"""The first listings of a search with neither a postcode nor words, in
title order, worked out by the database.

Such a search (the directory's own page before anything is typed, or with
only filters) lists everything that matches by title. Reading every match
into Python to sort it took 94 ms at 10,000 listings on SQLite and 600 ms
at 100,000 on PostgreSQL whenever a publish had emptied the cache of hits.
Here the places' search rows are counted and ordered by the database, and
only the first of them read.

The order must be the one search.order_hits gives: the title as Python
lowers it (`str.lower`, which knows every alphabet), compared by code point.
Each search row holds that text (`sort_title`, directory/place_rows.py).
SQLite compares text by its bytes, which for UTF-8 is code point order;
PostgreSQL compares by the database's collation, so the order names the
"C" collation, which is byte order too."""

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate


def by_title():
    """The order of search rows that Python's title order gives."""
    if connection.vendor == "postgresql":
        return Collate(F("sort_title"), "C")
    return F("sort_title")


def first_by_title(rows, limit):
    """(how many rows, the first `limit` as (pk, title) in title order)."""
    first = list(rows.order_by(by_title(), "pk").values_list("pk", "title")[:limit])
    count = len(first) if len(first) < limit else rows.count()
    return count, first
