"""What the impact page and the admin panel show, prepared from a Report:
each figure with its (suppressed, for the public) rows, its chart, its CSV
address, and the headline numbers at the top. Templates only write these
out."""

import dataclasses
from urllib.parse import urlencode

from . import charts, suppression
from .figures import target_for


@dataclasses.dataclass(frozen=True)
class Figure:
    shown: suppression.ShownTable
    chart: charts.Chart | None
    csv_url: str
    description: str

    @property
    def table(self):
        return self.shown.table


@dataclasses.dataclass(frozen=True)
class Headline:
    label: str
    text: str
    note: str = ""


def period_query(period):
    return urlencode(period.query())


def csv_address(page_url, slug, period):
    return f"{page_url}figures/{slug}/?{period_query(period)}"


def figure_for(table, public, page_url, period, small_elsewhere=frozenset()):
    shown = suppression.shown(table, public, small_elsewhere)
    chart = charts.bar_chart(shown, f"chart-{table.slug}") if table.chart else None
    return Figure(
        shown=shown,
        chart=chart,
        csv_url=csv_address(page_url, table.slug, period) if page_url else "",
        description=table.description,
    )


def sections(report, public, page_url="", small_elsewhere=frozenset()):
    """`small_elsewhere`: rows small in a quarter of the period (public.py)."""
    return [
        {
            "heading": section.heading,
            "id": section.heading.lower().replace(" ", "-"),
            "figures": [
                figure_for(table, public, page_url, report.period, small_elsewhere)
                for table in section.tables
            ],
        }
        for section in report.sections
    ]


def headlines(report, public, small_elsewhere=frozenset()):
    """The four numbers a board asks for first."""
    tables = report.tables
    places = tables["access-points-by-area"]
    learning, champions, referrals = (
        suppression.shown(tables[slug], public, small_elsewhere)
        for slug in ("learning", "champions", "referrals")
    )
    opportunities = tables["learning"].value_of("Learning opportunities (session places)")
    target = target_for(report.period, report.annual_target)
    share = f"{round(100 * opportunities / target)}% of the target of {target:,}" if target else ""
    return [
        Headline("Access points", f"{places.total:,}"),
        Headline(
            "Learning opportunities",
            learning.text_of("Learning opportunities (session places)"),
            share,
        ),
        Headline("Active digital champions", champions.text_of("Active (helped residents)")),
        Headline("Referrals received", referrals.text_of("Referrals received")),
    ]


def csv_rows(report, slug, public, small_elsewhere=frozenset()):
    """(headings, rows) of one figure's CSV, as the page shows it, or None
    for an unknown figure."""
    table = report.tables.get(slug)
    if table is None:
        return None
    shown = suppression.shown(table, public, small_elsewhere)
    period = report.period
    headings = [table.label_heading, table.value_heading, "From", "To"]
    rows = [
        [
            row.label,
            row.text if row.hidden or row.value is None else row.value,
            period.start.isoformat(),
            period.end.isoformat(),
        ]
        for row in shown.rows
    ]
    return headings, rows
