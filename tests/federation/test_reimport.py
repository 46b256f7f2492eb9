"""Importing again: what changed is updated, what the feed no longer has is
withdrawn (unpublished), what did not change is left alone, and only the
terms a coordinator asked for are taken. Retries and the command."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.models import AccessPointPage
from federation.importer import run_import
from federation.management.commands.import_oruk_feed import due
from federation.models import Feed, FeedImport
from tests.federation.services import uk_service


def live_titles(feed):
    return sorted(
        AccessPointPage.objects.child_of(feed.organisation).live().values_list("title", flat=True)
    )


def test_a_reimport_updates_withdraws_and_leaves_the_rest(feed, feed_server, client_for):
    library, hub, cafe = (
        uk_service("Astley Library"),
        uk_service("Buckshaw Hub"),
        uk_service("Coppull Cafe"),
    )
    feed_server.services([library, hub, cafe])
    first = run_import(feed, client_for(feed))
    assert (first.created, first.outcome) == (3, FeedImport.Outcome.DONE)

    feed_server.routes.clear()
    feed_server.services([{**library, "name": "Astley Village Library"}, hub])
    second = run_import(feed, client_for(feed))

    assert (second.updated, second.unchanged, second.withdrawn) == (1, 1, 1)
    assert live_titles(feed) == ["Astley Village Library", "Buckshaw Hub"]
    assert not AccessPointPage.objects.get(source_id=cafe["id"]).live

    feed_server.routes.clear()
    feed_server.services([library, hub, cafe])  # the cafe comes back
    third = run_import(feed, client_for(feed))
    assert (third.updated, third.unchanged) == (2, 1)
    assert live_titles(feed) == ["Astley Library", "Buckshaw Hub", "Coppull Cafe"]


def test_only_the_terms_asked_for_are_taken(feed, feed_server, client_for):
    wanted = uk_service("Digital drop-in")
    wanted["attributes"][0]["taxonomy_term"]["name"] = "Digital inclusion"
    other = uk_service("Benefits advice")
    feed_server.services([wanted, other])
    feed.take_terms = "digital inclusion\n"
    feed.save()

    run_import(feed, client_for(feed))

    assert live_titles(feed) == ["Digital drop-in"]


def test_an_answer_that_fails_twice_is_tried_again(feed, feed_server, client_for):
    service = uk_service()
    feed_server.services([service])
    served = feed_server.routes[f"/oruk/services/{service['id']}"]
    tries = []

    def flaky(handler):
        tries.append(1)
        if len(tries) < 3:
            handler.send_error(503)
        else:
            served(handler)

    feed_server.answer_with(f"/oruk/services/{service['id']}", flaky)
    run = run_import(feed, client_for(feed))
    assert (run.created, len(tries)) == (1, 3)


def test_the_command_imports_a_named_feed_and_reports(feed, feed_server, capsys):
    feed_server.services([uk_service()])
    call_command("import_oruk_feed", feed.name)
    assert "Lancashire County Council: Finished. 1 listed, 1 new" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No feed is called 'Nowhere'"):
        call_command("import_oruk_feed", "Nowhere")


def test_the_schedule_says_which_feeds_are_due():
    monday, tuesday = datetime.date(2026, 12, 7), datetime.date(2026, 12, 8)
    for schedule, due_on in [
        (Feed.Schedule.DAILY, {monday, tuesday}),
        (Feed.Schedule.WEEKLY, {monday}),
        (Feed.Schedule.MANUAL, set()),
    ]:
        assert {day for day in (monday, tuesday) if due(Feed(schedule=schedule), day)} == due_on
