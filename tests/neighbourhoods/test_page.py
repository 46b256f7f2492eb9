"""The "Where help is needed" needs_page: the gaps first, every area in a table
that sorts without JavaScript, the map's data, a CSV of the gaps; small
counts of people hidden from the public, every count for coordinators;
cached for visitors and forgotten when the figures change."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory.permissions import coordinators_group
from neighbourhoods import reach
from tests.factories.neighbourhoods import load_areas, load_indicator, row_of_squares
from website import page_cache

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def coordinator_client():
    user = get_user_model().objects.create_user("coordinator", "c@example.org", "pass-word-123")
    user.groups.add(coordinators_group())
    client = Client()
    client.force_login(user)
    return client


def test_the_gaps_come_first_then_every_area(client, needs_page):
    html = text(client.get(needs_page.url))

    gaps = html.index('id="gaps"')
    table = html.index('id="areas"')
    assert "Gaps: 1 area in the worst fifth with no access point within 1.0 mile" in html
    assert html.index("Chorley 1", gaps) < table
    assert "Print shop</a>, 1.4 miles" in html  # 2.3 km from the first square's centre
    assert "Risk score" in html and "Open Government Licence v3.0" in html


def test_the_gap_distance_is_the_coordinators_to_set(client, needs_page):
    needs_page.gap_miles = 2
    needs_page.save_revision().publish()
    assert "Gaps: 0 areas" in text(client.get(needs_page.url))


def test_small_counts_of_people_are_hidden_from_the_public(client, needs_page):
    html = text(client.get(needs_page.url))
    assert ">fewer than 5<" in html
    assert "No device" not in html  # recorded by 3 referrals only
    assert "No internet at home (6)" in html


def test_coordinators_see_every_count_and_nothing_keeps_the_page(needs_page):
    response = coordinator_client().get(needs_page.url)
    html = text(response)
    assert ">fewer than 5<" not in html
    assert "No device (phone, tablet or computer) (3)" in html
    assert "no-store" in response["Cache-Control"]


def area_order(html):
    table = html[html.index('id="areas"') :]
    return [name for _, name in sorted((table.index(f"Chorley {n}"), n) for n in (1, 2, 3))]


def test_the_table_sorts_by_links_without_javascript(client, needs_page):
    assert area_order(text(client.get(needs_page.url))) == [1, 2, 3]  # worst figure first
    assert area_order(text(client.get(needs_page.url + "?sort=value&order=asc"))) == [3, 2, 1]
    assert area_order(text(client.get(needs_page.url + "?sort=distance&order=asc"))) == [3, 2, 1]
    # The hidden count (3) sorts below the shown 6, above none.
    assert area_order(text(client.get(needs_page.url + "?sort=referrals&order=desc"))) == [2, 1, 3]
    html = text(client.get(needs_page.url + "?sort=referrals&order=desc"))
    assert 'aria-sort="descending"><a class="govuk-link" href="/where-help-is-needed/?' in html


def test_an_unknown_order_falls_back_to_the_default(client, needs_page):
    response = client.get(needs_page.url + "?sort=secret&order=sideways")
    assert response.status_code == 200
    assert area_order(text(response)) == [1, 2, 3]


@pytest.mark.parametrize("indicator", ["999999", "abc", "-1"])
def test_a_tampered_indicator_is_not_found(client, needs_page, indicator):
    assert client.get(f"{needs_page.url}?indicator={indicator}").status_code == 404
    assert client.get(f"{needs_page.url}gaps/?indicator={indicator}").status_code == 404


def test_the_map_has_every_area_shaded_by_its_fifth_and_the_places(client, needs_page):
    response = client.get(needs_page.url)
    assert '"properties":{"name": "Chorley 1", "band": 1}' in text(response)
    assert '"properties":{"name": "Chorley 3", "band": 4}' in text(response)
    assert "vendor/leaflet/leaflet." in text(response)


def test_the_gaps_download_as_csv(client, needs_page):
    response = client.get(needs_page.url + "gaps/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Area code", "Area", "Risk score (2023)"]
    assert rows[1] == ["E01000001", "Chorley 1", "9.0", "Print shop", "1.43", "fewer than 5"]


def test_fictional_figures_say_so(client, needs_page):
    real = needs_page.area_set.indicators.get()
    made_up = load_indicator(needs_page.area_set, {"E01000001": 1.0}, name="Z", fictional=True)
    html = text(client.get(f"{needs_page.url}?indicator={made_up.pk}"))
    assert "These are fictional demo figures" in html
    assert "fictional demo figures" not in text(client.get(f"{needs_page.url}?indicator={real.pk}"))


def queries_for(url):
    """Queries one uncached request makes (a signed-out visitor whose page
    the cache does not hold)."""
    page_cache.content_changed()
    with CaptureQueriesContext(connection) as captured:
        Client().get(url, {"sort": "area"})
    return len(captured)


def test_the_query_count_does_not_grow_with_the_areas(needs_page):
    queries_for(needs_page.url)  # settings and the site, read once
    few = queries_for(needs_page.url)
    load_areas(row_of_squares(9))
    reach.refresh()
    assert queries_for(needs_page.url) == few


def test_the_page_is_cached_and_forgotten_when_figures_change(
    client, needs_page, django_capture_on_commit_callbacks
):
    client.get(needs_page.url)
    assert client.get(needs_page.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        load_indicator(needs_page.area_set, {"E01000001": 2.0, "E01000002": 5.5, "E01000003": 1.0})
    response = client.get(needs_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Gaps: 0 areas" in text(response)
