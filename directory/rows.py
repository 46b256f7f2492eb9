"""Rows straight from the database cursor, for the search's light hits.

A search that matches thousands of listings reads a few columns of each.
`values_list()` runs every value through Django's converters (a boolean, a
float and a date on SQLite each cost a Python call), which took as long as
the query itself at 10,000 listings. `plain_rows` runs the queryset's own
SQL, built and escaped by the ORM, and returns the cursor's tuples as they
are: booleans may come as 0 and 1 (SQLite) and dates as text, so callers
read only ids, text, numbers and truth from them."""

from django.core.exceptions import EmptyResultSet
from django.db import connections


def plain_rows(queryset):
    """The rows of a `values_list()` queryset, unconverted."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # filtered on an empty list: no query to run
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
