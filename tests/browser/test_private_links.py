"""Pages only reached from a link in someone's email, so the crawl never
finds them: booking a session again with the same details ("Check your
email") and a volunteer changing their own details. Each is checked as
the others are: no axe violation, and the journey works by keyboard."""

import re

from playwright.sync_api import expect

from champions.links import update_details_path
from champions.models import Champion
from tests.browser.test_booking import upcoming_session_with_places
from tests.factories.training import BookingFactory


def test_booking_again_says_check_your_email_and_shows_nothing_of_the_booking(
    page, full_site_url, axe, mailoutbox
):
    session = upcoming_session_with_places()
    BookingFactory(session=session, name="Ann Example", email="ann@example.org")
    book = session.page.url + session.page.reverse_subpage(
        "book_session", kwargs={"pk": session.pk}
    )
    page.goto(full_site_url + book)
    page.get_by_label("Your name").fill("Someone Else")
    page.get_by_label("Email address (optional)").fill("ann@example.org")
    page.get_by_role("checkbox", name=re.compile("I agree")).check()
    page.get_by_role("button", name=re.compile("Book a place|Join the waiting list")).click()
    expect(page.locator("h1")).to_have_text("Check your email")
    expect(page.locator("main")).not_to_contain_text("Ann Example")
    axe(page)
    assert [message.to for message in mailoutbox] == [["ann@example.org"]]


def test_a_volunteer_changes_their_details_by_keyboard_from_the_emailed_link(
    page, full_site_url, axe
):
    champion = Champion.objects.order_by("pk").first()
    page.goto(full_site_url + update_details_path(champion))
    expect(page.locator("h1")).to_have_text("Change your digital champion details")
    axe(page)
    name = page.get_by_label("Full name")
    name.focus()
    name.fill("Changed Name")
    page.get_by_role("checkbox", name=re.compile("I agree")).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Save my details").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Your details have been updated")
    axe(page)
    champion.refresh_from_db()
    assert champion.name == "Changed Name"
