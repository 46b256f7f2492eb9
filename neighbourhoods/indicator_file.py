"""Reading an indicator: a CSV of one figure per area code, as publishers
give them (GMCA's DERI, Ofcom's Connected Nations, a partnership's own).

Forgiving of how a file was saved: a byte-order mark, Windows line
endings, headers in any case and columns it does not need. Strict about
each row: an empty code or figure, an unknown area code, a figure that is
not a number and a code given twice are each rejected with the reason."""

import csv
import dataclasses
import io
import math
import re

from neighbourhoods.import_rules import (
    ImportFileError,
    Rejection,
    check_size,
    decode,
    read_bytes,
)

CODE_HEADERS = {"code", "area code", "area_code", "areacode", "geography code"}
CODE_HEADER = re.compile(r"^[a-z]+\d{2}cd$")
NAME_HEADER = re.compile(r"^([a-z]+\d{2}nm|name|area name|area_name)$")


@dataclasses.dataclass
class IndicatorFile:
    values: dict[str, float]  # area code: figure
    rejections: list[Rejection]
    value_column: str


def read_indicator(source, known_codes, value_column=""):
    """The figures of a CSV file (a path or an open binary file) for the
    areas whose codes are in `known_codes`. Raises ImportFileError for a
    file that cannot be used at all."""
    check_size(source)
    text = decode(read_bytes(source))
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if not header or not any(cell.strip() for cell in header):
        raise ImportFileError("The file is empty: it needs a header row and one row an area.")
    columns = [cell.strip().lower() for cell in header]
    code_at = code_column(columns)
    value_at = value_column_of(columns, code_at, value_column)

    values, rejections, seen = {}, [], {}
    # Row 1 is the header, as a spreadsheet numbers it.
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        code = cell_at(row, code_at)
        figure = cell_at(row, value_at)
        rejection = check_row(code, figure, known_codes, seen)
        if rejection:
            rejections.append(Rejection(number, code, rejection))
            continue
        seen[code] = number
        values[code] = float(figure.replace(",", ""))
    if not values and not rejections:
        raise ImportFileError("The file has a header but no rows of figures.")
    return IndicatorFile(values=values, rejections=rejections, value_column=header[value_at])


def cell_at(row, index):
    return row[index].strip() if index < len(row) else ""


def check_row(code, figure, known_codes, seen):
    """Why a row is rejected, or "" when it is kept."""
    if not code:
        return "empty: no area code"
    if not figure:
        return "empty: no figure"
    if code in seen:
        return f"duplicate of row {seen[code]}"
    if code not in known_codes:
        return "unknown area code: load its boundaries first"
    try:
        number = float(figure.replace(",", ""))
    except ValueError:
        return f"not a number: {figure[:30]!r}"
    if not math.isfinite(number):
        return f"not a number: {figure[:30]!r}"
    return ""


def code_column(columns):
    for index, column in enumerate(columns):
        if column in CODE_HEADERS or CODE_HEADER.match(column):
            return index
    raise ImportFileError(
        'No column of area codes: name it "code" (or as the ONS does, e.g. LSOA21CD). '
        f"The columns are: {', '.join(columns)}."
    )


def value_column_of(columns, code_at, wanted):
    """The column of figures: the one named, else one called "value",
    else the only column that is neither the code nor a name."""
    if wanted:
        if wanted.strip().lower() not in columns:
            raise ImportFileError(
                f"There is no column called {wanted!r}. The columns are: {', '.join(columns)}."
            )
        return columns.index(wanted.strip().lower())
    if "value" in columns:
        return columns.index("value")
    others = [
        index
        for index, column in enumerate(columns)
        if index != code_at and column and not NAME_HEADER.match(column)
    ]
    if len(others) == 1:
        return others[0]
    raise ImportFileError(
        'Say which column holds the figures (call it "value" or name it). '
        f"The columns are: {', '.join(columns)}."
    )
