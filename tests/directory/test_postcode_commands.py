import csv
import gzip
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.geo import locate, normalise_postcode
from directory.management.commands.load_postcodes import (
    DATA_DIR,
    DEMO_POSTCODES_FILE,
    DISTRICTS_FILE,
)
from directory.models import Postcode, PostcodeDistrict

# Great Britain, generously: Scilly to Shetland.
GB_LATITUDES = (49.8, 60.9)
GB_LONGITUDES = (-8.7, 1.8)


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def table(model, *fields):
    return sorted(model.objects.values_list(*fields))


def shipped_rows(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


# --- the shipped files -------------------------------------------------------------


def test_shipped_demo_postcodes_are_clean():
    rows = shipped_rows(DEMO_POSTCODES_FILE)
    assert list(rows[0]) == ["postcode", "district", "latitude", "longitude"]
    assert len(rows) > 5000  # Chorley and South Ribble have about 5,500
    postcodes = [row["postcode"] for row in rows]
    assert len(set(postcodes)) == len(postcodes)
    for row in rows:
        assert normalise_postcode(row["postcode"]) == row["postcode"]
        assert row["postcode"].split(" ")[0] == row["district"]
        # The two boroughs sit between Preston and Wigan.
        assert 53.55 < float(row["latitude"]) < 53.80
        assert -2.95 < float(row["longitude"]) < -2.45
    assert {"PR7 1DP", "PR25 1DA", "PR6 0AA"} <= set(postcodes)


def test_shipped_districts_cover_great_britain_only():
    rows = shipped_rows(DISTRICTS_FILE)
    assert list(rows[0]) == ["district", "latitude", "longitude"]
    districts = {row["district"] for row in rows}
    assert 2700 < len(districts) < 3100
    assert {"AB10", "PR7", "SW1A", "TR18", "ZE1", "M1", "EC1A"} <= districts
    assert not any(d.startswith("BT") for d in districts)
    for row in rows:
        assert GB_LATITUDES[0] < float(row["latitude"]) < GB_LATITUDES[1]
        assert GB_LONGITUDES[0] < float(row["longitude"]) < GB_LONGITUDES[1]


def test_shipped_data_carries_its_attribution_and_licence():
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    for phrase in (
        "Contains OS data © Crown copyright and database right",
        "contains Royal Mail data © Royal Mail copyright and database right",
        "contains National Statistics data © Crown copyright and database right",
        "Open Government Licence v3.0",
        "Code-Point Open",
        "scripts/derive-postcode-files",
    ):
        assert phrase in readme


# --- load_postcodes ----------------------------------------------------------------


@pytest.mark.django_db
def test_load_postcodes_loads_the_shipped_files():
    out = run("load_postcodes")
    demo_rows = shipped_rows(DEMO_POSTCODES_FILE)
    district_rows = shipped_rows(DISTRICTS_FILE)
    assert Postcode.objects.count() == len(demo_rows)
    assert PostcodeDistrict.objects.count() == len(district_rows)
    assert f"{len(demo_rows):,} demo-area postcodes" in out

    chorley = locate("pr7 1dp")
    assert chorley.precision == "postcode"
    assert (chorley.latitude, chorley.longitude) == pytest.approx((53.653939, -2.633246))
    # Outside the demo area a postcode still finds its district's centre.
    westminster = locate("SW1A 1AA")
    assert westminster.precision == "district"
    assert westminster.latitude == pytest.approx(51.50, abs=0.01)


@pytest.mark.django_db
def test_load_postcodes_twice_changes_nothing_and_repairs_edits():
    run("load_postcodes")
    postcodes = table(Postcode, "postcode", "district", "latitude", "longitude")
    districts = table(PostcodeDistrict, "district", "latitude", "longitude")
    Postcode.objects.filter(pk="PR7 1DP").update(latitude=0, longitude=0)

    run("load_postcodes")
    assert table(Postcode, "postcode", "district", "latitude", "longitude") == postcodes
    assert table(PostcodeDistrict, "district", "latitude", "longitude") == districts


# --- import_postcodes on a small, made-up release ----------------------------------

COLUMN_HEADERS = (
    "PC,PQ,EA,NO,CY,RH,LH,CC,DC,WC\n"
    "Postcode,Positional_quality_indicator,Eastings,Northings,Country_code,"
    "NHS_regional_HA_code,NHS_HA_code,Admin_county_code,Admin_district_code,Admin_ward_code\n"
)


def codepoint_row(postcode, quality, easting, northing, district="E07000118"):
    return (
        f'"{postcode}",{quality},{easting},{northing},"E92000001","E19000001",'
        f'"E18000002","E10000017","{district}","E05013068"\n'
    )


PR_ROWS = [
    codepoint_row("PR7 1DP", 10, 358244, 417680),
    codepoint_row("PR7 1DQ", 50, 358300, 417700),
    codepoint_row("PR25 1DA", 10, 352565, 421514, "E07000126"),
    codepoint_row("PR7 9XX", 90, 0, 0),  # no coordinates
]
M_ROWS = [codepoint_row("M1  1AE", 10, 384756, 398553, "E08000003")]  # fixed-width form


def write_release(folder, pr_rows=PR_ROWS, m_rows=M_ROWS):
    """A zip laid out like codepo_gb.zip, Doc/ included."""
    path = folder / "codepo_gb.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Doc/Code-Point_Open_Column_Headers.csv", COLUMN_HEADERS)
        archive.writestr("Doc/licence.txt", "Contains OS data")
        archive.writestr("Data/CSV/pr.csv", "".join(pr_rows))
        archive.writestr("Data/CSV/m.csv", "".join(m_rows))
    return path


