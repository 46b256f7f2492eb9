"""A partner's member of staff updates their own access point in the
Wagtail admin (the opening-hours editor names each row "Opening time")
and submits it; a coordinator approves it through the "Listing approval"
workflow, and the public page shows it straight away.
How long the edit page takes to be ready is printed, not asserted (see
`make bench` for measured figures)."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from directory.models import AccessPointPage
from directory.permissions import coordinators_group

PASSWORD = "a long test password"  # noqa: S105


@pytest.fixture
def place_and_editor(full_site_url):
    place = AccessPointPage.objects.live().filter(temporarily_closed=False).order_by("path").first()
    editor = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.groups.add(place.organisation.editors_group)
    coordinator = get_user_model().objects.create_user("coord", "coord@example.org", PASSWORD)
    coordinator.groups.add(coordinators_group())
    return place


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()


def open_editor(page, base_url, place):
    started = time.perf_counter()
    page.goto(base_url + f"/admin/pages/{place.pk}/edit/")
    expect(page.get_by_role("textbox", name="Summary")).to_be_editable()
    page.wait_for_load_state("load")
    timing = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return [n.responseStart, n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd]; }"
    )
    print(
        f"\nadmin edit page ready in {time.perf_counter() - started:.2f} s "
        f"(first byte, last byte, DOM ready, load in ms: {[round(t) for t in timing]})"
    )


def test_partner_staff_update_their_place_and_the_public_page_shows_it(
    page, full_site_url, place_and_editor, axe
):
    place = place_and_editor
    log_in(page, full_site_url, "editor")
    open_editor(page, full_site_url, place)

    hours = page.get_by_role("region", name=re.compile("^Opening hours"))
    expect(hours).to_contain_text("Opening time 1")
    expect(hours).not_to_contain_text("Session")

    page.get_by_role("textbox", name="Summary").fill(
        "Free wifi and friendly help, now on Saturdays too."
    )
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Listing approval")).click()
    expect(
        page.get_by_text(re.compile("has been submitted for moderation|submitted to"))
    ).to_be_visible()

    log_in(page, full_site_url, "coord")
    open_editor(page, full_site_url, place)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("^Approve and publish", re.IGNORECASE)).click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{place.title}' has been updated.")

    page.context.clear_cookies()
    page.goto(full_site_url + place.url)
    expect(page.get_by_text("now on Saturdays too")).to_be_visible()
    axe(page)
