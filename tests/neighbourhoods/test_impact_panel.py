"""Where help is needed on the impact dashboard: the public /impact/ page and
the admin home page's impact panel show the indicator with its source and
licence, how many gaps there are, the worst few and links to the page and
its CSV; small counts of people hidden as on the page itself, exact for
coordinators; the same queries however many areas; the cached /impact/
page forgotten when areas, indicators or reach change."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.permissions import coordinators_group
from neighbourhoods import reach
from neighbourhoods.models import IndicatorValue, WhereHelpIsNeededPage
from referrals.models import Referral
from tests.factories.impact import ImpactPageFactory
from tests.factories.neighbourhoods import load_areas, load_indicator, row_of_squares
from website import page_cache
from website.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def impact_page(needs_page):
    return ImpactPageFactory(parent=HomePage.objects.get())


def panel_of(html):
    """The where-help-is-needed part of /impact/."""
    start = html.index('<section aria-labelledby="where-help-is-needed">')
    return html[start : html.index("</section>", start)]


def signed_in(*groups, username="coordinator"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-123")
    user.groups.add(*groups)
    client = Client()
    client.force_login(user)
    return client


def admin_panel(client):
    html = client.get("/admin/").content.decode()
    start = html.index('id="impact-where-help-is-needed"')
    return html[start : html.find("</section>", start)]


def test_the_impact_page_shows_the_gaps_with_small_counts_hidden(client, impact_page):
    panel = panel_of(client.get("/impact/").content.decode())
    assert "<strong>Risk score</strong> (2023) for 3 areas of LSOA 2021" in panel
    assert "Source: GMCA. Licence: Open Government Licence v3.0." in panel
    assert "<strong>1</strong> of the 1 area in the worst fifth has no access point" in panel
    # The gap: Chorley 1, with three referrals, fewer than the public may see.
    assert '<th scope="row" class="govuk-table__header">Chorley 1</th>' in panel
    assert "Print shop</a>, 1.4 miles" in panel
    assert ">fewer than 5<" in panel and ">3<" not in panel
    assert "Chorley 2" not in panel  # not in the worst fifth
    assert 'href="/where-help-is-needed/"' in panel
    indicator = IndicatorValue.objects.first().indicator
    assert f'href="/where-help-is-needed/gaps/?indicator={indicator.pk}" download' in panel
    assert "fictional" not in panel


def test_coordinators_see_every_count_on_the_impact_page(impact_page):
    response = signed_in(coordinators_group()).get("/impact/")
    panel = panel_of(response.content.decode())
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in panel
    assert "fewer than 5" not in panel
    assert "no-store" in response["Cache-Control"]


def test_the_admin_panel_is_exact_for_coordinators_and_hides_small_counts_for_partners(
    impact_page, organisation
):
    coordinators = admin_panel(signed_in(coordinators_group()))
    assert "<td>3</td>" in coordinators
    assert "Print shop, 1.4 miles" in coordinators
    assert 'href="/where-help-is-needed/"' in coordinators
    organisation.refresh_from_db()
    partners = admin_panel(signed_in(organisation.editors_group, username="partner"))
    assert "<td>fewer than 5</td>" in partners and "<td>3</td>" not in partners


def test_fictional_figures_say_so_on_the_dashboard(client, impact_page, needs_page):
    made_up = load_indicator(needs_page.area_set, {"E01000001": 1.0}, name="A", fictional=True)
    needs_page.indicator = made_up
    needs_page.save_revision().publish()
    panel = panel_of(client.get("/impact/").content.decode())
    assert "These are fictional demo figures" in panel


def test_without_figures_the_dashboard_still_links_to_the_page(client, demo_site):
    ImpactPageFactory(parent=HomePage.objects.get())
    assert "where-help-is-needed" not in client.get("/impact/").content.decode()
    page = WhereHelpIsNeededPage(title="Where help is needed", slug="where-help-is-needed")
    HomePage.objects.get().add_child(instance=page)
    panel = panel_of(client.get("/impact/").content.decode())
    assert "No neighbourhood figures have been loaded yet" in panel
    assert 'href="/where-help-is-needed/"' in panel


def queries_for(client, url):
    page_cache.content_changed()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_dashboards_take_the_same_queries_however_many_areas(client, impact_page):
    coordinator = signed_in(coordinators_group())
    queries_for(client, "/impact/")  # settings and the site, read once
    queries_for(coordinator, "/admin/")
    before = queries_for(client, "/impact/"), queries_for(coordinator, "/admin/")
    area_set = load_areas(row_of_squares(12))
    load_indicator(area_set, {f"E0100000{n + 1}": float(n) for n in range(12)})
    reach.refresh()
    after = queries_for(client, "/impact/"), queries_for(coordinator, "/admin/")
    assert "<strong>3</strong> of the 3 areas" in panel_of(client.get("/impact/").content.decode())
    assert after == before
    print(f"/impact/ and /admin/ with the panel: {before} queries")


def cached_then(client, change, django_capture_on_commit_callbacks):
    client.get("/impact/")
    assert client.get("/impact/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        change()
    response = client.get("/impact/")
    assert response["X-Page-Cache"] == "miss"
    return panel_of(response.content.decode())


def test_the_cached_dashboard_is_forgotten_when_an_indicator_changes(
    client, impact_page, needs_page, django_capture_on_commit_callbacks
):
    panel = cached_then(
        client,
        lambda: load_indicator(
            needs_page.area_set, {"E01000001": 2.0, "E01000002": 5.5, "E01000003": 1.0}
        ),
        django_capture_on_commit_callbacks,
    )
    assert "<strong>0</strong> of the 1 area" in panel


def test_the_cached_dashboard_is_forgotten_when_areas_are_loaded(
    client, impact_page, django_capture_on_commit_callbacks
):
    panel = cached_then(
        client, lambda: load_areas(row_of_squares(6)), django_capture_on_commit_callbacks
    )
    assert "for 6 areas of LSOA 2021" in panel


def test_the_cached_dashboard_is_forgotten_when_the_reach_changes(
    client, impact_page, django_capture_on_commit_callbacks
):
    # Three more referrals from the first square, written without signals:
    # only working out the reach again shows them.
    Referral.objects.filter(postcode="PR7 2AA").update(postcode="PR7 1AA")
    panel = cached_then(client, reach.refresh, django_capture_on_commit_callbacks)
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">9</td>' in panel
