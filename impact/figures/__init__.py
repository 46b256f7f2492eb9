"""The impact figures for a period, from aggregate queries over the other
apps' records: a fixed number of queries (about a dozen) however many
listings, bookings, champions or referrals there are. Plain values in
(a Period and the annual target), plain tables out; nothing here knows
about requests, suppression or charts."""

import dataclasses

from . import champions, events, learning, places, referrals, skills
from .learning import DEFAULT_ANNUAL_TARGET, target_for
from .tables import COUNT, DAYS, HOURS, Row, Table

__all__ = [
    "COUNT",
    "DAYS",
    "DEFAULT_ANNUAL_TARGET",
    "HOURS",
    "Report",
    "Row",
    "Section",
    "Table",
    "report_for",
    "target_for",
]


@dataclasses.dataclass(frozen=True)
class Section:
    heading: str
    tables: tuple[Table, ...]


@dataclasses.dataclass(frozen=True)
class Report:
    period: object
    annual_target: int
    sections: tuple[Section, ...]

    @property
    def tables(self):
        return {table.slug: table for section in self.sections for table in section.tables}


def report_for(period, annual_target=DEFAULT_ANNUAL_TARGET, people_only=False):
    """The figures for a period. `people_only` leaves out the access points,
    which count no one: a quarter's report is read only for its small
    numbers of people (public.py), and counting every place's services for
    each quarter took 1.9 of 2.5 s at 100,000 listings."""
    return Report(
        period=period,
        annual_target=annual_target,
        sections=(
            *([] if people_only else [Section("Access points", tuple(places.tables(period)))]),
            Section(
                "Courses, learning and events",
                (*learning.tables(period, annual_target), *events.tables(period)),
            ),
            Section("Skills check and learning at home", tuple(skills.tables(period))),
            Section("Digital champions", tuple(champions.tables(period))),
            Section("Referrals", tuple(referrals.tables(period))),
        ),
    )