@pytest.mark.django_db
def test_import_postcodes_converts_and_skips_quality_90(tmp_path):
    out = run("import_postcodes", str(write_release(tmp_path)))

    assert table(Postcode, "postcode", "district") == [
        ("M1 1AE", "M1"),
        ("PR25 1DA", "PR25"),
        ("PR7 1DP", "PR7"),
        ("PR7 1DQ", "PR7"),
    ]
    chorley = Postcode.objects.get(pk="PR7 1DP")
    assert (chorley.latitude, chorley.longitude) == pytest.approx((53.653939, -2.633246))

    districts = {d.district: d for d in PostcodeDistrict.objects.all()}
    assert set(districts) == {"M1", "PR25", "PR7"}
    pr7 = Postcode.objects.filter(district="PR7")
    assert districts["PR7"].latitude == pytest.approx(sum(p.latitude for p in pr7) / 2)
    assert districts["PR7"].longitude == pytest.approx(sum(p.longitude for p in pr7) / 2)

    assert "100%" in out
    assert "Imported 4 postcodes and 3 postcode districts" in out
    assert "skipped 1 without coordinates" in out


@pytest.mark.django_db
def test_import_postcodes_again_updates_without_duplicating(tmp_path):
    release = write_release(tmp_path)
    run("import_postcodes", str(release))
    first = table(Postcode, "postcode", "latitude", "longitude")
    run("import_postcodes", str(release))
    assert table(Postcode, "postcode", "latitude", "longitude") == first

    # A later release moves a postcode 1 km north.
    moved = [codepoint_row("PR7 1DP", 10, 358244, 418680), *PR_ROWS[1:]]
    run("import_postcodes", str(write_release(tmp_path, pr_rows=moved)))
    assert Postcode.objects.count() == 4
    assert Postcode.objects.get(pk="PR7 1DP").latitude == pytest.approx(53.662926, abs=1e-6)


@pytest.mark.django_db
def test_import_postcodes_leaves_other_districts_alone(tmp_path):
    PostcodeDistrict.objects.create(district="ZE1", latitude=60.15, longitude=-1.15)
    run("import_postcodes", str(write_release(tmp_path)))
    assert PostcodeDistrict.objects.get(pk="ZE1").latitude == 60.15


@pytest.mark.django_db
def test_import_postcodes_from_an_unpacked_folder(tmp_path):
    with zipfile.ZipFile(write_release(tmp_path)) as archive:
        archive.extractall(tmp_path / "codepo_gb")
    run("import_postcodes", str(tmp_path / "codepo_gb"))
    assert Postcode.objects.count() == 4


@pytest.mark.django_db
def test_import_postcodes_refuses_what_is_not_a_release(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run("import_postcodes", str(tmp_path / "missing.zip"))
    (tmp_path / "notes.zip").write_text("not a zip")
    with pytest.raises(CommandError, match="not a zip"):
        run("import_postcodes", str(tmp_path / "notes.zip"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(CommandError, match="No Code-Point Open CSV files"):
        run("import_postcodes", str(tmp_path / "empty"))
    assert Postcode.objects.count() == 0
