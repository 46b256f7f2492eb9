"""A resident checks their digital skills on a 390 px phone: with
JavaScript off, from the start page to a next step near PR7 1AB in under
3 minutes, with a mistake on the way; and the same journey by keyboard
alone with axe on every page it visits (JavaScript on: axe is itself a
script), including the error states and learning at home."""

import re
import time

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
# The demo's areas in order, and what the resident answers in each: "Not
# yet" for transacting, "With help" for being safe online, "Yes" elsewhere.
ANSWERS = [
    ("Foundation skills", "Yes"),
    ("Communicating", "Yes"),
    ("Handling information and content", "Yes"),
    ("Transacting", "Not yet"),
    ("Problem solving", "Yes"),
    ("Being safe and legal online", "With help"),
]


def choose_all(page, answer):
    for group in page.locator("fieldset.govuk-fieldset").all():
        group.get_by_label(answer, exact=True).check()


@pytest.fixture
def phone_no_js(no_js_page):
    no_js_page.set_viewport_size(PHONE)
    return no_js_page


def test_on_a_phone_without_javascript_a_resident_gets_a_next_step_near_them(
    phone_no_js, full_site_url
):
    page = phone_no_js
    began = time.monotonic()
    page.goto(full_site_url + "/skills-check/")
    expect(page.locator("h1")).to_have_text("Check your digital skills")
    page.get_by_role("button", name="Start now").click()

    for number, (area, answer) in enumerate(ANSWERS, start=1):
        expect(page.locator(".govuk-caption-l")).to_have_text(f"Step {number} of 6")
        expect(page.locator("h1")).to_have_text(area)
        if number == 2:
            # A mistake: one question left out. The others stay chosen.
            groups = page.locator("fieldset.govuk-fieldset")
            groups.nth(0).get_by_label("Yes", exact=True).check()
            page.get_by_role("button", name="Continue").click()
            expect(page).to_have_title(re.compile("^Error: "))
            expect(page.locator(".govuk-error-summary")).to_contain_text(
                "Select Yes, With help or Not yet for"
            )
            expect(groups.nth(0).get_by_label("Yes", exact=True)).to_be_checked()
        if number == 3:
            # Back keeps what was answered.
            page.get_by_role("link", name="Back").click()
            expect(page.locator("h1")).to_have_text("Communicating")
            for radio in page.get_by_label("Yes", exact=True).all():
                expect(radio).to_be_checked()
            page.get_by_role("button", name="Continue").click()
        choose_all(page, answer)
        page.get_by_role("button", name="Continue").click()

    expect(page.locator("h1")).to_have_text("Your skills check result")
    where = page.locator("#where-you-are")
    expect(where).to_contain_text(re.compile(r"Transacting\s+New to this"))
    expect(where).to_contain_text(re.compile(r"Being safe and legal online\s+Getting there"))
    page.get_by_label("Your postcode (optional)").fill("PR7 1AB")
    page.get_by_role("button", name="Show courses near me").click()

    steps = page.locator("#step-transacting").locator("..")
    expect(steps.get_by_role("heading", name="Courses near PR7 1AB")).to_be_visible()
    first_course = steps.locator(".app-result").first
    expect(first_course).to_contain_text(re.compile(r"\d+(\.\d)? miles?"))
    expect(steps.get_by_role("heading", name="Learn at home")).to_be_visible()
    # The page fits the phone: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert time.monotonic() - began < 180


def keyboard_to(page, selector, limit=60):
    """Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_by_keyboard(page, answer):
    """Each question is one stop in the tab order: arrow keys move to an
    answer and choose it."""
    presses = {"Yes": 0, "With help": 1, "Not yet": 2}[answer]
    questions = page.locator("fieldset.govuk-fieldset").count()
    keyboard_to(page, "input[type=radio]")
    for question in range(questions):
        if question:
            page.keyboard.press("Tab")
        page.keyboard.press("Space")
        for _ in range(presses):
            page.keyboard.press("ArrowRight")
    keyboard_to(page, "button.govuk-button")
    page.keyboard.press("Enter")


def test_by_keyboard_alone_with_axe_on_every_page(page, full_site_url, axe):
    page.set_viewport_size(PHONE)
    page.goto(full_site_url + "/skills-check/")
    axe(page)
    keyboard_to(page, "a.govuk-button--start")
    page.keyboard.press("Enter")

    # Continue with nothing chosen: an error page, checked by axe too.
    expect(page.locator("h1")).to_have_text("Foundation skills")
    axe(page)
    keyboard_to(page, "button.govuk-button")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: "))
    axe(page)

    for number, (area, answer) in enumerate(ANSWERS, start=1):
        expect(page.locator("h1")).to_have_text(area)
        expect(page.locator(".govuk-caption-l")).to_have_text(f"Step {number} of 6")
        if number > 1:
            axe(page)
        answer_by_keyboard(page, answer)

    expect(page.locator("h1")).to_have_text("Your skills check result")
    expect(page.locator("#where-you-are")).to_contain_text(re.compile(r"Transacting\s+New to this"))
    axe(page)

    keyboard_to(page, "#id_postcode")
    page.keyboard.type("not a postcode")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.get_by_label("Your postcode (optional)")).to_have_value("not a postcode")
    axe(page)
    page.get_by_label("Your postcode (optional)").fill("")
    page.keyboard.type("PR7 1AB")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Courses near PR7 1AB").first).to_be_visible()
    axe(page)

    # Email the result with a mistake first.
    keyboard_to(page, "#id_email")
    page.keyboard.type("alex@")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter an email address like name@example.org."
    )
    axe(page)

    page.goto(full_site_url + "/learn-at-home/?area=transacting")
    expect(page.locator("#results-heading")).to_contain_text("match your filters")
    axe(page)
