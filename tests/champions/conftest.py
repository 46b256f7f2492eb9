"""Two host organisations, each with a member of staff, and a coordinator:
the cast of every permission test."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from directory.models import DirectoryIndexPage, OrganisationPage, Postcode
from directory.permissions import coordinators_group
from tests.factories import ChampionFactory
from website.models import HomePage


@pytest.fixture(autouse=True)
def _fresh_flood_counters():
    """The sign-up limit counts in the cache, which outlives one test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(demo_site):
    index = DirectoryIndexPage(title="Find help near you", slug="find-help")
    HomePage.objects.get().add_child(instance=index)
    Postcode.objects.update_or_create(
        postcode="PR7 1DP", defaults={"district": "PR7", "latitude": 53.653, "longitude": -2.632}
    )
    return index


def add_organisation(directory, title):
    page = OrganisationPage(title=title, slug=title.lower().replace(" ", "-"), summary="Helps.")
    directory.add_child(instance=page)
    return OrganisationPage.objects.get(pk=page.pk)


def make_user(username, *groups, email=""):
    user = get_user_model().objects.create_user(
        username, email=email or f"{username}@example.org", password="pw"
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def cast(directory):
    """host_a and host_b with their staff, a coordinator, and a champion at
    each host."""
    host_a = add_organisation(directory, "Host A")
    host_b = add_organisation(directory, "Host B")
    return SimpleNamespace(
        host_a=host_a,
        host_b=host_b,
        staff_a=make_user("staff_a", host_a.editors_group),
        staff_b=make_user("staff_b", host_b.editors_group),
        coordinator=make_user("coordinator", coordinators_group()),
        champion_a=ChampionFactory(name="Alice Able", host=host_a, status="screening"),
        champion_b=ChampionFactory(name="Bob Baker", host=host_b, status="screening"),
    )
