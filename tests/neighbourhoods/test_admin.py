"""The coordinators' imports in the admin: upload, a preview of what will
change and what was rejected, then confirm; nothing changes before the
confirmation, bad files are refused with the reason, and only
coordinators may use them."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from directory.permissions import coordinators_group
from neighbourhoods.models import Area, AreaSet, IndicatorValue
from tests.factories.neighbourhoods import boundaries, feature, load_areas, row_of_squares
from tests.neighbourhoods.conftest import database_rows

pytestmark = pytest.mark.django_db

AREAS = "/admin/neighbourhoods/areas/"
INDICATOR = "/admin/neighbourhoods/indicator/"


@pytest.fixture
def coordinator(client, demo_site):
    user = get_user_model().objects.create_user("coordinator", "c@example.org", "pass-word-123")
    user.groups.add(coordinators_group())
    client.force_login(user)
    return client


def geojson(document, name="lsoa.geojson"):
    return SimpleUploadedFile(name, json.dumps(document).encode(), "application/geo+json")


def test_boundaries_are_previewed_then_loaded_on_confirmation(coordinator):
    document = row_of_squares(2)
    document["features"].append(feature("", "No code", 5))

    preview = coordinator.post(AREAS, {"file": geojson(document), "set_name": "LSOA 2021"})

    html = preview.content.decode()
    assert "2 rows accepted (2 new, 0 changed, 0 unchanged), 1 rejected" in html
    assert "2 new areas: E01000001, E01000002" in html
    assert "empty: no area code" in html
    assert Area.objects.count() == 0  # nothing yet

    signed = preview.context["signed"]
    done = coordinator.post(AREAS + "confirm/", {"signed": signed}, follow=True)

    assert sorted(Area.objects.values_list("code", flat=True)) == ["E01000001", "E01000002"]
    assert "Loaded into LSOA 2021" in done.content.decode()
    # The stored upload is gone: confirming again loads nothing twice.
    again = coordinator.post(AREAS + "confirm/", {"signed": signed}, follow=True)
    assert "That upload has expired or was already loaded" in again.content.decode()


def test_an_indicator_is_previewed_then_loaded(coordinator):
    area_set = load_areas(row_of_squares(2))
    upload = SimpleUploadedFile(
        "deri.csv", b"\xef\xbb\xbfLSOA21CD,DERI\r\nE01000001,7\r\nE09,1\r\n"
    )
    fields = {
        "file": upload,
        "area_set": area_set.pk,
        "name": "DERI score",
        "source": "GMCA",
        "licence": "Open Government Licence v3.0",
        "year": "2023",
        "direction": "worse",
    }
    preview = coordinator.post(INDICATOR, fields)
    assert "unknown area code" in preview.content.decode()
    assert IndicatorValue.objects.count() == 0

    coordinator.post(INDICATOR + "confirm/", {"signed": preview.context["signed"]})
    assert list(IndicatorValue.objects.values_list("area__code", "value")) == [("E01000001", 7.0)]


def test_a_bad_file_is_refused_with_the_reason_and_changes_nothing(coordinator):
    load_areas(row_of_squares(1))
    before = database_rows()
    outside = boundaries([feature("E01000009", "At sea", 0)])
    outside["features"][0]["geometry"]["coordinates"] = [
        [[0, -900000], [1000, -900000], [0, -899000], [0, -900000]]
    ]

    response = coordinator.post(AREAS, {"file": geojson(outside), "set_name": "LSOA 2021"})

    html = response.content.decode()
    assert "There is a problem" in html
    assert "outside Great Britain" in html and "Nothing was changed." in html
    assert database_rows() == before


def test_a_missing_file_is_asked_for(coordinator):
    response = coordinator.post(AREAS, {"set_name": "LSOA 2021"})
    assert "Choose a GeoJSON file of boundaries." in response.content.decode()
    assert response.context["form"].data["set_name"] == "LSOA 2021"  # kept


def test_a_tampered_confirmation_is_not_found(coordinator):
    assert coordinator.post(AREAS + "confirm/", {"signed": "forged"}).status_code == 404
    assert coordinator.get("/admin/neighbourhoods/other/").status_code == 404
    assert AreaSet.objects.count() == 0


def test_only_coordinators_may_load_data(client, demo_site):
    user = get_user_model().objects.create_user("editor", "e@example.org", "pass-word-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail sends someone refused back to the dashboard.
    for url in ("/admin/neighbourhoods/", AREAS, INDICATOR):
        assert client.get(url).url == "/admin/"
    assert client.post(AREAS + "confirm/", {"signed": "x"}).url == "/admin/"
