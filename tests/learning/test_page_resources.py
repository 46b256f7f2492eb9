"""Course and access point pages show learning-at-home resources for their
skill areas (learning/page_resources.py): a course's own areas, its level
first; a place's from the courses held there and the services it offers.
A fixed number of queries, and a changed resource shows at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.models import ServiceType
from tests.factories.learning import LearningResourceFactory


def page_html(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def resources(skill_areas):
    def make(title, slug, level="beginner", **fields):
        return LearningResourceFactory(
            title=title, skill_areas=[skill_areas[slug]], level=level, **fields
        )

    return {
        "payments": make("Paying bills online", "transacting", level="intermediate"),
        "shopping": make("Shopping safely", "transacting", level="first_steps", minutes=60),
        "email": make("Sending an email", "communicating"),
        "wifi": make("Getting on wifi", "foundation"),
        "scams": make("Spotting scams", "safe-and-legal"),
        "dead": make("Old banking guide", "transacting", link_failures=2),
    }


def test_a_course_page_shows_resources_for_its_areas_its_level_first(
    transacting_courses, resources
):
    course = transacting_courses["Advanced online banking"]
    course.level = "intermediate"
    course.save_revision().publish()

    html = page_html(course.url)

    assert "Learn at home" in html
    assert "Free or low-cost learning on other websites, for this skill area: Transacting." in html
    assert html.index("Paying bills online") < html.index("Shopping safely")
    for elsewhere in ("Sending an email", "Getting on wifi", "Old banking guide"):
        assert elsewhere not in html
    assert f'href="/learn-at-home/go/{resources["payments"].pk}/"' in html
    assert 'href="/learn-at-home/?area=transacting"' in html


def test_a_place_shows_resources_for_its_courses_and_services(
    places, transacting_courses, resources
):
    _organisation, chorley, _preston = places
    computers = ServiceType.objects.create(name="Computers to use", slug="public-computers")
    chorley.services.set([computers])
    chorley.save_revision().publish()

    html = page_html(chorley.url)

    # Courses on transacting are held here; computers to use suit foundation skills.
    assert "for these skill areas: Foundation skills, Transacting." in html
    for shown in ("Paying bills online", "Shopping safely", "Getting on wifi"):
        assert shown in html
    for not_shown in ("Sending an email", "Spotting scams", "Old banking guide"):
        assert not_shown not in html
    # Easier levels first.
    assert html.index("Shopping safely") < html.index("Paying bills online")


def test_a_place_with_no_courses_or_matching_services_has_no_section(places, resources):
    _organisation, chorley, _preston = places
    assert "Learn at home" not in page_html(chorley.url)


def test_at_most_four_are_shown(transacting_courses, skill_areas):
    for n in range(6):
        LearningResourceFactory(title=f"Banking {n}", skill_areas=[skill_areas["transacting"]])
    html = page_html(transacting_courses["Advanced online banking"].url)
    assert sum(f"Banking {n}" in html for n in range(6)) == 4


def count_queries(url):
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_resources(settings, places, transacting_courses, skill_areas):
    settings.PAGE_CACHE_SECONDS = 0  # count the page's own queries every time
    _organisation, chorley, _preston = places
    course = transacting_courses["Paying safely online in Chorley"]
    LearningResourceFactory(skill_areas=[skill_areas["transacting"]])
    before = count_queries(course.url), count_queries(chorley.url)

    for slug in ("transacting", "foundation", "communicating"):
        LearningResourceFactory.create_batch(
            3, skill_areas=[skill_areas[slug], skill_areas["transacting"]]
        )
    chorley.services.set([ServiceType.objects.create(name="Drop-in help", slug="drop-in")])
    chorley.save_revision().publish()

    assert (count_queries(course.url), count_queries(chorley.url)) == before


def test_a_changed_resource_shows_at_once_on_cached_pages(places, transacting_courses, resources):
    _organisation, chorley, _preston = places
    course = transacting_courses["Advanced online banking"]
    page_html(course.url)
    page_html(chorley.url)
    assert Client().get(course.url)["X-Page-Cache"] == "hit"

    resources["payments"].title = "Paying bills online, step by step"
    resources["payments"].save()
    resources["shopping"].link_failures = 2  # hidden by the link check
    resources["shopping"].save()

    for url in (course.url, chorley.url):
        html = page_html(url)
        assert "Paying bills online, step by step" in html
        assert "Shopping safely" not in html
