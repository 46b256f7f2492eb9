"""The search rows (directory/place_rows.py) follow the pages: a place is
found by a search within a radius exactly while it is live and public, with
the services and features it has now, whatever way it changed."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directory import geo
from directory.models import OrganisationPage, PlaceRow, ServiceType
from directory.postcode_store import store_districts
from directory.search import DirectoryQuery, find_hits
from tests.directory.conftest import CHORLEY, LEYLAND

HERE = geo.Location(CHORLEY[0], CHORLEY[1], CHORLEY[2], "postcode")


def found(**filters):
    """Titles a results page within five miles of Chorley shows."""
    query = DirectoryQuery(location=HERE, radius_miles=5, **filters)
    return [hit.title for hit in find_hits(query, timezone.localtime(), upto=20)[0:20]]


@pytest.fixture
def place(make_place):
    return make_place("Chorley Hub", services=["free-wifi"], access=["step-free"])


@pytest.mark.django_db
def test_a_published_place_has_a_row_with_its_services_and_features(place):
    row = PlaceRow.objects.get(pk=place.pk)
    wifi = ServiceType.objects.get(slug="free-wifi")
    assert row.title == "Chorley Hub" and f",{wifi.pk}," in row.service_ids
    assert found(services=("free-wifi",), accessibility=("step-free",)) == ["Chorley Hub"]
    assert found(services=("printing",)) == []


@pytest.mark.django_db
def test_a_draft_changes_nothing_until_it_is_published(place):
    place.title = "Chorley Hub (renamed)"
    place.services = list(ServiceType.objects.filter(slug="printing"))
    revision = place.save_revision()

    assert found(services=("free-wifi",)) == ["Chorley Hub"]
    revision.publish()
    assert found(services=("free-wifi",)) == []
    assert found(services=("printing",)) == ["Chorley Hub (renamed)"]


@pytest.mark.django_db
def test_unpublished_and_deleted_places_are_not_found(place, make_place):
    other = make_place("Leyland Hub", services=["free-wifi"])
    place.unpublish()
    assert found() == ["Leyland Hub"]
    other.delete()
    assert found() == [] and not PlaceRow.objects.exists()


@pytest.mark.django_db
def test_places_in_a_private_section_are_not_found_until_it_is_public_again(place):
    organisation = OrganisationPage.objects.get()
    restriction = PageViewRestriction.objects.create(
        page=organisation, restriction_type=PageViewRestriction.PASSWORD, password="partners"
    )
    assert found() == []
    restriction.delete()
    assert found() == ["Chorley Hub"]


@pytest.mark.django_db
def test_a_place_moved_into_a_private_section_is_not_found(place, directory):
    private = OrganisationPage(title="Staff only", slug="staff-only", summary="Internal.")
    directory.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert found() == ["Chorley Hub"]
    place.move(private, pos="last-child")
    assert found() == []


@pytest.mark.django_db
def test_the_command_works_every_row_out_again(place):
    PlaceRow.objects.all().delete()
    out = StringIO()
    call_command("refresh_place_rows", stdout=out)
    assert "1 search rows" in out.getvalue()
    assert found() == ["Chorley Hub"]


@pytest.mark.django_db
def test_a_hidden_address_follows_its_district_centre_when_districts_are_loaded(make_place):
    """A place helping people at home is measured from its postcode
    district's centre; loading postcode districts moves its row there."""
    make_place("Home visits", postcode=("PR25 9ZZ", CHORLEY[1], CHORLEY[2]), hide_address=True)
    leyland = geo.Location(LEYLAND[0], LEYLAND[1], LEYLAND[2], "postcode")
    query = DirectoryQuery(location=leyland, radius_miles=1)

    assert not find_hits(query, timezone.localtime(), upto=20)
    store_districts([("PR25", LEYLAND[1], LEYLAND[2])])
    (hit,) = find_hits(query, timezone.localtime(), upto=20)[0:20]
    assert hit.title == "Home visits" and hit.distance_miles == pytest.approx(0, abs=0.01)
