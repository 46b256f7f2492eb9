import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from directory import demo
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    DirectoryIndexPage,
    OpeningHours,
    OrganisationPage,
    Postcode,
    ServiceType,
)
from directory.permissions import coordinators_group
from website.models import HomePage

CHORLEY = ("PR7 1DP", 53.6530, -2.6320)
LEYLAND = ("PR25 1AA", 53.6960, -2.6950)


@pytest.fixture(autouse=True)
def fresh_cache():
    """The flood limit counts in the cache: start every test at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory(demo_site):
    demo.taxonomies()
    index = DirectoryIndexPage(title="Find help near you", slug="find-help")
    HomePage.objects.get().add_child(instance=index)
    for postcode, lat, lng in (CHORLEY, LEYLAND):
        Postcode.objects.update_or_create(
            postcode=postcode,
            defaults={"district": postcode.split()[0], "latitude": lat, "longitude": lng},
        )
    return index


def add_organisation(directory, title):
    organisation = OrganisationPage(title=title, slug=title.lower().replace(" ", "-"), summary=".")
    directory.add_child(instance=organisation)
    return OrganisationPage.objects.get(pk=organisation.pk)


def add_place(organisation, title, postcode=CHORLEY, services=(), access=(), **fields):
    code, lat, lng = postcode
    page = AccessPointPage(
        title=title,
        summary=f"{title} summary",
        town="Chorley",
        postcode=code,
        latitude=lat,
        longitude=lng,
        phone="01632 960 001",
        address_line_1="1 Market Street",
        **fields,
    )
    page.opening_hours = [
        OpeningHours(weekday=day, opens=datetime.time(10), closes=datetime.time(13))
        for day in (1, 3)
    ]
    organisation.add_child(instance=page)
    page.services.set(ServiceType.objects.filter(slug__in=services))
    page.accessibility.set(AccessibilityFeature.objects.filter(slug__in=access))
    page.save()
    return page


@pytest.fixture
def partner_a(directory):
    return add_organisation(directory, "Partner A")


@pytest.fixture
def partner_b(directory):
    return add_organisation(directory, "Partner B")


@pytest.fixture
def lender(partner_a):
    return add_place(
        partner_a,
        "Chorley Device Library",
        services=["device-loans", "drop-in"],
        access=["step-free"],
        lends_devices=True,
        devices_in_stock=3,
    )


@pytest.fixture
def leyland_drop_in(partner_b):
    return add_place(partner_b, "Leyland Drop-in", postcode=LEYLAND, services=["drop-in"])


def make_user(username, group=None, **fields):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pass-word-123", **fields
    )
    if group is not None:
        user.groups.add(group)
    return user


@pytest.fixture
def staff_a(partner_a):
    return make_user("staff-a", partner_a.editors_group)


@pytest.fixture
def staff_b(partner_b):
    return make_user("staff-b", partner_b.editors_group)


@pytest.fixture
def coordinator(directory):
    return make_user("coordinator", coordinators_group())


@pytest.fixture
def referrer_ready(client, lender, leyland_drop_in, staff_a, coordinator):
    """A client ready to refer: places, partner staff and a coordinator."""
    return client
