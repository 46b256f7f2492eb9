"""A resident searching by postcode finds a place imported from another
publisher's Open Referral UK feed beside the partners' own, credited to its
publisher, with JavaScript and without, with no WCAG 2.x A/AA violations."""

import pytest
from playwright.sync_api import expect

from federation.fetching import FeedClient
from federation.importer import run_import
from federation.models import Feed
from tests.federation.feed_server import FeedServer
from tests.federation.services import uk_service

CREDIT = "From: Lancashire County Council, updated 30 November 2026"


@pytest.fixture
def imported_site_url(full_site_url):
    """The demo site with one place imported from a feed on this machine."""
    server = FeedServer().start()
    service = uk_service("Lancashire Digital Point", postcode="PR7 1AB")
    service["last_modified"] = "2026-11-30T09:00:00Z"
    server.services([service])
    feed = Feed.objects.create(
        name="Lancashire County Council",
        base_url=server.base_url + "/oruk",
        licence=Feed.Licence.OGL,
        requests_per_second=0,
    )
    run = run_import(feed, FeedClient(feed.base_url, 0, backoff_seconds=0))
    assert run.created == 1, run.entries
    yield full_site_url
    server.stop()


def search_near_pr7(page, base_url):
    page.goto(base_url + "/find-help/?postcode=PR7+1AB")
    page.wait_for_load_state("load")


def test_an_imported_place_is_found_beside_partners_with_its_credit(page, imported_site_url, axe):
    search_near_pr7(page, imported_site_url)
    imported = page.locator(".app-result", has_text="Lancashire Digital Point")
    expect(imported).to_contain_text(CREDIT)
    partners = page.locator(".app-result", has_not_text="From: Lancashire County Council")
    expect(partners.first).to_be_visible()  # the partners' own, in the same results
    axe(page)

    imported.locator("h3 a").click()
    expect(page.locator("h1")).to_have_text("Lancashire Digital Point")
    expect(page.get_by_text(CREDIT)).to_be_visible()
    expect(page.get_by_role("link", name="See it as its publisher lists it")).to_be_visible()
    axe(page)


def test_the_credit_is_there_without_javascript(no_js_page, imported_site_url):
    search_near_pr7(no_js_page, imported_site_url)
    expect(no_js_page.locator(".app-result", has_text="Lancashire Digital Point")).to_contain_text(
        CREDIT
    )
