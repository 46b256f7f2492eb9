"""Every public page of the whole demo, in Chromium, as residents get it
(map tiles on, from a tile server on this machine): found by following
every same-site link from `/` (tests/browser/crawl.py), then opened one by
one. Each page answers below 500 (the 404 page with its 404), shows no
console error, has no WCAG 2.x A/AA violation, and its weight is written to
var/test-reports/crawl/ (make test prints the summary). Every kind of form
is then sent empty, and its error state checked the same way.

Each page is opened in Chromium in the SQLite run only. What Chromium and
axe check (markup, contrast, names, console errors) is the HTML and its
scripts, which are the same whichever database the page came from, and the
per-page crawl was a minute and a half of each run. In the PostgreSQL run
the walk itself fetches every page from the PostgreSQL demo (statuses
checked by the first test), and every kind of form is still sent in
Chromium.

The pages are shared out between SHARDS tests, so no one test is long. The
crawl's tests run one after another, last in their test process (see
tests/browser/conftest.py), on one copy of the demo committed once and
served by a live server of their own: they only read, so no test needs the
database emptied and filled again, and the walk is made once per run. The
database is then put back as the migrations left it."""

import json
import os
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from tests import prepared
from tests.browser import crawl
from tests.browser.conftest import deployed_live_server

SHARDS = 24
# Pages opened in Chromium in this run (see above). Decided when the tests
# are collected, so the PostgreSQL run has no such tests rather than skipped
# ones.
OPENS_EVERY_PAGE = connection.vendor == "sqlite"
REPORTS = Path(__file__).resolve().parents[2] / "var" / "test-reports" / "crawl"
NOT_FOUND = "/no-such-page/"

# What the page fetched, as a first visit would (encoded sizes count what
# came from the browser's cache too).
WEIGHT = """() => {
  const entries = performance.getEntriesByType("navigation")
    .concat(performance.getEntriesByType("resource"));
  return entries.reduce((total, entry) => total + (entry.encodedBodySize || 0), 0);
}"""


@pytest.fixture(scope="module")
def crawl_url(full_snapshot, migrated_snapshot, django_db_blocker):
    """The whole demo, committed once for all the crawl's tests, served by
    a live server of their own; afterwards the database is as migrations
    left it, for the tests that follow. The database stays open to the
    server for the module."""
    with django_db_blocker.unblock():
        full_snapshot.restore()
        with deployed_live_server() as server:
            # Its host in ALLOWED_HOSTS (pytest-django does this per test
            # for its own live_server).
            server._live_server_modified_settings.enable()
            yield server.url
            server._live_server_modified_settings.disable()
        migrated_snapshot.restore()


@pytest.fixture(scope="module")
def site_map(crawl_url, request):
    """The whole demo's public pages: the walk tests/prepared.py made of
    the same demo before the test processes started, or made here. The
    walk makes hundreds of searches in a minute from one address, more than
    the search limit allows anyone (the limit has tests of its own)."""
    folder = prepared.folder_for(request.config)
    if prepared.has_demo(folder):
        return prepared.read_walk(folder)
    with override_settings(SEARCH_RATE_LIMIT=0):
        return crawl.walk()


def open_and_check(page, axe, url, expected_status=None):
    """Open `url`, check it, and give its status and weight in bytes."""
    errors = []

    def on_console(message):
        if message.type == "error":
            errors.append(message.text)

    def on_error(error):
        errors.append(str(error))

    page.on("console", on_console)
    page.on("pageerror", on_error)
    try:
        response = page.goto(url)
        status = response.status if response else 0
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
    if expected_status:
        assert status == expected_status, url
        # Chromium reports the page's own 404 as a console error.
        errors = [error for error in errors if f"status of {expected_status}" not in error]
    assert status < 500, f"{url} answered {status}"
    axe(page)
    assert not errors, f"{url}: console errors {errors}"
    return status, page.evaluate(WEIGHT)


def report(name, rows):
    REPORTS.mkdir(parents=True, exist_ok=True)
    path = REPORTS / f"{connection.vendor}-{name}-{os.getpid()}.json"
    path.write_text(json.dumps(rows))


# The database is made only for the tests that ask for one; site_map needs it.
@pytest.mark.django_db
def test_the_walk_found_the_whole_site(site_map):
    assert not [path for path, status in site_map.statuses.items() if status >= 500]
    assert site_map.statuses[NOT_FOUND] == 404
    kinds = {path.split("?")[0].rstrip("/").rsplit("/", 1)[-1] for path in site_map.pages}
    # Places, organisations, courses, booking forms, news, the directory's
    # pages of results, the forms and the open pages are all reached.
    assert {"book", "report-a-problem", "impact", "open-data", "search", "join"} <= kinds
    assert any("page=2" in path for path in site_map.pages)
    assert len(site_map.pages) >= 300
    assert not [path for path, kind in site_map.files.items() if not kind]


if OPENS_EVERY_PAGE:

    @pytest.mark.parametrize("shard", range(SHARDS))
    def test_every_page_answers_with_no_violations(page, crawl_url, axe, site_map, shard):
        rows = []
        for path in site_map.pages[shard::SHARDS]:
            expected = 404 if path == NOT_FOUND else None
            status, weight = open_and_check(page, axe, crawl_url + path, expected)
            rows.append({"path": path, "status": status, "bytes": weight})
        report(f"pages-{shard}", rows)


def form_kinds(site_map):
    """One page for each kind of form: forms whose address ends alike (every
    place's problem report, every session's booking form) are one kind."""
    kinds = {}
    for (method, action), page_path in site_map.forms.items():
        kind = (method, (action or "").rstrip("/").rsplit("/", 1)[-1])
        kinds.setdefault(kind, (page_path, action))
    return kinds


def test_every_kind_of_form_sent_empty_shows_its_errors_without_violations(
    page, crawl_url, axe, site_map
):
    rows = []
    for (method, _name), (page_path, action) in sorted(form_kinds(site_map).items()):
        page.goto(crawl_url + page_path)
        form = page.locator(f'form[action="{action}"]').first
        if not form.count():
            form = page.locator("main form").first
        with page.expect_navigation() as sent:
            form.locator(
                "button[type=submit], input[type=submit], button:not([type])"
            ).first.click()
        assert sent.value.status < 500, f"{method} {action} answered {sent.value.status}"
        axe(page)
        rows.append({"path": f"{method.upper()} {action}", "bytes": page.evaluate(WEIGHT)})
    assert len(rows) >= 6
    report("forms", rows)
