import datetime

import pytest

from directory import demo
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    DirectoryIndexPage,
    OpeningHours,
    OrganisationPage,
    Postcode,
    PostcodeDistrict,
    ServiceType,
)
from website.models import HomePage

# Real demo-area postcode centroids (OS Code-Point Open).
CHORLEY = ("PR7 1DP", 53.6530, -2.6320)
LEYLAND = ("PR25 1AA", 53.6960, -2.6950)
PRESTON = ("PR1 1AA", 53.7590, -2.7000)


@pytest.fixture
def directory(demo_site):
    """An empty directory under the demo home page, with the demo's services
    and features, and known postcodes to search by."""
    demo.taxonomies()
    index = DirectoryIndexPage(title="Find help near you", slug="find-help")
    HomePage.objects.get().add_child(instance=index)
    for postcode, lat, lng in (CHORLEY, LEYLAND, PRESTON):
        Postcode.objects.update_or_create(
            postcode=postcode,
            defaults={"district": postcode.split()[0], "latitude": lat, "longitude": lng},
        )
    PostcodeDistrict.objects.update_or_create(
        district="PR7", defaults={"latitude": 53.64, "longitude": -2.64}
    )
    return index


@pytest.fixture
def organisation(directory):
    organisation = OrganisationPage(title="Test Partner", slug="test-partner", summary="Helps.")
    directory.add_child(instance=organisation)
    return organisation


@pytest.fixture
def make_place(organisation):
    """Create a live access point; services and accessibility by slug."""

    def make(title, postcode=CHORLEY, services=(), access=(), hours=(), **fields):
        code, lat, lng = postcode
        fields.setdefault("summary", f"{title} summary")
        page = AccessPointPage(
            title=title,
            town="Chorley",
            postcode=code,
            latitude=lat,
            longitude=lng,
            **fields,
        )
        page.opening_hours = [
            OpeningHours(weekday=day, opens=datetime.time(*opens), closes=datetime.time(*closes))
            for day, opens, closes in hours
        ]
        # Parental many-to-many values go in with the page's one save (the
        # page indexes itself again once they are in: AccessPointPage.save).
        page.services = list(ServiceType.objects.filter(slug__in=services))
        page.accessibility = list(AccessibilityFeature.objects.filter(slug__in=access))
        organisation.add_child(instance=page)
        return page

    return make
