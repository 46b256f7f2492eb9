"""Search hits: which listings match, how far away, in the order shown.

A search at 10,000 listings finds thousands of hits, and they are cached
(search_cache.py), so what they cost to pickle and unpickle is paid on most
results pages. Twelve thousand named tuples took 34 ms to pickle and 9 ms to
unpickle (each one goes back through a Python `__new__`); the same values as
six plain lists take a few milliseconds either way. So a search's hits are
kept as a `HitList` of columns, and a `Hit` is made only for the hits that
are looked at one by one: the twenty on a page, or those an API call reads."""

import typing
from collections import Counter
from collections.abc import Sequence


class Hit(typing.NamedTuple):
    """A matching listing. `detail_pk` is the source's own: for a course,
    the session the result shows."""

    source: str
    pk: int
    title: str
    distance_miles: float | None = None
    rank: int = 0
    detail_pk: int | None = None


FIELDS = len(Hit._fields)


class HitList(Sequence):
    """Hits in order, held as one list per field of `Hit`.

    With `counts` ({source: (hits with a distance, hits without)}), it holds
    only the first of a search's hits (directory/search.py, `upto`) and
    counts all of them: its length is the number of hits in all, and only
    the first can be read."""

    def __init__(self, hits=(), counts=None):
        hits = list(hits)
        self.columns = [list(column) for column in zip(*hits, strict=True)] or [
            [] for _ in range(FIELDS)
        ]
        self.counts = counts

    def __len__(self):
        if self.counts is not None:
            return sum(sum(pair) for pair in self.counts.values())
        return len(self.columns[0])

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [
                Hit._make(row)
                for row in zip(*(column[index] for column in self.columns), strict=True)
            ]
        return Hit._make(column[index] for column in self.columns)

    def __iter__(self):
        return map(Hit._make, zip(*self.columns, strict=True))

    def count_by_source(self):
        """{source name: how many hits}, without making a Hit of each."""
        if self.counts is not None:
            return Counter({name: sum(pair) for name, pair in self.counts.items() if sum(pair)})
        return Counter(self.columns[0])

    def any_distance(self, present=True):
        """Whether any hit has a distance (or, with present=False, lacks one)."""
        if self.counts is not None:
            return any(pair[0 if present else 1] for pair in self.counts.values())
        distances = self.columns[3]
        if present:
            return any(distance is not None for distance in distances)
        return any(distance is None for distance in distances)
