"""The directory, as a resident uses it in Chromium: with and without
JavaScript, by keyboard, with no WCAG 2.x A/AA violations."""

import re

import pytest
from playwright.sync_api import expect

from directory.models import AccessPointPage, OrganisationPage


def search_by_postcode_and_service(page, base_url):
    page.goto(base_url + "/find-help/")
    page.get_by_label("Postcode").fill("pr7 1ab")
    page.get_by_label("Within").select_option("10")
    summary = page.locator("summary", has_text="Filter results")
    summary.click()
    page.get_by_label("Free wifi").check()
    page.get_by_role("button", name="Apply filters").click()
    # Opened at #results: Chromium keeps scrolling to it until the page has
    # loaded, so a click before then can land off target.
    page.wait_for_load_state("load")


def check_results_then_open_first(page):
    expect(page.locator("#results-heading")).to_contain_text("within 10 miles of PR7 1AB")
    distances = [
        float(match)
        for match in re.findall(r"([\d.]+) miles", page.locator(".app-results").inner_text())
    ]
    assert distances, "no distances shown"
    assert distances == sorted(distances), "results are not nearest first"
    first = page.locator(".app-result").first
    expect(first).to_contain_text("Today:")
    title = first.locator("h3 a").inner_text()
    first.locator("h3 a").click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.get_by_role("link", name=re.compile("Google Maps directions to"))).to_be_visible()
    return title


def test_resident_finds_nearest_wifi_and_opens_a_place(page, full_site_url, axe):
    search_by_postcode_and_service(page, full_site_url)
    axe(page)
    expect(page.locator("#results-map")).to_be_visible()
    expect(page.locator("#results-map .app-map-marker").first).to_have_text("1")
    check_results_then_open_first(page)
    expect(page.locator("#place-map .app-map-marker")).to_have_count(1)
    # Tiles on, as residents get them, and the credit line readable.
    expect(page.locator("#place-map .leaflet-tile-loaded").first).to_be_visible()
    credit = page.locator("#place-map .leaflet-control-attribution")
    expect(credit).to_contain_text("Leaflet")
    expect(credit).to_contain_text("OpenStreetMap")
    axe(page)


def test_same_journey_works_without_javascript(no_js_page, full_site_url):
    search_by_postcode_and_service(no_js_page, full_site_url)
    expect(no_js_page.locator("#results-map")).to_be_hidden()
    check_results_then_open_first(no_js_page)


def test_search_with_no_results_and_with_a_postcode_error(page, full_site_url, axe):
    page.goto(full_site_url + "/find-help/?q=zzzzzz")
    expect(page.get_by_text("No places match your search.")).to_be_visible()
    axe(page)
    page.goto(full_site_url + "/find-help/?postcode=BT1+1AA&service=free-wifi")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Northern Ireland")
    expect(page).to_have_title(re.compile("^Error: "))
    axe(page)
    summary.get_by_role("link").click()
    expect(page.get_by_label("Postcode")).to_be_focused()


def test_organisation_page_and_closed_listing_have_no_violations(page, full_site_url, axe):
    organisation = OrganisationPage.objects.order_by("pk").first()
    page.goto(full_site_url + organisation.url)
    expect(page.locator("h1")).to_have_text(organisation.title)
    axe(page)
    closed = AccessPointPage.objects.filter(temporarily_closed=True).first()
    page.goto(full_site_url + closed.url)
    expect(page.get_by_text("Temporarily closed.")).to_be_visible()
    axe(page)


def test_search_by_keyboard_alone(page, full_site_url):
    page.goto(full_site_url + "/find-help/")
    page.get_by_label("What are you looking for?").focus()
    page.keyboard.type("tablet")
    page.keyboard.press("Tab")  # postcode
    page.keyboard.type("PR7 1AB")
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("matching ‘tablet’")
    # The page opens at #results: Chromium's scroll to it, once the page
    # has loaded, can move the focus, so wait for that before tabbing on.
    page.wait_for_load_state("load")
    first_link = page.locator(".app-result h3 a").first
    first_link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).not_to_have_text("Find help near you")


