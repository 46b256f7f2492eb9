"""CSV files that open safely in a spreadsheet: UTF-8 with a byte-order
mark (so Excel reads accents and non-Latin names correctly) and no cell
that a spreadsheet would run as a formula. Names and notes typed by the
public can start with =, +, - or @; those cells are prefixed with an
apostrophe, which spreadsheets show as text. Numbers the code itself puts
in a cell (a negative longitude, say) are left as numbers: their text can
only be digits, a sign, a point and an exponent, never a formula."""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(headings, rows):
    """The whole file as text: headings, then each row's cells made safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in headings])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return BOM + out.getvalue()


def csv_response(filename, headings, rows):
    """A download named `filename`.csv: headings, then `rows`, made safe."""
    response = HttpResponse(
        csv_text(headings, rows).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


class SafeCsvExportMixin:
    """For wagtail-modeladmin index views (and Wagtail's own
    SpreadsheetExportMixin): a BOM first, and formula-safe cells."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: safe_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)
