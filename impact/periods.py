"""The periods the dashboard reports on, as plain values: this year, last
year, the last 12 months, or two dates someone chose. Years are calendar
years. Every period is a range of whole local days, both ends included."""

import dataclasses
import datetime

from django.utils import timezone

THIS_YEAR = "this_year"
LAST_YEAR = "last_year"
LAST_12_MONTHS = "last_12_months"
CUSTOM = "custom"
DEFAULT = THIS_YEAR
FIXED = (THIS_YEAR, LAST_YEAR, LAST_12_MONTHS)


def format_date(day):
    return f"{day.day} {day:%B %Y}"


def add_years(day, years):
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclasses.dataclass(frozen=True)
class Period:
    key: str
    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def dates_text(self):
        """'1 January to 31 December 2026', or one date for one day."""
        if self.start == self.end:
            return format_date(self.start)
        if self.start.year == self.end.year:
            first = f"{self.start.day} {self.start:%B}"
        else:
            first = format_date(self.start)
        return f"{first} to {format_date(self.end)}"

    @property
    def name(self):
        """What the page calls the period, for headings and file names."""
        return {
            THIS_YEAR: f"This year ({self.start.year})",
            LAST_YEAR: f"Last year ({self.start.year})",
            LAST_12_MONTHS: "The last 12 months",
        }.get(self.key, self.dates_text)

    def moments(self):
        """(first moment, first moment after) in the site's time zone, for
        filtering date-time fields: from midnight at the start to midnight
        after the end."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        after = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return start, after

    def share_of_a_year(self):
        """The period's length as a share of the year that starts when it
        does: exactly 1 for a calendar year or the last 12 months, leap
        years included."""
        year_days = (add_years(self.start, 1) - self.start).days
        return self.days / year_days

    def query(self):
        """The GET parameters that choose this period again."""
        if self.key != CUSTOM:
            return {"period": self.key}
        return {
            "start_0": self.start.day,
            "start_1": self.start.month,
            "start_2": self.start.year,
            "end_0": self.end.day,
            "end_1": self.end.month,
            "end_2": self.end.year,
        }


def named(key, today=None):
    """One of the fixed periods, relative to today."""
    today = today or timezone.localdate()
    if key == THIS_YEAR:
        return Period(key, datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))
    if key == LAST_YEAR:
        year = today.year - 1
        return Period(key, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    if key == LAST_12_MONTHS:
        return Period(key, add_years(today, -1) + datetime.timedelta(days=1), today)
    raise ValueError(f"Unknown period {key!r}")


def between(start, end):
    return Period(CUSTOM, start, end)


def for_the_public(period, today):
    """What the public page counts of `period`: whole calendar quarters
    (January to March, April to June, …) that have ended. Small counts are
    hidden in each table, but two periods a day apart (or "this year" read
    on two days) would differ by one day's referrals, undoing that; whole
    quarters make the smallest difference a quarter's, and suppression.py
    hides what one quarter alone would give away. None when no quarter of
    the period has ended yet."""
    start = quarter_start(period.start)
    last_ended = quarter_start(today) - datetime.timedelta(days=1)
    end = min(quarter_end(period.end), last_ended)
    if end < start:
        return None
    return Period(period.key, start, end)


def quarter_start(day):
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_end(day):
    start = quarter_start(day)
    following = (start.replace(day=28) + datetime.timedelta(days=70)).replace(day=1)
    return quarter_start(following) - datetime.timedelta(days=1)


def quarters_of(period):
    """Each calendar quarter `period` touches, as a period of its own."""
    quarters = []
    start = quarter_start(period.start)
    while start <= period.end:
        end = quarter_end(start)
        quarters.append(Period(CUSTOM, start, end))
        start = end + datetime.timedelta(days=1)
    return quarters
