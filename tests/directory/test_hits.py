"""A search's hits as the cache keeps them: the same hits, in the same
order, after a round trip, whichever way they are read."""

from django.core.cache import cache

from directory.hits import Hit, HitList

HITS = [
    Hit("place", 3, "Chorley Library", 0.4),
    Hit("course", 7, "Email basics", None, 0, detail_pk=70),
    Hit("place", 1, "Adlington Hub", 2.5, rank=1),
]


def test_hits_come_back_from_the_cache_as_they_went_in():
    cache.set("test-hits", HitList(HITS))
    kept = cache.get("test-hits")

    assert list(kept) == HITS
    assert len(kept) == 3
    assert kept[1].detail_pk == 70 and kept[-1].title == "Adlington Hub"
    assert kept[1:] == HITS[1:]
    assert kept.count_by_source() == {"place": 2, "course": 1}
    assert kept.any_distance() and kept.any_distance(present=False)


def test_no_hits():
    empty = HitList([])

    assert len(empty) == 0 and list(empty) == [] and empty[0:20] == []
    assert not empty.any_distance() and not empty.any_distance(present=False)
    assert empty.count_by_source() == {}
