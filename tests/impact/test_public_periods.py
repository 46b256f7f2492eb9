"""The public impact figures count whole calendar quarters that have ended,
so that two periods a day apart (or "this year" read on two days) cannot
be subtracted to reveal one day's referral, its referrer and its barriers;
and a row small in any quarter is hidden, so two runs of quarters cannot
be subtracted to reveal one quarter's either."""

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


def test_public_periods_are_whole_quarters_that_have_ended():
    asked = periods.between(datetime.date(2026, 3, 14), datetime.date(2026, 12, 2))
    shown = periods.for_the_public(asked, TODAY)
    assert (shown.start, shown.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 9, 30))
    feb = periods.between(datetime.date(2024, 2, 2), datetime.date(2024, 2, 3))
    shown = periods.for_the_public(feb, TODAY)
    assert (shown.start, shown.end) == (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
    this_quarter = periods.between(datetime.date(2026, 10, 1), datetime.date(2026, 12, 3))
    assert periods.for_the_public(this_quarter, TODAY) is None
    this_year = periods.for_the_public(periods.named(periods.THIS_YEAR, TODAY), TODAY)
    assert (this_year.start, this_year.end) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 9, 30),
    )
    assert [(q.start.month, q.end) for q in periods.quarters_of(this_year)] == [
        (1, datetime.date(2026, 3, 31)),
        (4, datetime.date(2026, 6, 30)),
        (7, datetime.date(2026, 9, 30)),
    ]


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
    assert "Figures count whole quarters" in html and "1 January to 31 March 2025" in html


def test_a_period_with_no_month_ended_says_so(client, impact_page):
    today = timezone.localdate()
    page = client.get("/impact/?" + dates(today.replace(day=1), today))
    assert "No figures yet for" in page.content.decode()
    assert (
        client.get("/impact/figures/referrals-by-referrer/?" + dates(today, today)).status_code
        == 404
    )


def test_subtracting_two_runs_of_quarters_cannot_reveal_a_quarter(
    client, impact_page, organisation
):
    """January to June less January to March would be April to June: the
    one referral from the council made then, and its barrier. Both periods
    hide it, so they subtract to nothing."""
    for month in (1, 2):
        for day in range(1, 7):
            ReferralFactory(
                organisation=organisation,
                created_at=moment(2025, month, day),
                referrer_kind="council",
                barriers=["no_device"],
            )
    ReferralFactory(
        organisation=organisation,
        created_at=moment(2025, 5, 20),
        referrer_kind="council",
        barriers=["language"],
    )
    url = "/impact/figures/{}/?"
    first_quarter = dates(datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    first_half = dates(datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))

    def value(slug, period, label):
        rows = read_csv(client.get(url.format(slug) + period))
        return next(row[1] for row in rows if row[0] == label)

    # Twelve council referrals in the first quarter: shown.
    assert value("referrals-by-referrer", first_quarter, "Council") == "12"
    # With May's one: not 13 (which would give it away), and not "fewer
    # than 5", which would be untrue of the period.
    assert value("referrals-by-referrer", first_half, "Council") == "not shown"
    assert value("referrals-by-barrier", first_half, "Needs another language") == "fewer than 5"
    assert value("referrals", first_half, "Referrals received") == "not shown"
    # A row with none in a quarter is not hidden for it.
    assert value("referrals-by-barrier", first_half, "No internet at home") == "0"
    html = client.get("/impact/?" + first_half).content.decode()
    assert "had fewer than 5 people in one of its quarters" in html


def test_a_signed_in_coordinator_keeps_any_period_and_every_figure(
    client, impact_page, organisation
):
    from django.contrib.auth import get_user_model

    from directory.permissions import coordinators_group

    ReferralFactory(
        organisation=organisation, created_at=moment(2025, 3, 20), referrer_kind="council"
    )
    coordinator = get_user_model().objects.create_user("coordinator", password="pw")
    coordinator.groups.add(coordinators_group())
    client.force_login(coordinator)
    one_day = dates(datetime.date(2025, 3, 20), datetime.date(2025, 3, 20))
    rows = read_csv(client.get("/impact/figures/referrals-by-referrer/?" + one_day))
    assert ["Council", "1", "2025-03-20", "2025-03-20"] in rows
    response = client.get("/impact/?" + one_day)
    html = response.content.decode()
    assert "You are signed in as a coordinator" in html
    assert "20 March 2025" in html and "Figures count whole quarters" not in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    client.logout()
    rows = read_csv(client.get("/impact/figures/referrals-by-referrer/?" + one_day))
    assert ["Council", "fewer than 5", "2025-01-01", "2025-03-31"] in rows
