"""The figures the public sees of a period, and partner organisations'
staff on the admin home page: counted over whole calendar quarters that
have ended (periods.for_the_public), with small counts of people hidden in
a way that comparing two periods cannot undo
(suppression.small_in_a_quarter)."""

import dataclasses

from . import periods, suppression
from .figures import Report, report_for


@dataclasses.dataclass(frozen=True)
class PublicReport:
    report: Report
    small_elsewhere: frozenset

    @property
    def period(self):
        return self.report.period


def public_report(asked_for, annual_target, today):
    """The public figures for the period someone asked for, or None when
    no quarter of it has ended yet."""
    period = periods.for_the_public(asked_for, today)
    if period is None:
        return None
    report = report_for(period, annual_target)
    quarters = periods.quarters_of(period)
    quarter_reports = (
        [report_for(quarter, annual_target, people_only=True) for quarter in quarters]
        if len(quarters) > 1
        else []
    )
    return PublicReport(report, suppression.small_in_a_quarter(quarter_reports))
