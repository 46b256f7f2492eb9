"""The page-weight budget over the wire (issue #14): each kind of public
page, opened in Chromium as a first visit, receives at most 100 KB of
document, stylesheets and scripts, compressed, from the live server that
serves static files as production does (collected, hashed, WhiteNoise's
precompressed copies; pages compressed by the site's middleware). Images,
fonts and map tiles are outside the budget.

tests/website/test_page_weight.py works the same budget out from the files
with the test client; this test counts what Chromium itself received."""

from contextlib import contextmanager

from playwright.sync_api import expect

from directory.models import AccessPointPage, OrganisationPage
from tests.browser.conftest import guard_network
from training.models import CoursePage

BUDGET_BYTES = 100 * 1024
COMPRESSED = {"gzip", "br"}
# Django's GZipMiddleware leaves smaller bodies as they are (gzip's own
# header and footer would outweigh the saving): /brand.css, a few colours.
WORTH_COMPRESSING = 200
# Essence MIME types, as Resource Timing's contentType gives them.
COUNTED_TYPES = {"text/html", "text/css", "text/javascript", "application/javascript"}
# Every page's own, and a map's (templates/directory/includes/map_assets.html).
PAGE_ASSETS = ("/css/main.", "/js/app.", "/brand.css")
MAP_ASSETS = ("/vendor/leaflet/leaflet.", "/js/map.")

# Chromium's own figures from the Resource Timing API, once the page has
# loaded (by then every stylesheet and script it names, or imports, has
# arrived). encodedBodySize is each body as it came over the wire, still
# compressed. transferSize adds the response headers, which depend on the
# server and its protocol (HTTP/1.1 text here, compressed HTTP/2 frames
# from a load balancer), not on the page; it serves to show that the body
# came over the network (it is 0 for anything from a cache, whose
# encodedBodySize is still given). contentEncoding says how each body was
# sent.
RECEIVED = """() => performance.getEntriesByType("navigation")
  .concat(performance.getEntriesByType("resource"))
  .map(entry => ({
    url: entry.name,
    type: entry.initiatorType === "navigation" ? "text/html" : entry.contentType,
    bytes: entry.encodedBodySize,
    size: entry.decodedBodySize,
    encoding: entry.contentEncoding,
    fetched: entry.transferSize > 0,
  }))"""
# Room for every tile of a map: entries past the browser's default 250
# would be dropped without a word.
ROOMY_TIMING_BUFFER = "performance.setResourceTimingBufferSize(2000)"


def public_pages():
    """One address for each kind of public page in the whole demo, and
    whether it loads the map's stylesheet and scripts."""
    organisation = OrganisationPage.objects.live().order_by("pk").first()
    place = (
        AccessPointPage.objects.live()
        .filter(latitude__isnull=False, temporarily_closed=False)
        .order_by("pk")
        .first()
    )
    course = CoursePage.objects.live().order_by("pk").first()
    return {
        "home": ("/", False),
        "content": ("/about/", False),
        "accessibility statement": ("/accessibility-statement/", False),
        "news index": ("/news/", False),
        "news story": ("/news/free-data-sims-now-at-every-library/", False),
        "directory": ("/find-help/", True),
        "directory search by postcode": ("/find-help/?postcode=PR7+1AB", True),
        "course search": ("/find-help/?postcode=PR7+1AB&type=courses", False),
        "organisation": (organisation.url, False),
        "access point": (place.url, True),
        "course": (course.url, False),
        "impact": ("/impact/", False),
        "open data": ("/open-data/", False),
        "site search": ("/search/?q=wifi", False),
        "referral, first step": ("/refer/", False),
        "champion sign-up": ("/champions/join/", False),
    }


@contextmanager
def first_visits(browser):
    """A page on which every visit is a first visit: its HTTP cache is off
    (DevTools' "Disable cache"), so each stylesheet and script comes over
    the wire every time, as on a resident's first visit. One page for all:
    a context of its own per page, each with an empty cache, cost 0.2 to
    0.5 s a page more."""
    context = browser.new_context()
    blocked = guard_network(context)
    context.add_init_script(ROOMY_TIMING_BUFFER)
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        yield page
    finally:
        context.close()
    assert not blocked, f"pages tried to reach the network: {blocked}"


def received(page, url):
    """Everything Chromium received for `url`, once it has loaded."""
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    expect(page.locator("h1")).to_have_count(1)
    return page.evaluate(RECEIVED)


def problems_with(name, path, with_map, entries):
    """What is wrong with one page's weight, in words (nothing when it is
    right), with each counted response's size: over budget, sent
    uncompressed, or not measured at all."""
    counted = [entry for entry in entries if entry["type"] in COUNTED_TYPES]
    total = sum(entry["bytes"] for entry in counted)
    expected = PAGE_ASSETS + (MAP_ASSETS if with_map else ())
    missing = [part for part in expected if not any(part in entry["url"] for entry in counted)]
    problems = [f"not measured: {part}…" for part in missing]
    if not with_map:  # courses have no map: Leaflet is not sent for nothing
        problems += [
            f"a map's file on a page without a map: {entry['url']}"
            for entry in counted
            if any(part in entry["url"] for part in MAP_ASSETS)
        ]
    problems += [f"from a cache: {entry['url']}" for entry in counted if not entry["fetched"]]
    problems += [
        f"sent uncompressed: {entry['url']}"
        for entry in counted
        if entry["encoding"] not in COMPRESSED and entry["size"] >= WORTH_COMPRESSING
    ]
    if total > BUDGET_BYTES:
        problems.append(f"over budget: {total / 1024:.1f} KB of {BUDGET_BYTES / 1024:.0f} KB")
    if not problems:
        return []
    listing = "\n".join(
        f"    {entry['bytes']:>7,} B  {entry['encoding'] or 'uncompressed':<12}  {entry['url']}"
        for entry in counted
    )
    return [f"{name} ({path}): {'; '.join(problems)}\n{listing}\n    {total:>7,} B  in all"]


def test_each_public_page_fits_the_budget_over_the_wire(browser, full_site_url):
    problems = []
    with first_visits(browser) as page:
        for name, (path, with_map) in public_pages().items():
            problems += problems_with(name, path, with_map, received(page, full_site_url + path))
    assert not problems, "\n\n".join(problems)
