"""The impact figures against the hand-counted partnership in conftest.py,
and their cost in queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventIndexPage
from impact import periods
from impact.figures import report_for, target_for
from tests.factories.champions import ActivityFactory
from tests.factories.events import EventPageFactory
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory

from .conftest import EXPECTED, moment

pytestmark = pytest.mark.django_db


def rows(report, slug):
    return [(row.label, row.value) for row in report.tables[slug].rows]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_figures_match_the_hand_count(counted, slug):
    assert rows(report_for(counted), slug) == EXPECTED[slug]


def test_referrals_by_barrier_count_each_referral_once_per_barrier(counted):
    counts = dict(rows(report_for(counted), "referrals-by-barrier"))
    assert counts["No device (phone, tablet or computer)"] == 3
    assert counts["Little or no digital skills"] == 1
    assert counts["No internet at home"] == 1
    assert sum(counts.values()) == 5


def test_referrals_by_who_referred_them(counted):
    counts = dict(rows(report_for(counted), "referrals-by-referrer"))
    assert counts["Jobcentre Plus or DWP"] == 1
    assert counts["Council"] == 1
    assert counts["Referred themselves"] == 1
    assert counts["Not given"] == 1
    assert sum(counts.values()) == 4


def test_outcomes_are_of_referrals_closed_in_the_period(counted):
    counts = dict(rows(report_for(counted), "referral-outcomes"))
    assert counts["Got online"] == 2
    assert counts["Device provided"] == 1
    assert counts["Not recorded"] == 1
    assert counts["Declined"] == 0  # closed in 2026
    assert sum(counts.values()) == 4


def test_an_empty_period_gives_zeros_not_errors(counted):
    report = report_for(periods.between(datetime.date(2030, 1, 1), datetime.date(2030, 1, 31)))
    assert rows(report, "access-points-by-area") == [("Ward, Borough", 3), ("No area given", 1)]
    learning = dict(rows(report, "learning"))
    assert learning["Learning opportunities (session places)"] == 0
    assert learning["Target for the period"] == round(2000 * 31 / 365)
    assert dict(rows(report, "champions"))["Hours given"] == 0
    assert dict(rows(report, "referrals"))["Median days to first contact"] is None


def test_the_annual_target_is_pro_rated_to_the_period():
    def target(start, end):
        return target_for(periods.between(start, end), 2000)

    assert target(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)) == 2000
    assert target(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)) == 2000  # leap year
    assert target(datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)) == 2000
    assert target(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)) == round(2000 * 90 / 365)
    assert target(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)) == 4000 - 5
    assert target_for(periods.named(periods.LAST_12_MONTHS), 1500) == 1500


def test_the_report_takes_the_same_queries_however_much_there_is(counted, organisation):
    events_index = EventIndexPage.objects.get()
    with CaptureQueriesContext(connection) as before:
        report_for(counted)
    course = CoursePageFactory(parent=organisation, title="Another course")
    for day in range(1, 6):
        session = SessionFactory(page=course, start=moment(2025, 9, day), capacity=8)
        BookingFactory(session=session, attended=True)
        ActivityFactory(date=datetime.date(2025, 9, day))
        ReferralFactory(created_at=moment(2025, 9, day), contacted_at=moment(2025, 9, day + 1))
        event = EventPageFactory(parent=events_index, start=moment(2025, 10, day), capacity=5)
        BookingFactory(session=event.booking_session, attended=True)
    with CaptureQueriesContext(connection) as after:
        report = report_for(counted)
    assert len(after) == len(before) <= 16
    assert dict(rows(report, "learning"))["Attendances"] == 10
    assert dict(rows(report, "events"))["People who came"] == 8
