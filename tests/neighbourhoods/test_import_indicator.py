"""`manage.py import_indicator`: one figure per area code from a CSV saved
any usual way; each bad row rejected with its reason; bad files refused,
changing nothing; all or nothing; safe to run again."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from neighbourhoods import import_rules, imports
from neighbourhoods.models import Indicator, IndicatorValue
from tests.factories.neighbourhoods import load_areas, row_of_squares
from tests.neighbourhoods.conftest import database_rows

pytestmark = pytest.mark.django_db

DETAILS = [
    "--name=DERI score",
    "--source=GMCA Digital Exclusion Risk Index",
    "--licence=Open Government Licence v3.0",
    "--year=2023",
    "--higher-is-worse",
]


@pytest.fixture(autouse=True)
def areas():
    return load_areas(row_of_squares(3))


def import_indicator(path, *args):
    out = StringIO()
    call_command("import_indicator", path, *DETAILS, *args, stdout=out)
    return out.getvalue()


def figures():
    return dict(IndicatorValue.objects.values_list("area__code", "value"))


def test_figures_are_loaded_with_where_they_come_from(write_file):
    output = import_indicator(write_file("code,value\nE01000001,7.5\nE01000002,2\n"))

    assert "2 rows accepted (2 new, 0 changed, 0 unchanged), 0 rejected" in output
    assert figures() == {"E01000001": 7.5, "E01000002": 2.0}
    indicator = Indicator.objects.get()
    assert (indicator.source, indicator.licence, indicator.year) == (
        "GMCA Digital Exclusion Risk Index",
        "Open Government Licence v3.0",
        "2023",
    )
    assert indicator.higher_is_worse


def test_a_bom_windows_line_endings_header_case_and_an_extra_column_are_accepted(write_file):
    text = "LSOA21CD,LSOA21NM,DERI_Score,Notes\r\nE01000001,Chorley 1,7.5,checked\r\n"
    output = import_indicator(
        write_file(text, encoding="utf-8-sig", newline=""), "--value-column=deri_score"
    )
    assert "1 rows accepted" in output
    assert figures() == {"E01000001": 7.5}


def test_the_only_figure_column_is_found_without_being_named(write_file):
    import_indicator(write_file("Lsoa21cd,Lsoa21nm,Score\nE01000003,Chorley 3,1.25\n"))
    assert figures() == {"E01000003": 1.25}


def test_importing_the_same_file_again_changes_nothing(write_file):
    path = write_file("code,value\nE01000001,7.5\nE01000002,2\n")
    import_indicator(path)
    before = database_rows()

    output = import_indicator(path)

    assert "0 new, 0 changed, 2 unchanged" in output
    assert database_rows() == before
    assert Indicator.objects.count() == 1


def test_a_new_file_replaces_the_figures_and_says_what_went(write_file):
    import_indicator(write_file("code,value\nE01000001,7.5\nE01000002,2\n"))
    output = import_indicator(write_file("code,value\nE01000001,8\n", "second.csv"))
    assert "0 new, 1 changed, 0 unchanged" in output
    assert "1 earlier figures removed" in output
    assert figures() == {"E01000001": 8.0}


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ("E01000002,9\nE09999999,3", "row 4 (E09999999): unknown area code"),
        ("E01000002,high", "row 3 (E01000002): not a number: 'high'"),
        ("E01000002,nan", "row 3 (E01000002): not a number: 'nan'"),
        ("E01000002,9\nE01000001,4", "row 4 (E01000001): duplicate of row 2"),
        ("E01000002,9\n,4", "row 4: empty: no area code"),
        ("E01000002,", "row 3 (E01000002): empty: no figure"),
    ],
)
def test_each_bad_row_is_rejected_with_its_reason_and_changes_nothing(write_file, rows, reason):
    import_indicator(write_file("code,value\nE01000001,1\nE01000002,9\n", "first.csv"))
    before = figures()

    output = import_indicator(write_file(f"code,value\nE01000001,1\n{rows}\n"))

    assert "0 new, 0 changed" in output
    assert ", 1 rejected." in output
    assert f"Rejected {reason}" in output
    # A bad row's area keeps the figure it had.
    assert figures() == before


def refused(write_file, content, message, *args):
    import_indicator(write_file("code,value\nE01000001,1\n", "first.csv"))
    before = database_rows()
    with pytest.raises(CommandError) as raised:
        import_indicator(write_file(content), *args)
    assert message in str(raised.value)
    assert "Nothing was changed." in str(raised.value)
    assert database_rows() == before


def test_an_empty_file_is_refused(write_file):
    refused(write_file, "", "The file is empty")


def test_a_file_with_no_rows_is_refused(write_file):
    refused(write_file, "code,value\n", "no rows of figures")


def test_a_file_without_a_code_column_is_refused(write_file):
    refused(write_file, "place,value\nChorley,1\n", "No column of area codes")


def test_a_file_whose_figures_column_is_unclear_is_refused(write_file):
    refused(write_file, "code,score,rank\nE01000001,1,3\n", "Say which column holds the figures")


def test_a_named_column_that_is_not_there_is_refused(write_file):
    refused(
        write_file, "code,value\nE01000001,1\n", "no column called 'score'", "--value-column=score"
    )


def test_a_file_over_the_size_limit_is_refused(write_file, monkeypatch):
    monkeypatch.setattr(import_rules, "MAX_FILE_BYTES", 1024 * 1024)
    refused(write_file, "code,value\n" + "E01000001,1\n" * 100_000, "files over 1 MB are refused")


def test_an_import_that_fails_part_way_leaves_everything_as_it_was(write_file, monkeypatch):
    import_indicator(write_file("code,value\nE01000001,1\nE01000002,2\n", "first.csv"))
    before = database_rows()

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    # The old figures are deleted before the new ones are written.
    monkeypatch.setattr(imports.IndicatorValue.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        import_indicator(write_file("code,value\nE01000003,3\n"))
    assert database_rows() == before


def test_the_direction_must_be_given(write_file):
    with pytest.raises(CommandError, match="one of the arguments"):
        call_command(
            "import_indicator",
            write_file("code,value\nE01000001,1\n"),
            *DETAILS[:4],
            stdout=StringIO(),
        )
