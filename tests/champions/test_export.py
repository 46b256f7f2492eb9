"""The spreadsheet-safe CSV writer."""

import csv
import io

import pytest

from website.spreadsheets import csv_response, safe_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 7700 900982", "'+44 7700 900982"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("Zoë O'Neill", "Zoë O'Neill"),
        ("a=b", "a=b"),
        (None, ""),
        (3, "3"),
        ("", ""),
    ],
)
def test_cells_that_would_run_as_formulas_are_defused(value, cell):
    assert safe_cell(value) == cell


def test_csv_has_a_bom_and_reads_back():
    response = csv_response("people", ["Name", "Note"], [["Zoë", "=HYPERLINK(1)"], ["Łukasz", 2]])
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [["Name", "Note"], ["Zoë", "'=HYPERLINK(1)"], ["Łukasz", "2"]]
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
