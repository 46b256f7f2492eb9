"""Cached search hits: the same search is answered from the cache, and a
changed listing is found at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.search import DirectoryQuery, find_hits


def hit_titles(query):
    return [hit.title for hit in find_hits(query, timezone.localtime())]


def test_the_same_search_twice_asks_the_database_once(make_place):
    make_place("Chorley Library")
    query = DirectoryQuery(text="")
    first = hit_titles(query)
    with CaptureQueriesContext(connection) as queries:
        assert hit_titles(query) == first
    assert len(queries) == 0


def test_a_new_changed_or_unpublished_listing_shows_at_once(make_place):
    query = DirectoryQuery()
    library = make_place("Chorley Library")
    assert hit_titles(query) == ["Chorley Library"]

    make_place("Leyland Hub")
    assert hit_titles(query) == ["Chorley Library", "Leyland Hub"]

    library.title = "Astley Library"
    library.save_revision().publish()
    assert hit_titles(query) == ["Astley Library", "Leyland Hub"]

    library.unpublish()
    assert hit_titles(query) == ["Leyland Hub"]


def test_a_new_course_session_shows_at_once(make_place, organisation):
    from tests.factories.training import CoursePageFactory, SessionFactory

    query = DirectoryQuery(kinds=frozenset({"course"}))
    course = CoursePageFactory(parent=organisation, title="Email basics")
    assert hit_titles(query) == []  # no upcoming session yet
    SessionFactory(page=course, venue=make_place("Chorley Library"))
    assert hit_titles(query) == ["Email basics"]
