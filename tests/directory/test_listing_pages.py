"""Organisation and access-point pages, as a resident on a phone reads them."""

import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from directory.models import (
    AccessPointPage,
    DirectoryIndexPage,
    OpeningHours,
    OrganisationPage,
)
from training.models import CoursePage
from website.models import HomePage


class DirectoryTreeRules(WagtailPageTestCase):
    def test_directory_sits_under_home_and_holds_organisations(self):
        self.assertAllowedParentPageTypes(DirectoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {OrganisationPage})

    def test_access_points_live_under_their_organisation(self):
        self.assertAllowedParentPageTypes(OrganisationPage, {DirectoryIndexPage})
        self.assertAllowedSubpageTypes(OrganisationPage, {AccessPointPage, CoursePage})
        self.assertAllowedParentPageTypes(AccessPointPage, {OrganisationPage})
        self.assertAllowedSubpageTypes(AccessPointPage, set())


@pytest.mark.django_db
def test_access_point_page_shows_what_a_resident_needs(client, make_place):
    page = make_place(
        "Chorley Hub",
        services=["device-loans", "free-data"],
        access=["step-free"],
        hours=[(1, (10, 0), (12, 0)), (3, (13, 30), (16, 0))],
        address_line_1="Library, 1 Market Street",
        phone="01632 960001",
        is_databank_hub=True,
        lends_devices=True,
        devices_in_stock=3,
    )
    html = client.get(page.url).content.decode()
    for expected in (
        "Library, 1 Market Street",
        "PR7 1DP",
        "Devices to borrow",
        "Step-free access",
        "10am to 12 noon",
        "1:30pm to 4pm",
        "National Databank hub",
        "3 ready to lend now",
        'href="tel:01632960001"',
        "maps.apple.com/?daddr=53.65300%2C-2.63200",
        "directions to Chorley Hub",
        "Test Partner",
    ):
        assert expected in html, expected


@pytest.mark.django_db
def test_access_point_publishes_schema_org_place(client, make_place):
    page = make_place("Chorley Hub", hours=[(0, (9, 0), (17, 0))], address_line_1="1 Main St")
    html = client.get(page.url).content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["@type"] == "Place"
    assert data["address"]["postalCode"] == "PR7 1DP"
    assert data["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Monday"
    assert data["geo"]["latitude"] == pytest.approx(53.653)


@pytest.mark.django_db
def test_hidden_address_shows_only_the_area_and_no_map(client, make_place):
    page = make_place("Home visits", address_line_1="12 Secret Lane", hide_address=True)
    html = client.get(page.url).content.decode()
    assert "12 Secret Lane" not in html
    assert "PR7 1DP" not in html
    assert "directions to" not in html
    assert 'id="place-map"' not in html
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "geo" not in json.loads(block)


@pytest.mark.django_db
def test_temporarily_closed_listing_says_so(client, make_place):
    page = make_place("Hub", temporarily_closed=True, closed_message="Back in May.")
    assert "Temporarily closed. Back in May." in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_organisation_page_lists_its_places(client, make_place, organisation):
    make_place("First place")
    make_place("Second place")
    html = client.get(organisation.url).content.decode()
    assert "First place" in html and "Second place" in html


@pytest.mark.django_db
def test_postcode_is_normalised_and_geocoded_on_save(make_place, organisation):
    page = AccessPointPage(title="New", slug="new", summary="x", town="Chorley", postcode="pr7 1dp")
    page.clean()
    assert page.postcode == "PR7 1DP"
    assert page.latitude == pytest.approx(53.653)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "postcode, message",
    [("nonsense", "real postcode"), ("BT1 1AA", "Northern Ireland"), ("ZE9 9ZZ", "could not find")],
)
def test_bad_postcode_is_refused_with_a_clear_message(organisation, postcode, message):
    page = AccessPointPage(title="New", slug="new", summary="x", town="Chorley", postcode=postcode)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert message in " ".join(error.value.message_dict["postcode"])


@pytest.mark.django_db
def test_a_hidden_address_may_give_its_postcode_district_alone(organisation):
    page = AccessPointPage(
        title="Home visits", slug="home", summary="x", town="Chorley", postcode="pr7"
    )
    with pytest.raises(ValidationError) as error:
        page.clean()  # a place people visit needs its full postcode
    assert "real postcode" in " ".join(error.value.message_dict["postcode"])

    page.hide_address = True
    page.clean()
    assert page.postcode == "PR7"
    assert (page.latitude, page.longitude) == (53.64, -2.64)  # the district's centre

    page.postcode, page.latitude, page.longitude = "ZE9", None, None
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "could not find the postcode district ZE9" in " ".join(
        error.value.message_dict["postcode"]
    )


@pytest.mark.django_db
def test_opening_session_must_close_after_it_opens():
    import datetime

    session = OpeningHours(weekday=0, opens=datetime.time(12), closes=datetime.time(9))
    with pytest.raises(ValidationError):
        session.clean()
    OpeningHours(weekday=0, by_appointment=True).clean()
