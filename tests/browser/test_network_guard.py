"""The browser tests' guard (tests/browser/conftest.py): a request that
would leave this machine fails and is named, while this machine's own
servers answer and their files stay in the browser's cache."""

import pytest
from playwright.sync_api import Error

from tests.browser.conftest import guard_network


@pytest.fixture
def guarded(browser):
    context = browser.new_context()
    blocked = guard_network(context)
    yield context.new_page(), blocked
    context.close()


def test_a_request_off_the_machine_fails_and_is_named(guarded):
    page, blocked = guarded
    with pytest.raises(Error):
        page.goto("http://example.org/", timeout=10_000)
    assert blocked == ["http://example.org/"]


def test_this_machine_answers_from_the_cache_the_second_time(guarded, tile_server):
    page, blocked = guarded
    tile = tile_server.url_template.format(z=1, x=0, y=0)
    page.goto(tile)
    before = tile_server.served
    page.goto("about:blank")
    page.goto(tile)
    page.goto("about:blank")
    page.set_content(f'<img src="{tile}" alt="">')
    page.wait_for_load_state("load")
    assert tile_server.served == before  # the image came from the cache
    assert blocked == []
