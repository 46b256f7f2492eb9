"""On a shared computer (a library's, a drop-in's), what one resident typed
into the referral form is not there for the next person: the draft goes
when the browser closes, after 30 idle minutes or 4 hours in all, and no
page showing it is kept by the browser."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from tests.referrals.test_flow import DETAILS, begin
from website import public_sessions


def later(**delta):
    return mock.patch(
        "website.public_sessions.timezone.now",
        return_value=timezone.now() + datetime.timedelta(**delta),
    )


@pytest.fixture
def typed(client, lender, leyland_drop_in, staff_a, coordinator):
    begin(client)
    assert client.post("/refer/details/", DETAILS)["Location"] == "/refer/check/"
    return client


def test_pages_showing_what_was_typed_are_never_stored(typed):
    for path in ("/refer/", "/refer/details/", "/refer/check/"):
        response = typed.get(path)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"], path


def test_the_draft_goes_with_the_browser(typed):
    cookie = typed.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]


def test_the_draft_goes_after_thirty_idle_minutes(typed):
    with later(minutes=29):
        assert b"Alex Resident" in typed.get("/refer/check/").content  # still there, and touched
    with later(minutes=29 + 31):
        response = typed.get("/refer/check/")
    assert response.status_code == 302 and b"Alex Resident" not in response.content
    assert b"Alex Resident" not in typed.get("/refer/details/", follow=True).content


def test_the_draft_goes_after_four_hours_however_busy(typed):
    now = datetime.timedelta()
    step = public_sessions.IDLE_LIMIT - datetime.timedelta(minutes=1)
    while now + step < public_sessions.ABSOLUTE_LIMIT:
        now += step
        with later(seconds=now.total_seconds()):
            assert typed.post("/refer/details/", DETAILS)["Location"] == "/refer/check/"
    with later(seconds=(now + step).total_seconds()):
        assert typed.get("/refer/check/").status_code == 302
