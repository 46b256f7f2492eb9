"""Problem reports in the shared personal-data page and the retention
schedule: a reporter's reply address and what they wrote can be found,
downloaded and erased, and the text goes after the retention period."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from directory.models import ProblemReport
from directory.permissions import coordinators_group
from website.personal_data import ERASED

URL = "/admin/personal-data/"


@pytest.fixture
def place(make_place):
    return make_place("Chorley Library")


def report(place, **fields):
    return ProblemReport.objects.create(
        listing=place, kind="out_of_date", details="My neighbour Jo at 4 Elm Street says…", **fields
    )


def test_a_coordinator_finds_downloads_and_erases_a_reporters_data(client, place):
    mine = report(place, reply_email="ann@example.org")
    user = get_user_model().objects.create_user("co", email="co@example.org")
    user.groups.add(coordinators_group())
    client.force_login(user)

    found = client.post(URL, {"who": "Ann@example.org", "action": "find"}).content.decode()
    assert "Problem report" in found and "4 Elm Street" in found
    download = client.post(URL, {"who": "ann@example.org", "action": "download"})
    (record,) = json.loads(download.content)["records"]["Directory of access points and referrals"]
    assert record["listing"] == "Chorley Library" and record["reply email"] == "ann@example.org"

    client.post(URL, {"who": "ann@example.org", "action": "erase", "confirm": "on"})
    mine.refresh_from_db()
    assert (mine.reply_email, mine.details, mine.kind) == ("", ERASED, "out_of_date")


def test_retention_erases_what_old_reports_say_and_keeps_recent_ones(place):
    old = report(place, created_at=timezone.now() - datetime.timedelta(days=400))
    recent = report(place, reply_email="bob@example.org")
    call_command("apply_retention", stdout=StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.details == ERASED
    assert recent.details.startswith("My neighbour") and recent.reply_email == "bob@example.org"
