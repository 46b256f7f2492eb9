"""The public impact figures count whole months that have ended, so that
two periods a day apart (or "this year" read on two days) cannot be
subtracted to reveal one day's referral, its referrer and its barriers."""

import datetime
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from impact import periods
from tests.factories.referrals import ReferralFactory
from tests.impact.conftest import moment
from tests.impact.test_page import read_csv

TODAY = datetime.date(2026, 12, 3)
pytestmark = pytest.mark.django_db


def test_public_periods_are_whole_months_that_have_ended():
    asked = periods.between(datetime.date(2026, 3, 14), datetime.date(2026, 12, 2))
    shown = periods.for_the_public(asked, TODAY)
    assert (shown.start, shown.end) == (datetime.date(2026, 3, 1), datetime.date(2026, 11, 30))
    feb = periods.between(datetime.date(2024, 2, 2), datetime.date(2024, 2, 3))
    assert periods.for_the_public(feb, TODAY).end == datetime.date(2024, 2, 29)
    this_month = periods.between(datetime.date(2026, 12, 1), datetime.date(2026, 12, 3))
    assert periods.for_the_public(this_month, TODAY) is None
    this_year = periods.for_the_public(periods.named(periods.THIS_YEAR, TODAY), TODAY)
    assert (this_year.start, this_year.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 11, 30),
    )


def dates(start, end):
    return urlencode(periods.between(start, end).query())


def test_two_periods_a_day_apart_give_the_same_figures(client, impact_page, organisation):
    for day in range(1, 9):
        ReferralFactory(organisation=organisation, created_at=moment(2025, 3, day))
    ReferralFactory(organisation=organisation, created_at=moment(2025, 3, 20))  # the one
    url = "/impact/figures/referrals-by-referrer/?"
    with_it = read_csv(
        client.get(url + dates(datetime.date(2025, 3, 1), datetime.date(2025, 3, 20)))
    )
    without = read_csv(
        client.get(url + dates(datetime.date(2025, 3, 1), datetime.date(2025, 3, 19)))
    )
    assert with_it == without
    page = client.get("/impact/?" + dates(datetime.date(2025, 3, 1), datetime.date(2025, 3, 19)))
    html = page.content.decode()
    assert (
        "Figures count whole months that have ended" in html and "1 March to 31 March 2025" in html
    )


def test_a_period_with_no_month_ended_says_so(client, impact_page):
    today = timezone.localdate()
    page = client.get("/impact/?" + dates(today.replace(day=1), today))
    assert "No figures yet for" in page.content.decode()
    assert (
        client.get("/impact/figures/referrals-by-referrer/?" + dates(today, today)).status_code
        == 404
    )
