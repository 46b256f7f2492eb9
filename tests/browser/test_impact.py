"""The impact dashboard and the open downloads, in Chromium: no WCAG 2.x
A/AA violations (with figures and where help is needed, and with a period
error), the period form by keyboard alone, and the same form without
JavaScript."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def impact_url(full_site_url):
    """The whole demo, whose seed_demo adds the impact page at /impact/."""
    return full_site_url + "/impact/"


def test_dashboard_with_figures_and_with_a_period_error(page, impact_url, axe):
    page.goto(impact_url)
    expect(page.locator("h1")).to_have_text("Our impact")
    # A chart for each table of figures, the events' among them.
    expect(page.locator("svg.app-chart")).to_have_count(10)
    expect(page.get_by_role("table").first).to_be_visible()
    # Below the figures, where help is needed (fictional in the demo).
    needs = page.locator('section[aria-labelledby="where-help-is-needed"]')
    expect(needs.get_by_role("heading", name="Where help is needed")).to_be_visible()
    expect(needs).to_contain_text("These are fictional demo figures")
    to_the_page = needs.get_by_role("link", name=re.compile("^See where help is needed"))
    expect(to_the_page).to_have_attribute("href", "/where-help-is-needed/")
    axe(page)
    page.set_viewport_size({"width": 320, "height": 640})
    axe(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(impact_url + "?start_0=1&start_1=4&start_2=2026&end_0=1&end_1=1&end_2=2026")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The end date must be the same as or after the start date")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: "))
    axe(page)
    summary.get_by_role("link").click()
    expect(page.locator("#id_end_0")).to_be_focused()


def test_choosing_periods_by_keyboard_alone(page, impact_url):
    page.goto(impact_url)
    page.locator("#id_period_1").focus()  # the ticked radio: where Tab lands in the group
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Last year")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Show figures", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"period=last_year"))
    expect(page.locator("#figures")).to_contain_text("Last year (")

    page.locator("#id_period_2").focus()
    page.keyboard.press("Tab")  # Show figures
    page.keyboard.press("Tab")  # the start date's day
    expect(page.locator("#id_start_0")).to_be_focused()
    for text in ("1", "4", "2025", "31", "3", "2026"):
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Show figures for these dates")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"start_0=1&start_1=4&start_2=2025"))
    expect(page.locator("#figures")).to_have_text("1 April 2025 to 31 March 2026")
    download = page.get_by_role("link", name="Download courses and learning opportunities (CSV)")
    expect(download).to_have_attribute("href", re.compile(r"/impact/figures/learning/\?start_0=1"))


def test_the_period_form_works_without_javascript(no_js_page, impact_url):
    page = no_js_page
    page.goto(impact_url)
    page.get_by_label("Last year").check()
    page.get_by_role("button", name="Show figures", exact=True).click()
    expect(page.locator("#figures")).to_contain_text("Last year (")
    expect(page.locator("svg.app-chart").first).to_be_visible()
    # The commentary names its own year rather than saying "this year".
    expect(
        page.get_by_role("heading", name=re.compile(r"^What the figures show for \d{4}"))
    ).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("this year")
    for box, text in (("#id_start_0", "1"), ("#id_start_1", "1"), ("#id_start_2", "2026")):
        page.locator(box).fill(text)
    page.get_by_role("button", name="Show figures for these dates").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the end date")


def test_open_downloads_page(page, full_site_url, axe):
    page.goto(full_site_url + "/find-help/")
    page.get_by_role("link", name="download every place and course as open data").click()
    expect(page.locator("h1")).to_have_text("Open data: download the directory")
    expect(page.get_by_role("link", name="Open Government Licence v3.0")).to_be_visible()
    axe(page)
    response = page.request.get(full_site_url + "/open-data/access-points.json")
    assert response.ok
    assert response.json()["count"] >= 50
