"""A frontline worker refers a resident from an access point's page (with a
mistake on the way), sees the matches with their reasons and prints the
next-steps sheet; the receiving partner logs in, finds the referral and
takes it to closed with an outcome. axe runs on every referral page,
including the error states."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from directory.models import AccessPointPage
from referrals.models import Referral
from tests.browser.test_skills_check import ANSWERS, answer_by_keyboard, keyboard_to

PASSWORD = "a long test password"  # noqa: S105


@pytest.fixture
def place_and_staff(full_site_url):
    place = AccessPointPage.objects.live().filter(temporarily_closed=False).order_by("path").first()
    organisation = place.organisation
    organisation.accepts_referrals = True
    organisation.save_revision().publish()
    staff = get_user_model().objects.create_user("partner", "partner@example.org", PASSWORD)
    staff.groups.add(organisation.editors_group)
    return place


def test_a_referrer_refers_a_resident_and_the_partner_closes_it(
    page, full_site_url, place_and_staff, axe, mailoutbox
):
    place = place_and_staff
    page.goto(full_site_url + place.url)
    page.get_by_role("link", name="Refer someone here").click()
    expect(page.locator("h1")).to_have_text("Refer someone for help to get online")
    expect(page.get_by_text(f"You are referring someone to {place.title}")).to_be_visible()
    axe(page)

    # Consent first; nothing chosen is an error.
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe(page)
    page.get_by_label("Someone I work with or support").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()

    # Details, with a mistake first: what was typed stays.
    expect(page.locator("h1")).to_have_text("About you and the person you are referring")
    axe(page)
    page.get_by_label("Your name").fill("Sam Adviser")
    page.get_by_label("Your organisation").fill("Chorley Jobcentre")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Their full name").fill("Alex Resident")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Their postcode").fill("PR7 1DP")
    page.get_by_label("No device (phone, tablet or computer)").check()
    page.get_by_label("Low confidence or worried about scams").check()
    page.get_by_label(re.compile("in a language other than English")).select_option(label="Urdu")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter their phone number.")
    expect(page.get_by_label("Their full name")).to_have_value("Alex Resident")
    expect(page.get_by_label("No device (phone, tablet or computer)")).to_be_checked()
    axe(page)
    page.get_by_label("Their phone number").fill("01632 960 555")
    page.get_by_role("button", name="Continue").click()

    # Check your answers, then send.
    expect(page.locator("h1")).to_have_text("Check your answers before sending")
    expect(page.get_by_text("Alex Resident")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Send the referral").click()

    # Confirmation: a reference and the matches with reasons.
    expect(page.locator("h1")).to_have_text("Referral sent")
    referral = Referral.objects.get(resident_name="Alex Resident")
    assert referral.organisation_id == place.get_parent().pk
    expect(page.get_by_text(referral.reference)).to_be_visible()
    expect(page.get_by_role("heading", name="Places that could help")).to_be_visible()
    expect(page.get_by_role("heading", name=place.title).first).to_be_visible()
    expect(page.locator(".app-referral-match p.govuk-body-l").first).to_contain_text("miles")
    # No device: a place that lends one is among them, and the note names it.
    lenders = page.locator(".app-referral-match", has_text="ends devices")
    expect(lenders.first).to_be_visible()
    lender = lenders.first.locator("h3").inner_text()
    expect(page.locator("li", has_text="Borrowing a device:")).to_contain_text(
        f"{lender} lends devices"
    )
    # A worry about scams: a course on staying safe online.
    expect(page.get_by_text(re.compile("course about being safe and legal online"))).to_be_visible()
    axe(page)
    # The partner is told, with a link into the admin and nothing personal.
    (to_partner,) = [email for email in mailoutbox if email.to == ["partner@example.org"]]
    assert to_partner.subject == f"New referral {referral.reference}"
    assert "Alex" not in to_partner.body
    admin_link = re.search(r"https?://\S+/admin/\S+", to_partner.body).group(0)

    # The printable sheet: large type, addresses and phone numbers, no buttons on paper.
    # In the resident's language, right to left, with English a click away.
    page.get_by_role("link", name="Print a next steps sheet in Urdu to give them").click()
    expect(page.locator("h1")).to_have_text("آپ کے اگلے قدم")
    expect(page.locator('[lang="ur"][dir="rtl"]')).to_contain_text(referral.reference)
    axe(page)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-back-link")).to_be_hidden()
    expect(page.get_by_role("link", name="Show this sheet in English")).to_be_hidden()
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Show this sheet in English").click()
    expect(page.locator("h1")).to_have_text("Your next steps")
    expect(page.get_by_text(referral.reference).first).to_be_visible()
    axe(page)

    # The partner logs in, finds it and takes it to closed with an outcome.
    # The link in the email names the site's own address; the live server
    # stands in for it here.
    page.context.clear_cookies()
    page.goto(full_site_url + urlsplit(admin_link).path)
    page.get_by_label("Username").fill("partner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Alex Resident")).to_be_visible()
    for status in ("Accepted", "Contacted", "Supported"):
        page.get_by_label("New status").select_option(label=status)
        page.get_by_role("button", name="Change status").click()
        expect(page.get_by_text(f"is now {status.lower()}")).to_be_visible()
    page.get_by_label("New status").select_option(label="Closed")
    page.get_by_label("Outcome (to close)").select_option(label="Got online")
    page.get_by_role("button", name="Change status").click()
    expect(page.get_by_text("is now closed")).to_be_visible()
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == ("closed", "got_online")


def test_no_consent_page_explains_other_ways_to_get_help(page, full_site_url, axe):
    page.goto(full_site_url + "/refer/")
    page.get_by_label("Someone I work with or support").check()
    page.get_by_label("No, or not asked yet").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("You need their agreement to refer them")
    expect(page.get_by_role("link", name="Find free help near them")).to_be_visible()
    axe(page)


def test_the_start_page_by_keyboard_alone(page, full_site_url):
    """Tab to each question, choose with the space bar, send with Enter."""
    page.goto(full_site_url + "/refer/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_mode_1":
            break
    else:
        pytest.fail("Tab never reached the first question")
    page.keyboard.press("Space")
    expect(page.get_by_label("Someone I work with or support")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#id_consent_1")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("About you and the person you are referring")


def test_a_self_referral_works_without_javascript(no_js_page, full_site_url):
    page = no_js_page
    page.goto(full_site_url + "/refer/")
    page.get_by_label("Me: I would like help myself").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("About you")
    expect(page.get_by_label("Your full name")).to_be_visible()
    # Checked on the server: the error summary arrives without any script.
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your full name.")


def test_frontline_staff_find_the_referral_form_from_the_home_page(page, full_site_url, axe):
    """From the home page's "Refer someone" to the form, on a phone, by
    keyboard alone, with axe on each page."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(full_site_url + "/")
    page.get_by_role("link", name="Refer someone").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Refer someone for help")
    axe(page)
    start = page.get_by_role("link", name="Start a referral")
    start.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(full_site_url + "/refer/")
    expect(page.locator("h1")).to_have_text("Refer someone for help to get online")
    axe(page)


