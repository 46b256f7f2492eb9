"""The Content Security Policy in a real browser: public pages (maps,
forms, structured data) and the Wagtail admin (signing in, the dashboard,
the page editor with its inline panels and date pickers) run without a
single violation, and a script injected into a public page is blocked."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from directory.models import AccessPointPage
from events.models import EventPage

# Recorded by the page itself, from its first moment, before any script of
# its own runs (Playwright adds init scripts outside the page's policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(context):
    """A page that records CSP violations and console errors about them."""
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.console_about_csp = console
    return page


def violations(page):
    return page.evaluate("window.__cspViolations") + page.console_about_csp


def test_public_pages_and_the_admin_run_without_policy_violations(watched, full_site_url):
    """One demo site for both halves: building it is most of the cost."""
    listing = AccessPointPage.objects.live().first()
    for path in (
        "/",
        "/find-help/?postcode=PR7+1AB",
        listing.url,
        listing.report_problem_url,
        "/refer/",
        "/champions/join/",
        "/search/?q=help",
    ):
        watched.goto(full_site_url + path)
        expect(watched.locator("h1").first).to_be_visible()
        assert violations(watched) == [], path

    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-passphrase")
    watched.goto(full_site_url + "/admin/login/")
    watched.get_by_label("Username").fill("editor")
    watched.get_by_label("Password").fill("a-long-passphrase")
    watched.get_by_role("button", name="Sign in").click()
    expect(watched.get_by_role("heading", level=1).first).to_be_visible()
    assert violations(watched) == [], "dashboard"
    # Access points have an inline panel (opening hours); events a date picker.
    event = EventPage.objects.order_by("start").first()
    for page in (listing, event):
        watched.goto(f"{full_site_url}/admin/pages/{page.pk}/edit/")
        expect(watched.locator("#id_title")).to_have_value(page.title)
        watched.wait_for_load_state("networkidle")
        assert violations(watched) == [], f"editing {page.title}"


def test_a_script_injected_into_a_public_page_is_blocked(watched, site_url):
    watched.goto(site_url + "/")
    watched.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__injected = true";
          document.body.append(script);
        }"""
    )
    assert watched.evaluate("window.__injected === undefined")
    assert any("script-src" in violation for violation in violations(watched))