@pytest.mark.parametrize("width", [320])
def test_search_page_on_a_small_phone(page, full_site_url, axe, width):
    page.set_viewport_size({"width": width, "height": 640})
    page.goto(full_site_url + "/find-help/?postcode=PR7+1AB")
    axe(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_applying_filters_lands_on_the_results(request, full_site_url, axe, javascript):
    """The filters stay open above the results on a 390 px screen: after
    "Apply filters" the page opens at the results' count, not 3,000 px
    above it; with an error, at the top, where the error summary is. (axe
    runs with JavaScript on; it is itself a script.)"""
    page = request.getfixturevalue("page" if javascript else "no_js_page")
    page.set_viewport_size({"width": 390, "height": 844})
    search_by_postcode_and_service(page, full_site_url)
    expect(page).to_have_url(re.compile(r"#results$"))
    heading = page.locator("#results-heading")
    expect(heading).to_contain_text("within 10 miles of PR7 1AB")
    expect(heading).to_be_in_viewport()
    if javascript:
        axe(page)
    page.get_by_label("Postcode").fill("not a postcode")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_be_in_viewport()


def test_report_a_problem_by_keyboard_with_errors_then_sent(page, full_site_url, axe):
    listing = AccessPointPage.objects.filter(temporarily_closed=False).order_by("pk").first()
    page.goto(full_site_url + listing.url)
    page.get_by_role("link", name="Report a problem with this listing").click()
    axe(page)
    page.get_by_label("Your email address (optional)").fill("not-an-email")
    page.get_by_role("button", name="Send report").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select what the problem is.")
    expect(summary).to_contain_text("Tell us what is wrong.")
    expect(page.get_by_label("Your email address (optional)")).to_have_value("not-an-email")
    axe(page)
    # Each message leads to its field; for radios, to the first option.
    summary.get_by_role("link", name="Select what the problem is.").click()
    expect(page.locator("#id_kind_1")).to_be_focused()
    page.get_by_label("This place has closed").check()
    page.get_by_label("Tell us more").fill("The hall shut last month.")
    page.get_by_label("Your email address (optional)").fill("")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator("h1")).to_have_text("Report sent")
    axe(page)


def test_shortlist_add_view_and_email(page, full_site_url, axe):
    page.goto(full_site_url + "/find-help/?postcode=PR7+1AB")
    first = page.locator(".app-result").first
    title = first.locator("h3 a").inner_text()
    first.get_by_role("button", name=re.compile("Add to shortlist")).click()
    page.get_by_role("link", name="Your shortlist (1)").click()
    expect(page.locator("h1")).to_have_text("Your shortlist")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    expect(page.get_by_role("button", name="Print this list")).to_be_visible()
    axe(page)
    page.get_by_label("Email address").fill("adviser@example.org")
    page.get_by_role("button", name="Email the list").click()
    expect(page.get_by_text("We have emailed the list to adviser@example.org")).to_be_visible()
    axe(page)


def test_shortlist_keeps_the_search_and_prints_full_addresses(page, full_site_url, axe):
    """Back to search returns to the filtered search the place came from;
    phone numbers are tel: links; on paper each place has its full address."""
    search = "/find-help/?postcode=PR7+1AB&radius=10&service=free-wifi"
    page.goto(full_site_url + search)
    page.locator(".app-result").first.get_by_role(
        "button", name=re.compile("Add to shortlist")
    ).click()
    page.get_by_role("link", name="Your shortlist (1)").click()
    axe(page)
    phones = page.locator('.app-result a[href^="tel:"]')
    if phones.count():
        assert re.fullmatch(r"tel:\+?\d+", phones.first.get_attribute("href"))
    address = page.locator(".app-print-only").first
    expect(address).to_be_hidden()
    page.emulate_media(media="print")
    expect(address).to_be_visible()
    expect(address).to_have_text(re.compile(r"^http://testserver/find-help/"))
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Back to search").click()
    expect(page).to_have_url(full_site_url + search)
    expect(page.get_by_label("Postcode")).to_have_value("PR7 1AB")


def test_a_postcode_outside_the_area_says_where_else_to_look(page, full_site_url, axe):
    page.goto(full_site_url + "/find-help/?postcode=SW1A+1AA")
    expect(page.locator("#outside-the-area")).to_contain_text(
        "SW1A 1AA is outside the area this directory covers"
    )
    axe(page)


def test_the_map_can_be_skipped_and_shows_focus_clearly(page, full_site_url, axe):
    """The pins are not keyboard stops (the numbered list says the same);
    a "Skip the map" link comes first, and the map, which takes focus for
    its arrow keys, has the site's thick focus outline."""
    page.goto(full_site_url + "/find-help/?postcode=PR7+1AB&radius=10")
    skip = page.get_by_role("link", name=re.compile("^Skip the map"))
    skip.focus()
    expect(skip).to_be_in_viewport()
    axe(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#results-list$"))
    page.locator("#results-map").focus()
    assert page.locator("#results-map").evaluate("e => getComputedStyle(e).outlineWidth") == "3px"


def test_result_cards_answer_the_filters_the_visitor_chose(page, full_site_url, axe):
    """Filtered for Tuesday and a service at the end of places' lists: each
    card gives Tuesday's hours (not today's) and names that service first,
    so the reason the place is listed is never the part cut off."""
    page.goto(full_site_url + "/find-help/")
    page.get_by_label("Postcode").fill("PR7 1AB")
    page.get_by_label("Within").select_option("10")
    page.locator("summary", has_text="Filter results").click()
    page.get_by_label("Help to stay safe online").check()
    page.get_by_label("Tuesday").check()
    page.get_by_role("radio", name="Places", exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state("load")
    axe(page)

    cards = page.locator(".app-result")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        if "Temporarily closed" in card.inner_text():
            continue
        expect(card).to_contain_text("Tuesday:")
        expect(card).not_to_contain_text("Today:")
        services = card.locator("p.govuk-body-s", has_text="Help with:")
        expect(services).to_contain_text(re.compile(r"^Help with: Help to stay safe online"))
