"""Cached search hits: the same search is answered from the cache, and a
changed listing is found at once."""

import re

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


def ticked(html, name, value):
    """Whether the filter checkbox for this value is ticked."""
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' in tag and f'value="{value}"' in tag:
            return "checked" in tag
    raise AssertionError(f"No {name} filter for {value}")


def test_the_filters_show_what_this_search_chose_not_the_last_one(client, make_place):
    make_place("Chorley Library", services=["free-wifi"])
    ticked_first = client.get("/find-help/", {"service": "free-wifi"}).content.decode()
    then_none = client.get("/find-help/").content.decode()
    then_other = client.get("/find-help/", {"service": "printing"}).content.decode()

    assert ticked(ticked_first, "service", "free-wifi")
    assert not ticked(then_none, "service", "free-wifi")
    assert not ticked(then_other, "service", "free-wifi")
    assert ticked(then_other, "service", "printing")


def test_a_renamed_service_shows_its_new_name_in_the_filters_at_once(client, make_place):
    from directory.models import ServiceType

    make_place("Chorley Library", services=["free-wifi"])
    assert "Free wifi" in client.get("/find-help/").content.decode()
    service = ServiceType.objects.get(slug="free-wifi")
    service.name = "Free Wi-Fi internet"
    service.save()
    assert "Free Wi-Fi internet" in client.get("/find-help/").content.decode()
