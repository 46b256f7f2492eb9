"""Finding a course on /find-help/ in Chromium: a resident filters courses
by level and day, with and without JavaScript and by keyboard alone, with no
WCAG 2.x A/AA violations on the results."""

import re

from playwright.sync_api import expect

from directory.hours import DAY_NAMES


def filter_beginner_courses_on(page, base_url, day):
    page.goto(base_url + "/find-help/")
    page.get_by_label("Courses", exact=True).check()
    page.locator("summary", has_text="Filter results").click()
    page.get_by_label("Beginner", exact=True).check()
    page.get_by_label(day, exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    # The results open at #results, and Chromium keeps scrolling to it
    # until the page has loaded: a click before then can land off target.
    page.wait_for_load_state("load")


def check_only_beginner_courses_on(page, day):
    expect(page.locator("#results-heading")).to_contain_text(re.compile(r"\d+ courses?"))
    cards = page.locator(".app-result")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        expect(card.locator(".govuk-tag")).to_have_text("Course")
        expect(card).to_contain_text("Beginner")
        expect(card).to_contain_text(f"Next session: {day}")
        expect(card).to_contain_text(re.compile(r"\d+ places? left|Full"))
    # The filters stay as chosen.
    expect(page.get_by_label("Courses", exact=True)).to_be_checked()
    expect(page.get_by_label("Beginner", exact=True)).to_be_checked()
    expect(page.get_by_label(day, exact=True)).to_be_checked()


def open_first_course(page):
    link = page.locator(".app-result h3 a").first
    title = link.inner_text()
    link.click()
    expect(page.locator("h1")).to_have_text(title)


def test_resident_filters_courses_by_level_and_day(page, full_site_url, beginner_day, axe):
    filter_beginner_courses_on(page, full_site_url, beginner_day)
    check_only_beginner_courses_on(page, beginner_day)
    expect(page.locator("#results-map")).to_have_count(0)  # courses are not on the map
    axe(page)
    open_first_course(page)


def test_same_journey_works_without_javascript(no_js_page, full_site_url, beginner_day):
    filter_beginner_courses_on(no_js_page, full_site_url, beginner_day)
    check_only_beginner_courses_on(no_js_page, beginner_day)
    open_first_course(no_js_page)


def test_places_and_courses_together_have_no_violations(page, full_site_url, axe):
    page.goto(full_site_url + "/find-help/?postcode=PR7+1AB&radius=3")
    expect(page.locator(".app-result--place").first).to_be_visible()
    expect(page.locator(".app-result--course").first).to_be_visible()
    expect(page.get_by_text("Online and phone courses can be done from anywhere")).to_be_visible()
    axe(page)


def tab_to(page, target, limit=200):
    """Press Tab until `target` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def test_filter_courses_by_keyboard_alone(page, full_site_url, beginner_day):
    page.goto(full_site_url + "/find-help/")
    # The listing type: Tab into the radio group, arrow down to "Courses".
    tab_to(page, page.get_by_label("Places and courses"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Courses", exact=True)).to_be_checked()
    # Open the filters, pick the day with the arrow keys and tick "Beginner".
    tab_to(page, page.locator("summary", has_text="Filter results"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Any day"))
    for _ in range(DAY_NAMES.index(beginner_day) + 2):  # past "Open now"
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label(beginner_day, exact=True)).to_be_checked()
    tab_to(page, page.get_by_label("Beginner", exact=True))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Apply filters"))
    page.keyboard.press("Enter")
    check_only_beginner_courses_on(page, beginner_day)
    # On to the first course, and into it, once the page (opened at
    # #results, which can move the focus) has loaded.
    page.wait_for_load_state("load")
    first = page.locator(".app-result h3 a").first
    title = first.inner_text()
    tab_to(page, first)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
