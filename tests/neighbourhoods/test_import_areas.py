"""`manage.py import_areas`: ONS-style GeoJSON in, in either coordinate
system; bad rows rejected with reasons; bad files refused, changing nothing."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from neighbourhoods import import_rules
from neighbourhoods.models import Area
from tests.factories.neighbourhoods import (
    boundaries,
    feature,
    load_areas,
    row_of_squares,
    square_centre,
)
from tests.neighbourhoods.conftest import database_rows

pytestmark = pytest.mark.django_db


def import_areas(path, *args):
    out = StringIO()
    call_command("import_areas", path, "--no-reach", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("on_grid", [True, False], ids=["british-national-grid", "wgs84"])
def test_areas_are_loaded_from_either_coordinate_system(write_file, on_grid):
    output = import_areas(write_file(row_of_squares(2, on_grid=on_grid)))

    assert "2 rows accepted (2 new, 0 changed, 0 unchanged), 0 rejected" in output
    first = Area.objects.get(code="E01000001")
    assert first.name == "Chorley 1"
    latitude, longitude = square_centre(0)
    assert first.latitude == pytest.approx(latitude, abs=1e-5)
    assert first.longitude == pytest.approx(longitude, abs=1e-5)
    assert (first.easting, first.northing) == pytest.approx((356500, 417500), abs=1)
    shape = json.loads(first.geometry)
    assert shape["type"] == "Polygon"
    assert all(-3 < lng < -2 and 53 < lat < 54 for lng, lat in shape["coordinates"][0])


def test_importing_the_same_file_again_changes_nothing(write_file):
    path = write_file(row_of_squares(3))
    import_areas(path)
    before = database_rows()

    output = import_areas(path)

    assert "0 new, 0 changed, 3 unchanged" in output
    assert database_rows() == before


def test_a_changed_name_is_updated_and_other_areas_are_kept(write_file):
    import_areas(write_file(row_of_squares(2)))
    document = boundaries([feature("E01000001", "Chorley Town Centre", 0)])

    output = import_areas(write_file(document, "second.geojson"))

    assert "0 new, 1 changed, 0 unchanged" in output
    assert dict(Area.objects.values_list("code", "name")) == {
        "E01000001": "Chorley Town Centre",
        "E01000002": "Chorley 2",
    }


def test_a_bom_and_windows_line_endings_are_accepted(write_file):
    text = json.dumps(row_of_squares(1), indent=1).replace("\n", "\r\n")
    output = import_areas(write_file(text, encoding="utf-8-sig", newline=""))
    assert "1 rows accepted" in output


def test_wards_codes_and_names_are_found_too(write_file):
    document = boundaries([feature("E05001234", "Chorley East", 0, code_field="WD23CD")])
    import_areas(write_file(document))
    assert Area.objects.get().name == "Chorley East"


def test_bad_features_are_rejected_with_reasons_and_the_rest_loaded(write_file):
    point = feature("E01000004", "A point", 3)
    point["geometry"] = {"type": "Point", "coordinates": [356000, 417000]}
    document = boundaries(
        [
            feature("E01000001", "Chorley 1", 0),
            feature("", "No code", 1),
            feature("E01000001", "Again", 2),
            point,
        ]
    )

    output = import_areas(write_file(document))

    assert "1 rows accepted (1 new, 0 changed, 0 unchanged), 3 rejected" in output
    assert "row 2: empty: no area code" in output
    assert "row 3 (E01000001): duplicate of feature 1" in output
    assert "row 4 (E01000004): not a polygon (Point)" in output
    assert list(Area.objects.values_list("code", "name")) == [("E01000001", "Chorley 1")]


def refused(write_file, content, message):
    load_areas(row_of_squares(1))
    before = database_rows()
    with pytest.raises(CommandError) as raised:
        import_areas(write_file(content))
    assert message in str(raised.value)
    assert "Nothing was changed." in str(raised.value)
    assert database_rows() == before


def test_invalid_json_is_refused(write_file):
    refused(write_file, '{"type": "FeatureCollection", "features": [', "This is not valid GeoJSON")


def test_json_that_is_not_a_feature_collection_is_refused(write_file):
    refused(write_file, {"type": "Polygon", "coordinates": []}, "not a GeoJSON FeatureCollection")


def test_coordinates_that_are_not_a_polygon_are_refused(write_file):
    broken = feature("E01000009", "Broken", 5)
    broken["geometry"]["coordinates"] = [[1, 2]]
    refused(write_file, boundaries([broken]), "Feature 1 (E01000009) is not valid GeoJSON")


def test_coordinates_outside_great_britain_are_refused(write_file):
    paris = feature("E01000009", "Paris", 0, on_grid=False)
    paris["geometry"]["coordinates"] = [
        [[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]]
    ]
    refused(write_file, boundaries([paris], on_grid=False), "outside Great Britain")


def test_grid_coordinates_outside_great_britain_are_refused(write_file):
    far = feature("E01000009", "Far out", 0)
    far["geometry"]["coordinates"] = [[[0, -900000], [1000, -900000], [0, -899000], [0, -900000]]]
    refused(write_file, boundaries([far]), "outside Great Britain")


def test_features_without_a_code_property_are_refused(write_file):
    nameless = feature("E01000009", "Nameless", 0)
    nameless["properties"] = {"OBJECTID": 1}
    refused(write_file, boundaries([nameless]), "No area code found")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(write_file, monkeypatch):
    # The limit is 200 MB; a test makes it 1 MB rather than write 200 MB.
    monkeypatch.setattr(import_rules, "MAX_FILE_BYTES", 1024 * 1024)
    padded = json.dumps(row_of_squares(1)) + " " * 1024 * 1024
    refused(write_file, padded, "The file is 1 MB: files over 1 MB are refused")
