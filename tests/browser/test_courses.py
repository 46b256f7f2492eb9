"""Courses, as a resident finds them: from a place's page to a course, and
its sessions into their calendar."""

import re
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from training.models import Session


def open_a_course_from_its_access_point(page, base_url):
    upcoming = Session.objects.exclude(venue=None).filter(start__gt=timezone.now())
    session = upcoming.select_related("page", "venue").order_by("start", "pk").first()
    page.goto(base_url + session.venue.url)
    courses = page.locator("#courses-here + ul")
    expect(courses).to_be_visible()
    courses.get_by_role("link", name=session.page.title).first.click()
    expect(page.locator("h1")).to_have_text(session.page.title)
    return session


def test_resident_opens_a_course_from_its_place_and_adds_it_to_a_calendar(page, full_site_url, axe):
    session = open_a_course_from_its_access_point(page, full_site_url)
    axe(page)
    expect(page.get_by_role("link", name=session.venue.title).first).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("^Add to calendar")).first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    text = Path(download.path()).read_bytes().decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 1


def test_course_page_works_without_javascript(no_js_page, full_site_url):
    open_a_course_from_its_access_point(no_js_page, full_site_url)
    expect(no_js_page.get_by_role("table")).to_be_visible()


def test_site_search_tells_same_named_results_apart(page, full_site_url, axe):
    """Courses run at several places share a name ("Get started with a
    tablet"): each result says where it is from, so no two look the same."""
    page.goto(full_site_url + "/")
    page.get_by_role("searchbox").first.fill("wifi")
    page.keyboard.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("for ‘wifi’")
    axe(page)
    results = page.locator(".app-news-list > li")
    expect(results.first).to_be_visible()
    seen = [
        (result.locator("h3").inner_text(), " ".join(result.locator(".app-meta").all_inner_texts()))
        for result in results.all()
    ]
    titles = [title for title, _where in seen]
    repeated = {title for title in titles if titles.count(title) > 1}
    assert repeated, "the demo should have same-named results to tell apart"
    told_apart = [entry for entry in seen if entry[0] in repeated]
    assert len(set(told_apart)) == len(told_apart), told_apart
