"""A digital champion's journey: a volunteer signs up (correcting mistakes
on the way), a coordinator assigns them a host, and the host's staff move
them to trained. Also the sign-up by keyboard alone."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from directory.models import OrganisationPage
from directory.permissions import coordinators_group

PASSWORD = "a long test password"  # noqa: S105
SKILL = "Video calls with family and friends"
CONSENT = re.compile("I agree that the partnership can keep these details")


@pytest.fixture
def people(full_site_url):
    host = OrganisationPage.objects.order_by("title").first()
    users = get_user_model().objects
    coordinator = users.create_user("coordinator", "coordinator@example.org", PASSWORD)
    coordinator.groups.add(coordinators_group())
    staff = users.create_user("host-staff", "staff@example.org", PASSWORD)
    staff.groups.add(host.editors_group)
    return host


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Digital champions")).to_be_visible()


def test_volunteer_signs_up_then_coordinator_and_host_take_them_to_trained(
    page, full_site_url, people, axe, mailoutbox
):
    host = people
    # The volunteer finds the form from the home page.
    page.goto(full_site_url + "/")
    page.get_by_role("link", name="Become a digital champion").first.click()
    expect(page.locator("h1")).to_have_text("Sign up to be a digital champion")
    axe(page)

    # A first attempt with mistakes: every error is listed and linked.
    page.get_by_label("Full name").fill("Robin Volunteer")
    page.get_by_label("Email address").fill("robin.volunteer@example")
    page.get_by_label("Postcode").fill("PR7 1DP")
    page.get_by_label("Tell us about any relevant experience").fill("I help at my church.")
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_title(re.compile("^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expected = {
        "Enter an email address in the correct format, like name@example.org.": "#id_email",
        "Select the days you could help.": "#id_available_days_1",
        "Select the times of day you could help.": "#id_available_times_1",
        "Select at least one thing you could help with.": "#id_skills_1",
        "Tick the box to agree to how we use your details.": "#id_consent",
    }
    for message, anchor in expected.items():
        link = summary.get_by_role("link", name=message)
        expect(link).to_have_attribute("href", anchor)
        expect(page.locator(anchor)).to_have_count(1)
    expect(page.get_by_label("Full name")).to_have_value("Robin Volunteer")
    expect(page.get_by_label("Postcode")).to_have_value("PR7 1DP")
    expect(page.get_by_label("Tell us about any relevant experience")).to_have_value(
        "I help at my church."
    )
    axe(page)
    summary.get_by_role("link", name=re.compile("^Enter an email address")).click()
    expect(page.get_by_label("Email address")).to_be_focused()

    # Corrected, it goes through.
    page.get_by_label("Email address").fill("robin.volunteer@example.org")
    page.get_by_label("Tuesday").check()
    page.get_by_label("Evenings").check()
    page.get_by_label(SKILL).check()
    page.get_by_label(CONSENT).check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("You have signed up")
    axe(page)
    # The thank-you email says to reply to have the details deleted: a reply
    # reaches the partnership's own inbox (the demo's), not the no-reply sender.
    (thanks,) = [email for email in mailoutbox if email.to == ["robin.volunteer@example.org"]]
    assert "reply to this email and we will delete your details" in thanks.body
    assert thanks.reply_to == ["hello@example.org"]

    # The coordinator sees them in the register and assigns a host.
    log_in(page, full_site_url, "coordinator")
    page.get_by_role("link", name="Digital champions").click()
    page.get_by_role("link", name="Robin Volunteer").click()
    page.get_by_label("Host", exact=True).select_option(label=host.title)
    page.get_by_label("Status").select_option(label="Screening with host")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Robin Volunteer updated.")).to_be_visible()
    expect(page.locator("dd", has_text=host.title).first).to_be_visible()

    # The host's staff see them and move them to trained.
    log_in(page, full_site_url, "host-staff")
    page.get_by_role("link", name="Digital champions").click()
    page.get_by_role("link", name="Robin Volunteer").click()
    page.get_by_label("Status").select_option(label="Trained")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("dd", has_text="Trained").first).to_be_visible()
    history = page.locator("h2:has-text('Status history') + table")
    expect(history).to_contain_text("Screening with host")
    expect(history.locator("tr").last).to_contain_text("host-staff")


def test_sign_up_by_keyboard_alone(page, full_site_url):
    page.goto(full_site_url + "/champions/join/")
    page.get_by_label("Full name").focus()
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    page.keyboard.type("kim.keys@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("01632 960 321")
    page.keyboard.press("Tab")  # "Text me about my volunteering": left unticked
    expect(page.get_by_label("Text me about my volunteering")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.type("PR7 1DP")
    page.keyboard.press("Tab")  # Monday
    page.keyboard.press("Space")
    for _ in range(7):  # the rest of the days, then Mornings
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_label("Monday")).to_be_checked()
    expect(page.get_by_label("Mornings")).to_be_checked()
    page.get_by_label(SKILL).focus()
    page.keyboard.press("Space")
    page.get_by_label(CONSENT).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the honeypot is out of the tab order
    expect(page.get_by_role("button", name="Sign up")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("You have signed up")


def test_sign_up_works_without_javascript(no_js_page, full_site_url):
    page = no_js_page
    page.goto(full_site_url + "/champions/join/")
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your full name.")
    page.get_by_label("Full name").fill("Noor Script")
    page.get_by_label("Email address").fill("noor@example.org")
    page.get_by_label("Postcode").fill("PR7 1DP")
    page.get_by_label("Saturday").check()
    page.get_by_label("Afternoons").check()
    page.get_by_label(SKILL).check()
    page.get_by_label(CONSENT).check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("You have signed up")