def test_staff_run_the_skills_check_with_a_resident_inside_a_referral(page, full_site_url, axe):
    """From the details form to the skills check and back by keyboard
    alone, with axe on every page: what was typed is kept, the answers tick
    the skills barriers and check your answers shows each area in words."""
    page.goto(full_site_url + "/refer/")
    page.get_by_label("Someone I work with or support").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Your name").fill("Sam Adviser")
    page.get_by_label("Your organisation").fill("Chorley Jobcentre")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("Their full name").fill("Alex Resident")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Their phone number").fill("01632 960 555")
    page.get_by_label("Their postcode").fill("PR7 1DP")
    page.get_by_label("No device (phone, tablet or computer)").check()

    keyboard_to(page, "button[value=skills-check]")
    page.keyboard.press("Enter")
    for number, (area, answer) in enumerate(ANSWERS, start=1):
        expect(page.locator("h1")).to_have_text(area)
        expect(page.locator(".govuk-caption-l")).to_have_text(f"Skills check: step {number} of 6")
        axe(page)
        answer_by_keyboard(page, answer)

    expect(page.locator("h1")).to_have_text("About you and the person you are referring")
    done = page.locator("#skills-check-done")
    expect(done).to_contain_text(re.compile(r"Transacting\s+New to this"))
    expect(page.get_by_label("Their full name")).to_have_value("Alex Resident")
    expect(page.get_by_label("No device (phone, tablet or computer)")).to_be_checked()
    expect(page.get_by_label("Little or no digital skills")).to_be_checked()
    expect(page.get_by_label("Low confidence or worried about scams")).not_to_be_checked()
    axe(page)
    keyboard_to(page, "button.govuk-button:not([value])")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Check your answers before sending")
    row = page.locator(".govuk-summary-list__row", has_text="Skills check: Transacting")
    expect(row).to_contain_text("New to this")
    expect(page.locator(".govuk-summary-list__row", has_text="Being safe")).to_contain_text(
        "Getting there"
    )
    axe(page)
    page.get_by_role("button", name="Send the referral").click()
    expect(page.locator("h1")).to_have_text("Referral sent")
    referral = Referral.objects.get(resident_name="Alex Resident")
    assert {"area": "Transacting", "standing": "New to this"} in referral.skills_check
