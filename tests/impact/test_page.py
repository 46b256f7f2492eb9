"""The impact page at /impact/ and the admin home panel: the period form,
what the public sees (small counts hidden, no personal data), the CSV of
each figure, and who sees the panel with which figures."""

import csv
import datetime
import io
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from champions.models import Champion
from directory.permissions import coordinators_group
from impact.models import ImpactPage
from referrals.models import Referral
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, SessionFactory
from training.models import Booking, CoursePage
from website.models import HomePage

from .conftest import YEAR_2025, moment

pytestmark = pytest.mark.django_db


def year_2025_url(path="/impact/"):
    return f"{path}?{urlencode(YEAR_2025.query())}"


def test_the_impact_page_sits_once_under_the_home_page(impact_page):
    home = HomePage.objects.get()
    assert impact_page.url == "/impact/"
    assert not ImpactPage.can_create_at(home)  # max_count 1
    assert ImpactPage.allowed_parent_page_models() == [HomePage]
    assert ImpactPage.allowed_subpage_models() == []


def test_the_page_shows_the_chosen_period_with_small_counts_of_people_hidden(
    client, impact_page, counted
):
    response = client.get(year_2025_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 January to 31 December 2025" in html
    assert "Our commentary on the figures." in html
    assert "Ward, Borough" in html
    assert "26" in html  # learning opportunities: not about people, shown in full
    assert "7" in html  # places booked: seven people
    assert "fewer than 5" in html  # e.g. four referrals received
    # Every chart is an image with a title and description, beside a table.
    assert html.count('role="img"') == html.count("<title id=") == 10
    assert html.count('<table class="govuk-table">') == 11
    assert html.count("(CSV)</a>") == 11


def test_every_id_on_the_page_is_unique(client, impact_page, counted):
    html = client.get(year_2025_url()).content.decode()
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) > 40
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_the_public_page_never_shows_anyone(client, impact_page, counted):
    html = client.get(year_2025_url()).content.decode()
    names = [
        *Referral.objects.values_list("resident_name", flat=True),
        *Referral.objects.values_list("referrer_name", flat=True),
        *Champion.objects.values_list("name", flat=True),
        *Booking.objects.values_list("name", flat=True),
        *Booking.objects.values_list("email", flat=True),
    ]
    assert names
    for name in names:
        assert name not in html


def test_with_no_choice_the_page_shows_this_year(client, impact_page):
    html = client.get("/impact/?utm_source=newsletter").content.decode()
    assert "There is a problem" not in html
    assert 'value="this_year"\n    \n      checked="checked"' in html
    assert "This year (" in html


