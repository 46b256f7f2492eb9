"""Periods, what the public may see of a figure, and the charts: plain
values, no database."""

import datetime
from decimal import Decimal

import pytest

from impact import charts, periods, suppression
from impact.figures import DAYS, HOURS, Row, Table

TODAY = datetime.date(2026, 3, 15)


def test_named_periods_are_calendar_years_and_the_last_12_months():
    this_year = periods.named(periods.THIS_YEAR, TODAY)
    assert (this_year.start, this_year.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 12, 31),
    )
    last_year = periods.named(periods.LAST_YEAR, TODAY)
    assert (last_year.start, last_year.end) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    twelve = periods.named(periods.LAST_12_MONTHS, TODAY)
    assert (twelve.start, twelve.end) == (datetime.date(2025, 3, 16), TODAY)
    assert twelve.days == 365
    assert this_year.name == "This year (2026)"
    assert this_year.dates_text == "1 January to 31 December 2026"
    assert twelve.dates_text == "16 March 2025 to 15 March 2026"
    leap_day = periods.named(periods.LAST_12_MONTHS, datetime.date(2028, 2, 29))
    assert leap_day.start == datetime.date(2027, 3, 1)
    with pytest.raises(ValueError):
        periods.named("next_year", TODAY)


def test_a_period_covers_whole_local_days():
    period = periods.between(datetime.date(2026, 3, 29), datetime.date(2026, 3, 29))
    start, after = period.moments()
    # The clocks go forward that night: the day is 23 hours long.
    utc = datetime.UTC
    assert after.astimezone(utc) - start.astimezone(utc) == datetime.timedelta(hours=23)
    assert start.astimezone(utc).hour == 0 and after.astimezone(utc).hour == 23
    assert period.dates_text == "29 March 2026"
    assert period.query()["start_2"] == 2026


def row(label, value, **options):
    return Row(label, value, about_people=True, **options)


def test_small_counts_of_people_are_hidden_and_zero_is_not():
    table = Table(
        "t",
        "People",
        "Label",
        "Number",
        (row("none", 0), row("one", 1), row("four", 4), row("five", 5), Row("places", 2)),
    )
    shown = suppression.shown(table)
    assert [r.text for r in shown.rows] == ["0", "fewer than 5", "fewer than 5", "5", "2"]
    assert [r.value for r in shown.rows] == [0, None, None, 5, 2]
    assert shown.any_hidden
    everything = suppression.shown(table, public=False)
    assert [r.text for r in everything.rows] == ["0", "1", "4", "5", "2"]


def test_a_lone_hidden_row_of_a_partition_takes_the_next_smallest_with_it():
    table = Table(
        "t",
        "Outcomes",
        "Outcome",
        "Referrals",
        (row("a", 3), row("b", 7), row("c", 6), row("d", 0)),
        partition=True,
    )
    assert [r.hidden for r in suppression.shown(table).rows] == [True, False, True, False]
    not_partition = Table("t", "Barriers", "Barrier", "Referrals", table.rows)
    assert [r.hidden for r in suppression.shown(not_partition).rows] == [True, False, False, False]


def test_values_resting_on_few_people_are_hidden_with_them():
    table = Table(
        "t",
        "Champions",
        "Figure",
        "Number",
        (
            row("Active", 3),
            row("Hours given", Decimal("12.50"), unit=HOURS, basis=3),
            row("Median days", 2.25, unit=DAYS, basis=7),
        ),
    )
    assert [r.text for r in suppression.shown(table).rows] == [
        "fewer than 5",
        "fewer than 5",
        "2.2 days",
    ]
    assert suppression.shown(table, public=False).rows[1].text == "12.5"
    assert suppression.format_value(Decimal("1234.00"), HOURS) == "1,234"
    assert suppression.format_value(None, DAYS) == "none yet"


def test_bars_are_in_proportion_and_hidden_values_have_none():
    table = Table(
        "by-area",
        "Access points by area",
        "Area",
        "Access points",
        (
            Row("Big", 20),
            Row("Half", 10),
            row("Few", 2),
            Row("None", 0),
            Row("Not charted", 999, charted=False),
        ),
    )
    chart = charts.bar_chart(suppression.shown(table), "chart-by-area")
    widths = [bar.bar_width for bar in chart.bars]
    assert widths == [
        charts.WIDTH - charts.VALUE_SPACE,
        (charts.WIDTH - charts.VALUE_SPACE) / 2,
        0,
        0,
    ]
    assert [bar.text for bar in chart.bars] == ["20", "10", "fewer than 5", "0"]
    assert chart.title == "Bar chart: access points by area"
    assert chart.description == "Big: 20; Half: 10; Few: fewer than 5; None: 0."
    assert chart.height == 4 * (charts.LABEL_HEIGHT + charts.BAR_HEIGHT + charts.ROW_GAP)
    bars_top = [bar.bar_y for bar in chart.bars]
    assert bars_top == sorted(set(bars_top))  # one below another, never overlapping


def test_long_labels_are_shortened_in_the_chart_only():
    label = "Help with online forms and accounts (Universal Credit, NHS App)"
    table = Table("s", "Services", "Service", "Places", (Row(label, 3),))
    chart = charts.bar_chart(suppression.shown(table), "chart-s")
    assert chart.bars[0].label.endswith("…")
    assert len(chart.bars[0].label) <= charts.MAX_LABEL
    assert label in chart.description
    assert charts.bar_chart(suppression.shown(Table("e", "E", "A", "B", ())), "x") is None
