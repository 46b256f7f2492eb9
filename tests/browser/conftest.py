"""Browser tests: Debian's Chromium driven by Playwright against a live
server, every request that would leave the machine blocked, and axe-core
checking each page for WCAG 2.x A and AA violations."""

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from tests.browser.tile_server import TileServer

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
# Discard's port on this machine, where nothing listens. Chromium sends
# loopback addresses straight, never through a proxy.
DEAD_PROXY = "http://127.0.0.1:9"

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told it is safe (it is: one thread per test).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


CRAWL = "tests/browser/test_crawl.py"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests are marked `browser`. The crawl's tests go last, all
    together (after pytest-django has ordered the rest), so each process's
    one copy of the demo serves all it runs, and the test processes spend
    the time the demo and the walk take to build (tests/prepared.py) on
    other tests instead of waiting for them."""
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    crawl = [item for item in items if str(item.fspath).endswith(CRAWL)]
    items[:] = [item for item in items if not str(item.fspath).endswith(CRAWL)] + crawl


@pytest.fixture(autouse=True)
def _chromium_present():
    """Without Chromium a browser test cannot run: a skip on a developer's
    machine (named in the summary), a failure in CI."""
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}: browser test not run"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def _as_deployed(application):
    return application


@contextmanager
def deployed_live_server():
    """pytest-django's live server, but with static files served as in
    production, by WhiteNoise from the collected, hashed files (its own
    static handler would serve the unhashed sources through the finders)."""
    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _as_deployed
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def live_server():
    with deployed_live_server() as server:
        yield server


@pytest.fixture(scope="session")
def tile_server():
    with TileServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _map_tiles_on(settings, tile_server):
    """Maps draw with tiles, as residents see them, from this machine."""
    settings.MAP_TILES_URL = tile_server.url_template


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            # Everything that is not this machine goes to a proxy that is
            # not there, so it fails (guard_network names it).
            f"--proxy-server={DEAD_PROXY}",
        ],
    }


def guard_network(context):
    """Record every request that would leave this machine, so no test
    depends on (or leaks to) the network; returns that list. The browser
    sends them to a proxy that is not there (DEAD_PROXY), so they fail.
    Listening rather than routing: a routed context has no HTTP cache, and
    every page would fetch its stylesheet and scripts again, through this
    process, as no resident's browser does."""
    blocked = []

    def watch(request):
        host = urlsplit(request.url).hostname or ""
        if not request.url.startswith(("data:", "blob:")) and host not in LOCAL_HOSTS:
            blocked.append(request.url)

    context.on("request", watch)
    return blocked


AXE_SCRIPT = Axe().axe_script
# Only the rule results axe-core reports as failures come back across the
# pipe (passes and inapplicable rules are most of its answer).
# Also axe's `region` rule (a best practice, in no WCAG tag): everything on
# a page is inside a landmark, so nothing is missed by landmark navigation
# (the back links sat outside any).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "rules": {"region": {"enabled": True}},
    "resultTypes": ["violations"],
}


@pytest.fixture
def context(context):
    blocked = guard_network(context)
    # axe-core is in every page from its start, instead of sent over for
    # each check (half a megabyte).
    context.add_init_script(AXE_SCRIPT)
    yield context
    assert not blocked, f"pages tried to reach the network: {blocked}"


@pytest.fixture
def no_js_page(browser):
    """A page in a browser context with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    blocked = guard_network(context)
    yield context.new_page()
    context.close()
    assert not blocked, f"pages tried to reach the network: {blocked}"


@pytest.fixture
def axe():
    def check(page):
        # Under load a page's DOM can be there before its styles are: axe
        # would then measure unstyled text (targets 17 px high).
        page.wait_for_load_state("load")
        if not page.evaluate("typeof axe !== 'undefined'"):  # a context of its own
            page.evaluate(AXE_SCRIPT)
        results = AxeResults(page.evaluate("o => axe.run(document, o)", AXE_OPTIONS))
        assert results.violations_count == 0, f"{page.url}\n" + results.generate_report()

    return check


@pytest.fixture
def site_url(transactional_db, live_server, brand_snapshot):
    """The live server's address, serving the demo brand site."""
    brand_snapshot.restore()
    return live_server.url


@pytest.fixture
def full_site_url(transactional_db, live_server, full_snapshot):
    """The live server's address, serving the whole demo site as `make run`
    builds it, directory included."""
    full_snapshot.restore()
    return live_server.url


@pytest.fixture
def beginner_day(full_site_url):
    """The day of the week of the next session of a demo beginner course."""
    from directory.hours import DAY_NAMES
    from training.models import CoursePage, Session

    session = (
        Session.objects.filter(
            page__live=True, page__level=CoursePage.Level.BEGINNER, start__gt=timezone.now()
        )
        .order_by("start")
        .first()
    )
    assert session is not None, "the demo has no upcoming beginner course"
    return DAY_NAMES[timezone.localtime(session.start).weekday()]
