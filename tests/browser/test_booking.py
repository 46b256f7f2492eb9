"""Booking a course, as a resident does it: from the directory's course
filters to a place, the confirmation and its email, and cancelling through
the link in that email; by mouse, by keyboard only, and without JavaScript."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_course_search import filter_beginner_courses_on, open_first_course
from training.models import Booking, Session


def upcoming_session_with_places():
    return (
        Session.objects.with_places()
        .filter(page__live=True, start__gt=timezone.now())
        .select_related("page")
        .order_by("start")
        .first()
    )


@pytest.fixture
def course_url(full_site_url):
    """A demo course with an upcoming session that has places."""
    return full_site_url + upcoming_session_with_places().page.url


def cancel_link(email):
    return re.search(r"https?://\S+/cancel/", email.body).group(0)


def test_resident_finds_a_course_books_then_cancels_through_the_email(
    page, full_site_url, beginner_day, axe, mailoutbox, settings
):
    # The site's configured address is the live server's, so the link in
    # the email is followed exactly as written.
    settings.WAGTAILADMIN_BASE_URL = full_site_url
    filter_beginner_courses_on(page, full_site_url, beginner_day)
    open_first_course(page)
    axe(page)
    page.get_by_role("link", name=re.compile("^(Book a place|Join the waiting list)")).first.click()
    heading = page.locator("h1")
    expect(heading).to_have_text(re.compile("^(Book a place|Join the waiting list)$"))
    waiting_list = heading.inner_text() == "Join the waiting list"
    button = page.get_by_role("button", name=heading.inner_text())
    axe(page)

    page.get_by_label("Your name").fill("Ann Example")
    page.get_by_label("Email address (optional)").fill("ann@example")
    button.click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    # The errors in the order of the fields: consent is the last field.
    expect(summary.locator("li")).to_have_text(
        [re.compile("email address like name@example.org"), re.compile("Tick the box to agree")]
    )
    expect(page.get_by_label("Email address (optional)")).to_have_class(
        re.compile("govuk-input--error")
    )
    border = page.get_by_label("Email address (optional)").evaluate(
        "e => getComputedStyle(e).borderTopColor"
    )
    assert border == "rgb(212, 53, 28)", f"the email field in error has a {border} border"
    expect(page.get_by_label("Your name")).to_have_value("Ann Example")
    axe(page)
    summary.get_by_role("link", name=re.compile("Enter an email address")).click()
    expect(page.get_by_label("Email address (optional)")).to_be_focused()

    page.get_by_label("Email address (optional)").fill("ann@example.org")
    page.get_by_role("checkbox", name=re.compile("I agree")).check()
    button.click()
    expect(page.locator("h1")).to_have_text(
        "You are on the waiting list" if waiting_list else "You are booked"
    )
    axe(page)

    (email,) = mailoutbox
    assert email.to == ["ann@example.org"]
    page.goto(cancel_link(email))
    expect(page.locator("h1")).to_have_text("Cancel your booking?")
    axe(page)
    page.get_by_role("button", name="Yes, cancel my booking").click()
    expect(page.locator("h1")).to_have_text("Booking cancelled")
    axe(page)
    assert Booking.objects.get(email="ann@example.org").status == "cancelled"
    confirming = mailoutbox[-1]
    assert len(mailoutbox) == 2
    assert confirming.to == ["ann@example.org"]
    assert "cancelled" in confirming.subject.lower()


def test_resident_books_with_the_keyboard_only_and_chooses_texts(page, course_url, axe):
    page.goto(course_url)
    book = page.get_by_role("link", name=re.compile("^Book a place")).first
    for _ in range(80):
        page.keyboard.press("Tab")
        if book.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first 'Book a place' link")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Book a place")

    page.keyboard.press("Tab")  # skip link
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_name":
            break
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    page.keyboard.type("kim@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("01632 960 321")  # a landline: it cannot get texts
    page.keyboard.press("Tab")
    expect(page.get_by_label("Text me about this booking")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # accessibility needs
    page.keyboard.press("Tab")
    expect(page.locator("#id_consent_hint").get_by_role("link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("checkbox", name=re.compile("I agree"))).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    # The error summary says why, links to the phone box, and keeps what was typed.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("This is not a mobile number, so it cannot get texts.")
    expect(page.get_by_label("Your name")).to_have_value("Kim Keys")
    expect(page.locator("#id_phone")).to_have_value("01632 960 321")
    expect(page.get_by_label("Text me about this booking")).to_be_checked()
    axe(page)
    summary.get_by_role("link", name=re.compile("not a mobile number")).focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_phone")).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("07700 900 321")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("You are booked")
    axe(page)
    assert Booking.objects.get(email="kim@example.org").texts_to == "+447700900321"


def test_booking_works_without_javascript(no_js_page, course_url):
    page = no_js_page
    page.goto(course_url)
    page.get_by_role("link", name=re.compile("^Book a place")).first.click()
    page.get_by_label("Your name").fill("Nora NoScript")
    page.get_by_label("Phone number (optional)").fill("07700 900982")
    page.get_by_role("checkbox", name=re.compile("I agree")).check()
    page.get_by_role("button", name="Book a place").click()
    expect(page.locator("h1")).to_have_text("You are booked")
    expect(page.get_by_text("Keep the address of this page")).to_be_visible()
