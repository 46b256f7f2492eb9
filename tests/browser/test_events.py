"""Events, as residents meet them: a coordinator's event with 20 places,
already fully booked, is on /events/ and on its access point's page; the
21st resident joins its waiting list with JavaScript off; and the same
journey by keyboard alone, filtering the list, with axe on every page
(JavaScript on: axe is itself a script), the form's error state included."""

import re

import pytest
from playwright.sync_api import expect

from events.models import EventPage
from tests.factories.directory import (
    AccessPointPageFactory,
    DirectoryIndexPageFactory,
    OrganisationPageFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.training import BookingFactory, upcoming
from training.models import Booking
from website.models import HomePage

TITLE = "Family gaming afternoon"


@pytest.fixture
def full_event(site_url):
    """The coordinator's event at Chorley Library, its 20 places taken."""
    home = HomePage.objects.get()
    organisation = OrganisationPageFactory(
        parent=DirectoryIndexPageFactory(parent=home), title="Chorley Digital"
    )
    venue = AccessPointPageFactory(parent=organisation, title="Chorley Library")
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index,
        title=TITLE,
        kind=EventPage.Kind.GAMING,
        where=EventPage.Where.ACCESS_POINT,
        venue=venue,
        address="",
        organiser=organisation,
        capacity=20,
        start=upcoming(days=3, hour=13),
    )
    event.save_revision().publish()  # as the coordinator does
    BookingFactory.create_batch(20, session=event.booking_session)
    return event


def test_the_21st_resident_joins_the_waiting_list_without_javascript(
    no_js_page, site_url, full_event
):
    page = no_js_page
    page.goto(site_url + "/events/")
    expect(page.locator("h1")).to_have_text("Events")
    listed = page.locator(".app-result", has_text=TITLE)
    expect(listed).to_contain_text("Full: join the waiting list.")

    page.goto(site_url + full_event.venue.url)
    expect(page.locator("#events-here")).to_have_text("Events here")
    page.get_by_role("link", name=TITLE).click()

    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("Full: join the waiting list")
    page.get_by_role("link", name="Join the waiting list").click()
    expect(page.locator("h1")).to_have_text("Join the waiting list")
    page.get_by_label("Your name").fill("Ravi Twentyone")
    page.get_by_label("Email address (optional)").fill("ravi@example.org")
    page.get_by_role("button", name="Join the waiting list").click()
    # Consent left unticked: an error summary, and what was typed is kept.
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Tick the box to agree")
    expect(page.get_by_label("Your name")).to_have_value("Ravi Twentyone")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Join the waiting list").click()

    expect(page.locator("h1")).to_have_text("You are on the waiting list")
    booking = Booking.objects.get(email="ravi@example.org")
    assert booking.status == "waiting"
    assert Booking.objects.filter(session=booking.session, status="confirmed").count() == 20


def keyboard_to(page, selector, limit=80):
    """Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_by_keyboard_alone_with_axe_on_every_page(page, site_url, full_event, axe):
    page.goto(site_url + "/")
    expect(page.locator("#coming-up")).to_have_text("Coming up")
    axe(page)
    page.goto(site_url + "/events/")
    axe(page)

    # Filter to in-person events by keyboard: the radios are one stop.
    keyboard_to(page, "input[name=attendance]")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("In person", exact=True)).to_be_checked()
    keyboard_to(page, "#event-filters button")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"attendance=in_person"))
    expect(page.locator("#results-heading")).to_contain_text("match your filters")
    axe(page)

    keyboard_to(page, f"a[href='{full_event.url}']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(TITLE)
    axe(page)
    keyboard_to(page, "a.govuk-button")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Join the waiting list")
    axe(page)

    keyboard_to(page, "#id_name")
    page.keyboard.type("Kim Keys")
    keyboard_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: "))
    axe(page)

    keyboard_to(page, "#id_email")
    page.keyboard.type("kim@example.org")
    keyboard_to(page, "input[name=consent]")
    page.keyboard.press("Space")
    keyboard_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("You are on the waiting list")
    axe(page)
    assert Booking.objects.get(email="kim@example.org").status == "waiting"
