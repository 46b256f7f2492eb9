"""Feeds that misbehave: each gives a clear entry in the feed's import log
and leaves the directory as it was (services already written stay whole;
nothing is withdrawn unless the feed was listed to the end)."""

import json

import pytest

from directory.models import AccessPointPage
from federation.importer import run_import
from federation.models import FeedImport
from tests.federation.services import uk_service

FAILED, PROBLEMS = FeedImport.Outcome.FAILED, FeedImport.Outcome.DONE_WITH_PROBLEMS


@pytest.fixture
def imported_before(feed, feed_server, client_for):
    """Two listings from an earlier, good import."""
    services = [uk_service("Astley Library"), uk_service("Buckshaw Hub")]
    feed_server.services(services)
    assert run_import(feed, client_for(feed)).created == 2
    feed_server.routes.clear()
    return services


def live_titles(feed):
    return sorted(
        AccessPointPage.objects.child_of(feed.organisation).live().values_list("title", flat=True)
    )


def problems(run):
    return " ".join(entry["problem"] for entry in run.entries)


def test_malformed_json_in_the_list_stops_and_changes_nothing(
    feed, feed_server, client_for, imported_before
):
    feed_server.raw("/oruk/services", b'{"contents": [{"id": "a"')
    run = run_import(feed, client_for(feed))
    assert run.outcome == FAILED
    assert "not valid JSON" in problems(run) and "Nothing was withdrawn" in problems(run)
    assert live_titles(feed) == ["Astley Library", "Buckshaw Hub"]


def test_malformed_json_for_one_service_skips_only_it(feed, feed_server, client_for):
    good, bad = uk_service("Astley Library"), uk_service("Broken")
    feed_server.services([good, bad])
    feed_server.raw(f"/oruk/services/{bad['id']}", b"<html>Server error</html>")
    run = run_import(feed, client_for(feed))
    assert (run.outcome, run.created, run.skipped) == (PROBLEMS, 1, 1)
    assert run.entries[0]["service"] == bad["id"]
    assert "not valid JSON" in run.entries[0]["problem"]
    assert live_titles(feed) == ["Astley Library"]


def test_a_list_that_never_ends_is_stopped(feed, feed_server, client_for, imported_before):
    page = {"contents": [{"id": imported_before[0]["id"]}], "last_page": False}
    feed_server.json("/oruk/services", page)  # every page the same, forever
    run = run_import(feed, client_for(feed))
    assert run.outcome == FAILED
    assert "page 2 repeats services already listed: the feed never ends" in problems(run)
    assert live_titles(feed) == ["Astley Library", "Buckshaw Hub"]


def test_an_answer_that_never_ends_is_cut_off(feed, feed_server, client_for, imported_before):
    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.end_headers()
        try:
            handler.wfile.write(b'{"contents": [')
            for _ in range(10_000):  # 10 MB at most, should the client not hang up
                handler.wfile.write(b'{"id": "x"},' * 100)
        except (BrokenPipeError, ConnectionResetError):
            pass

    feed_server.answer_with("/oruk/services", endless)
    run = run_import(feed, client_for(feed, max_bytes=64 * 1024))
    assert run.outcome == FAILED
    assert "went over our limit of 65,536 bytes; cut off" in problems(run)
    assert live_titles(feed) == ["Astley Library", "Buckshaw Hub"]


def test_a_huge_page_is_not_read(feed, feed_server, client_for, imported_before):
    huge = json.dumps({"contents": [{"id": str(n)} for n in range(20_000)]}).encode()
    feed_server.raw("/oruk/services", huge)
    run = run_import(feed, client_for(feed, max_bytes=64 * 1024))
    assert run.outcome == FAILED
    assert f"the answer is {len(huge):,} bytes, over our limit of 65,536" in problems(run)
    assert live_titles(feed) == ["Astley Library", "Buckshaw Hub"]


def test_wrong_types_are_skipped_and_never_half_imported(
    feed, feed_server, client_for, imported_before
):
    library, hub = imported_before
    changed = {**library, "name": 42, "schedules": "every day"}
    feed_server.services([changed, hub])
    run = run_import(feed, client_for(feed))
    assert (run.outcome, run.skipped, run.unchanged, run.withdrawn) == (PROBLEMS, 1, 1, 0)
    entry = run.entries[0]
    assert entry["service"] == library["id"]
    assert "name: 42 is not of type 'string'" in entry["problem"]
    assert "schedules: 'every day' is not of type 'array'" in entry["problem"]
    # The earlier import of it stands, untouched.
    assert live_titles(feed) == ["Astley Library", "Buckshaw Hub"]


def test_a_list_of_the_wrong_shape_stops(feed, feed_server, client_for):
    feed_server.json("/oruk/services", {"contents": {"id": "a"}})
    run = run_import(feed, client_for(feed))
    assert run.outcome == FAILED
    assert "/services page 1 has no 'contents' list" in problems(run)


def test_html_and_script_become_plain_text(feed, feed_server, client_for, client):
    service = uk_service(
        "<b>Astley</b> Library<script>alert('name')</script>",
        description="<p>Free <em>wifi</em> &amp; help.</p><script>alert('x')</script>"
        '<p onclick="steal()">Second paragraph</p>',
    )
    feed_server.services([service])
    run_import(feed, client_for(feed))
    page = AccessPointPage.objects.get(source_id=service["id"])
    assert page.title == "Astley Library"
    assert page.summary == "Free wifi & help."
    assert page.description == "<p>Second paragraph</p>"
    html = client.get(page.url).content.decode()
    assert "alert(" not in html and "steal()" not in html


def test_a_redirect_to_another_host_is_not_followed(feed, feed_server, client_for):
    elsewhere = feed_server.base_url.replace("127.0.0.1", "localhost") + "/oruk/services"
    feed_server.raw("/oruk/services", b"", status=302, headers=[("Location", elsewhere)])
    run = run_import(feed, client_for(feed))
    assert run.outcome == FAILED
    assert "redirected to another host (localhost:" in problems(run)
    assert not [path for path in feed_server.asked if "localhost" in path]
    assert len(feed_server.asked) == 1


def test_a_redirect_within_the_feed_is_followed(feed, feed_server, client_for):
    feed_server.services([uk_service()], prefix="/v3")
    feed_server.raw(
        "/oruk/services", b"", status=301, headers=[("Location", "/v3/services?page=1&per_page=50")]
    )
    run = run_import(feed, client_for(feed))
    # The list was found at its new address; the services are asked for
    # under the feed's base address, which does not have them.
    assert run.listed == 1 and "answered 404" in problems(run)


def test_a_feed_that_goes_down_mid_import_withdraws_nothing(
    feed, feed_server, client_for, imported_before
):
    library, hub = imported_before
    fresh = [uk_service(f"New place {n}") for n in range(6)]
    feed_server.services([{**library, "name": "Astley Village Library"}, hub, *fresh])
    for service in fresh:  # the server falls over after the first two services
        feed_server.answer_with(f"/oruk/services/{service['id']}", dropped)

    run = run_import(feed, client_for(feed))

    assert run.outcome == FAILED
    assert "5 services in a row could not be read; the feed seems to be down" in problems(run)
    assert (run.updated, run.withdrawn) == (1, 0)
    assert live_titles(feed) == ["Astley Village Library", "Buckshaw Hub"]


def dropped(handler):
    """The connection closes with no answer at all."""
    handler.close_connection = True
    handler.wfile.flush()
    handler.connection.shutdown(2)
