"""Every public page type, in Chromium: it renders, has no WCAG 2.x A/AA
violations, and works with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

PAGES = {
    "home": "/",
    "content": "/about/",
    "nested content": "/get-involved/set-up-a-network/",
    "accessibility statement": "/accessibility-statement/",
    "privacy notice": "/privacy-notice/",
    "news index": "/news/",
    "news story": "/news/free-data-sims-now-at-every-library/",
    "search form": "/search/",
    "search results": "/search/?q=champion",
    "search error": "/search/?q=",
    "not found": "/no-such-page/",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_axe_violations(page, site_url, axe, path):
    page.goto(site_url + path)
    expect(page.locator("h1")).to_have_count(1)
    axe(page)


@pytest.mark.parametrize("path", ["/", "/about/"], ids=["home", "content"])
def test_page_has_no_axe_violations_on_a_small_phone(page, site_url, axe, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + path)
    axe(page)


def test_skip_link_is_first_and_moves_focus_to_main(page, site_url):
    page.goto(site_url + "/get-involved/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    # The next stop is inside the main content, not back in the header.
    focused_in_main = page.evaluate(
        "document.querySelector('main').contains(document.activeElement)"
    )
    assert focused_in_main


def test_keyboard_journey_from_home_to_news_story(page, site_url):
    """Tab from the top of the home page to the news link in the menu, open
    it, then open the first story, never touching the mouse."""
    page.goto(site_url + "/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "News and events":
            break
    else:
        pytest.fail("the News and events menu link was never reached by Tab")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("News and events")
    expect(page.get_by_role("link", name="News and events")).to_have_attribute(
        "aria-current", "page"
    )
    first_story = page.locator(".app-news-list a").first
    title = first_story.inner_text()
    first_story.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)


def test_keyboard_search_from_header(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # partnership name (home link)
    page.keyboard.press("Tab")  # search box
    expect(page.get_by_label("Search this site")).to_be_focused()
    page.keyboard.type("champion")
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("for ‘champion’")
    expect(page.get_by_role("link", name="Become a digital champion").first).to_be_visible()


def test_empty_search_shows_error_summary_linked_to_field(page, site_url, axe):
    page.goto(site_url + "/search/?q=")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter what you are looking for")
    expect(page).to_have_title(re.compile("^Error: "))
    summary.get_by_role("link").click()
    expect(page.locator("#id_q")).to_be_focused()


def test_accordion_opens_by_keyboard(page, site_url):
    page.goto(site_url + "/get-help/")
    button = page.get_by_role("button", name=re.compile("Is the help free"))
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("Yes. Every partner's help is free")).to_be_visible()


def test_accordion_content_shows_without_javascript(no_js_page, site_url):
    no_js_page.goto(site_url + "/get-help/")
    expect(no_js_page.get_by_text("Yes. Every partner's help is free")).to_be_visible()


def test_home_page_works_without_javascript(no_js_page, site_url):
    no_js_page.goto(site_url + "/")
    expect(no_js_page.get_by_role("link", name="Find help near you")).to_be_visible()
    no_js_page.get_by_role("link", name="News and events").first.click()
    expect(no_js_page.locator("h1")).to_have_text("News and events")


def test_axe_check_catches_a_broken_page(page, axe):
    """The check itself can fail: an image without alt text and an unlabelled
    field are reported."""
    page.set_content(
        '<html lang="en"><head><title>Broken</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError, match="violations"):
        axe(page)


def test_menu_opens_by_keyboard_on_a_small_phone(page, site_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + "/about/")
    menu = page.get_by_role("button", name="Menu")
    news = page.get_by_role("link", name="News and events")
    expect(news).to_be_hidden()
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(news).to_be_visible()


def test_not_found_page_offers_a_way_on_by_keyboard(page, site_url):
    page.goto(site_url + "/no-such-page/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "search this site":
            break
    else:
        pytest.fail("the 'search this site' link was never reached by Tab")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Search")