def test_bad_dates_are_explained_and_what_was_typed_is_kept(client, impact_page):
    query = "start_0=31&start_1=2&start_2=2025&end_0=3&end_1=&end_2=2025"
    response = client.get(f"/impact/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Our impact" in html
    assert "There is a problem" in html
    assert '<a href="#id_start_0">The start date must be a real date</a>' in html
    assert '<a href="#id_end_0">The end date must include a month</a>' in html
    assert 'value="31"' in html  # the day typed is still there
    assert "Access points by area" not in html  # no figures for a period that is not one


def test_an_end_before_the_start_and_missing_dates_are_refused(client, impact_page):
    query = "start_0=1&start_1=4&start_2=2025&end_0=1&end_1=1&end_2=2025"
    html = client.get(f"/impact/?{query}").content.decode()
    assert "The end date must be the same as or after the start date" in html
    query = "start_0=1&start_1=4&start_2=2020&end_0=1&end_1=4&end_2=2025"
    html = client.get(f"/impact/?{query}").content.decode()
    assert "The end date must be less than 5 years after the start date" in html
    assert "Access points by area" not in html
    html = client.get("/impact/?start_0=&start_1=&start_2=&end_0=&end_1=&end_2=").content.decode()
    assert "Enter the start date" in html and "Enter the end date" in html
    html = client.get("/impact/?period=next_decade").content.decode()
    assert '<a href="#id_period_1">Select a period from the list</a>' in html
    html = client.get("/impact/?period=last_year").content.decode()
    assert "There is a problem" not in html
    assert 'value="last_year"\n    \n      checked="checked"' in html


def read_csv(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_each_figure_downloads_as_csv_as_the_page_shows_it(client, impact_page, counted):
    response = client.get(year_2025_url("/impact/figures/referrals-by-referrer/"))
    rows = read_csv(response)
    assert rows[0] == ["Referred by", "Referrals", "From", "To"]
    assert ["Jobcentre Plus or DWP", "fewer than 5", "2025-01-01", "2025-12-31"] in rows
    assert ["Library", "0", "2025-01-01", "2025-12-31"] in rows
    assert response["Content-Disposition"] == (
        'attachment; filename="referrals-by-referrer-2025-01-01-to-2025-12-31.csv"'
    )
    places = read_csv(client.get(year_2025_url("/impact/figures/access-points-by-area/")))
    assert places[1][:2] == ["Ward, Borough", "2"]


def test_an_unknown_figure_or_a_bad_period_is_a_clear_error(client, impact_page):
    assert client.get("/impact/figures/no-such-figure/").status_code == 404
    response = client.get("/impact/figures/learning/?start_0=40")
    assert response.status_code == 400
    assert "The start date must" in response.content.decode()


def test_coordinators_set_the_annual_target(client, impact_page, counted):
    impact_page.annual_learning_target = 1000
    impact_page.save_revision().publish()
    rows = read_csv(client.get(year_2025_url("/impact/figures/learning/")))
    assert ["Target for the period", "1000", "2025-01-01", "2025-12-31"] in rows


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_takes_the_same_queries_however_much_there_is(client, impact_page, counted):
    url = year_2025_url()
    before = count_queries(client, url)
    course = CoursePage.objects.live().first()
    for day in range(1, 8):
        session = SessionFactory(page=course, start=moment(2025, 10, day))
        BookingFactory(session=session, attended=True, completed=True)
        ReferralFactory(created_at=moment(2025, 10, day), referrer_kind="library")
    assert count_queries(client, url) == before
    print(f"/impact/ for a custom period: {before} queries")


# The admin home panel.


def make_user(username, *groups, **fields):
    user = get_user_model().objects.create_user(username, password="pw", **fields)
    user.groups.add(*groups)
    return user


@pytest.fixture
def a_referral_this_year(demo_site):
    return ReferralFactory(referrer_kind="council")


def panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="w-dashboard' in html or "Dashboard" in html
    start = html.find('id="impact-section"')
    return html[start : html.find("</section>", start)] if start != -1 else ""


def test_coordinators_see_every_figure_as_counted(client, impact_page, a_referral_this_year):
    html = panel(client, make_user("coordinator", coordinators_group()))
    assert "Impact: this year" in html
    assert "<strong>1</strong>" in html  # one referral received
    assert "fewer than 5" not in html
    assert a_referral_this_year.resident_name not in html


def test_partner_staff_see_what_the_public_sees(client, impact_page, organisation, monkeypatch):
    """Whole quarters that have ended, as on the public page, so that
    reading the panel on two days tells nothing about the day between."""
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2026, 6, 15))
    for day in range(1, 6):
        ReferralFactory(organisation=organisation, created_at=moment(2026, 2, day))
    ReferralFactory(organisation=organisation, created_at=moment(2026, 3, 9), mode="self")
    this_quarter = ReferralFactory(organisation=organisation, created_at=moment(2026, 5, 14))
    html = panel(client, make_user("partner", organisation.editors_group))
    assert "Impact: this year" in html
    assert "1 January to 31 March 2026" in html
    assert "<strong>6</strong>" in html  # the first quarter's six, not May's seventh
    assert "<td>fewer than 5</td>" in html  # one self-referral
    assert this_quarter.resident_name not in html


def test_partner_staff_in_the_first_quarter_are_told_none_has_ended(
    client, impact_page, organisation, monkeypatch
):
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2027, 2, 20))
    html = panel(client, make_user("partner", organisation.editors_group))
    assert "No quarter of 1 January to 31 December 2027 has ended yet" in html


def test_other_admin_users_do_not_get_the_panel(client, impact_page, demo_site):
    user = make_user("outsider")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert panel(client, user) == ""
