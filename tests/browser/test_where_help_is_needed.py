"""A coordinator loads a real-format boundaries file (ONS GeoJSON, British
National Grid) and a DERI-style CSV in the admin: upload, check the
preview, confirm; then sees the gaps and the map for the demo area, with
axe on every page. Visitors without JavaScript sort the table by links."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from directory.permissions import coordinators_group
from tests.factories.neighbourhoods import row_of_squares

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-123"
# As a spreadsheet saves it: a byte-order mark and Windows line endings.
DERI = (
    "\ufeffLSOA21CD,LSOA21NM,DERI_score\r\n"
    "E01000001,Chorley 1,8.2\r\n"
    "E01000002,Chorley 2,3.1\r\n"
    "E09999999,Elsewhere,5\r\n"
)


@pytest.fixture
def files(tmp_path):
    boundaries = tmp_path / "LSOA_2021_EW_BGC.geojson"
    boundaries.write_text(json.dumps(row_of_squares(3)))
    indicator = tmp_path / "deri.csv"
    indicator.write_text(DERI, encoding="utf-8", newline="")
    return boundaries, indicator


@pytest.fixture
def coordinator(full_site_url):
    user = get_user_model().objects.create_user("coordinator", "c@example.org", PASSWORD)
    user.groups.add(coordinators_group())


def log_in(page, base_url):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_coordinator_loads_boundaries_and_an_indicator_then_sees_the_gaps(
    page, full_site_url, coordinator, files, axe
):
    boundaries, indicator = files
    log_in(page, full_site_url)
    page.get_by_role("link", name="Where help is needed").click()
    expect(page.locator("h1")).to_contain_text("Where help is needed")
    axe(page)

    page.get_by_role("link", name="Load neighbourhood boundaries").click()
    page.get_by_role("button", name="Upload and check").click()  # no file chosen
    expect(page.get_by_role("alert")).to_contain_text("Choose a GeoJSON file of boundaries.")
    axe(page)
    page.get_by_label("Boundaries file (GeoJSON)").set_input_files(boundaries)
    page.get_by_label("Name of the set of areas").fill("LSOA 2021 Chorley")
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator("main")).to_contain_text("3 rows accepted (3 new, 0 changed, 0 unchanged)")
    expect(page.locator("main")).to_contain_text("3 new areas: E01000001, E01000002, E01000003")
    axe(page)
    page.get_by_role("button", name="Confirm and load").click()
    expect(page.locator(".messages")).to_contain_text("Loaded into LSOA 2021 Chorley")

    page.get_by_role("link", name="Load an indicator").click()
    page.get_by_label("Indicator file (CSV)").set_input_files(indicator)
    page.get_by_label("Area set").select_option(label="LSOA 2021 Chorley")
    page.locator("#id_name").fill("Digital Exclusion Risk Index")
    page.get_by_label("Source").fill("GMCA, Digital Exclusion Risk Index")
    page.get_by_label("Licence").fill("Open Government Licence v3.0")
    page.get_by_label("Year").fill("2023")
    page.get_by_label(re.compile("A higher figure means more need")).check()
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator("main")).to_contain_text("2 rows accepted")
    expect(page.locator("main")).to_contain_text("unknown area code")
    axe(page)
    page.get_by_role("button", name="Confirm and load").click()
    expect(page.locator(".messages")).to_contain_text("Loaded into LSOA 2021 Chorley")

    # The page shows the demo area's fictional figures first; the
    # coordinator chooses the new indicator and sees its gaps and map.
    page.goto(full_site_url + "/where-help-is-needed/")
    expect(page.get_by_text("These are fictional demo figures")).to_be_visible()
    page.get_by_label("Indicator").select_option(
        label="Digital Exclusion Risk Index (2023): LSOA 2021 Chorley"
    )
    page.get_by_role("button", name="Show this indicator").click()
    expect(page.get_by_text("These are fictional demo figures")).to_have_count(0)
    expect(page.locator("#gaps")).to_have_text(
        re.compile(r"Gaps: [01] areas? in the worst fifth with no access point within 1.0 mile")
    )
    expect(page.locator("#needs-map")).to_be_visible()
    expect(page.locator("#needs-map .leaflet-overlay-pane path")).to_have_count(3)
    expect(page.locator("#areas ~ table tbody tr")).to_have_count(3)
    axe(page)


def test_without_javascript_the_table_sorts_by_links(no_js_page, full_site_url, axe):
    page = no_js_page
    page.goto(full_site_url + "/where-help-is-needed/")
    expect(page.locator("#needs-map")).to_be_hidden()
    page.locator("#areas ~ table").get_by_role("link", name="Area").click()
    header = page.locator("th[aria-sort]")
    expect(header).to_have_attribute("aria-sort", "ascending")
    names = page.locator("#areas ~ table tbody th").all_inner_texts()
    assert names == sorted(names, key=str.lower)


def test_a_resident_sorts_the_table_and_finds_the_gaps_by_keyboard(page, full_site_url, axe):
    page.goto(full_site_url + "/where-help-is-needed/")
    sort = page.locator("#areas ~ table").get_by_role("link", name="Area")
    for _ in range(200):
        page.keyboard.press("Tab")
        if sort.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table's 'Area' sort link")
    page.keyboard.press("Enter")
    expect(page.locator("th[aria-sort]")).to_have_attribute("aria-sort", "ascending")
    names = page.locator("#areas ~ table tbody th").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    axe(page)
