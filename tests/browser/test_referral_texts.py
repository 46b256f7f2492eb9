"""A referrer chooses to text the resident their next steps, by keyboard
alone with axe on every page: a landline is refused in the error summary
(linked to the phone box, everything typed kept), a mobile then goes
through, and the fake Notify (tests/fake_notify.py) gets the text."""

from django.urls import reverse
from playwright.sync_api import expect

from referrals.models import Referral
from referrals.sheet_links import sheet_token
from tests.browser.test_skills_check import keyboard_to

pytest_plugins = ["tests.fake_notify"]  # the fake_notify fixture


def type_into(page, field_id, text):
    keyboard_to(page, f"#{field_id}")
    page.keyboard.type(text)


def test_a_referrer_texts_the_resident_their_next_steps_by_keyboard(
    page, full_site_url, axe, fake_notify
):
    page.goto(full_site_url + "/refer/")
    keyboard_to(page, "#id_mode_1")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # yes, they agree
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("About you and the person you are referring")

    type_into(page, "id_referrer_name", "Sam Adviser")
    type_into(page, "id_referrer_organisation", "Chorley Jobcentre")
    type_into(page, "id_referrer_email", "sam@example.org")
    type_into(page, "id_resident_name", "Alex Resident")
    keyboard_to(page, "#id_contact_method_1")
    page.keyboard.press("Space")  # by phone
    type_into(page, "id_resident_phone", "01632 960 555")  # a landline
    page.keyboard.press("Tab")
    expect(page.get_by_label("Text them their next steps")).to_be_focused()
    page.keyboard.press("Space")
    type_into(page, "id_postcode", "PR7 1DP")
    keyboard_to(page, "#id_barriers_1")
    page.keyboard.press("Space")
    keyboard_to(page, "button.govuk-button:not([value])")
    page.keyboard.press("Enter")

    # The error summary says why, links to the phone box, and keeps what was typed.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("This is not a mobile number, so it cannot get texts.")
    expect(page.get_by_label("Their full name")).to_have_value("Alex Resident")
    expect(page.locator("#id_resident_phone")).to_have_value("01632 960 555")
    expect(page.get_by_label("Text them their next steps")).to_be_checked()
    expect(page.locator("#id_barriers_1")).to_be_checked()
    axe(page)
    summary.get_by_role("link", name="This is not a mobile number").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_resident_phone")).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("07700 900 321")
    keyboard_to(page, "button.govuk-button:not([value])")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Check your answers before sending")
    expect(page.locator(".govuk-summary-list__row", has_text="Text them")).to_contain_text(
        "Yes, to 07700 900321"
    )
    axe(page)
    keyboard_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Referral sent")
    axe(page)

    referral = Referral.objects.get(resident_name="Alex Resident")
    assert referral.texts_to == "+447700900321"
    (text,) = fake_notify.texts
    assert text["phone_number"] == "+447700900321"
    body = text["personalisation"]["body"]
    assert referral.reference in body and body.endswith("Reply STOP to stop texts.")

    # The resident opens the sheet from the text, signed out, and it passes axe.
    page.context.clear_cookies()
    path = reverse("referral_sheet_by_link", args=[sheet_token(referral)])
    page.goto(full_site_url + path)
    expect(page.locator("body")).to_contain_text(referral.reference)
    axe(page)
