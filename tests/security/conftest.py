"""Hypothesis settings for the hostile-input tests: a bounded number of
examples each, no deadline (a request's time varies on a shared machine),
and under CI the same examples every run (derandomised), so a red build
is never a matter of luck. Locally each run tries new examples; set
HYPOTHESIS_PROFILE=ci to repeat CI's, or thorough to try ten times as many."""

import os

import pytest
from hypothesis import HealthCheck, settings

from directory import demo
from directory.models import DirectoryIndexPage, Postcode
from tests.factories.directory import AccessPointPageFactory, OrganisationPageFactory
from tests.factories.training import CoursePageFactory, SessionFactory
from website.models import HomePage

COMMON = {
    "max_examples": 30,
    "deadline": None,
    # Examples share the test's database and client; nothing is kept
    # between runs (no .hypothesis folder in the project).
    "database": None,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
}
settings.register_profile("ci", derandomize=True, **COMMON)
settings.register_profile("dev", derandomize=False, **COMMON)
# For a hunt by hand: HYPOTHESIS_PROFILE=thorough (a few minutes per form).
settings.register_profile("thorough", parent=settings.get_profile("dev"), max_examples=300)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture
def public_world(demo_site):
    """A listing, a course with a session, and a known postcode: something
    for each public form to be about."""
    demo.taxonomies()
    index = DirectoryIndexPage(title="Find help near you", slug="find-help")
    HomePage.objects.get().add_child(instance=index)
    Postcode.objects.update_or_create(
        postcode="PR7 1DP", defaults={"district": "PR7", "latitude": 53.653, "longitude": -2.632}
    )
    organisation = OrganisationPageFactory(parent=index, title="Chorley Digital")
    listing = AccessPointPageFactory(parent=organisation, title="Chorley Library")
    course = CoursePageFactory(parent=organisation, title="Email for beginners")
    session = SessionFactory(page=course, venue=listing, capacity=500)
    return {
        "index": index,
        "organisation": organisation,
        "listing": listing,
        "course": course,
        "session": session,
    }
