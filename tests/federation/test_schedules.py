"""Schedules beyond one day a week: what our opening sessions can hold is
mapped, what they cannot is kept as text on the listing and logged."""

import datetime

import pytest

from directory.models import AccessPointPage
from federation.importer import run_import
from federation.schedules import opening_hours
from tests.federation.services import uk_service

TODAY = datetime.date(2026, 12, 6)
NINE, NOON = datetime.time(9), datetime.time(12)


def sessions(*schedules):
    found = opening_hours(list(schedules), TODAY)
    return [
        (row.weekday, row.opens, row.closes, row.by_appointment, row.note) for row in found.hours
    ], found


def test_several_days_with_times_and_notes_are_mapped():
    rows, found = sessions(
        {"freq": "WEEKLY", "byday": "MO, WE,FR", "opens_at": "09:00", "closes_at": "12:00Z"},
        {"byday": "TU", "attending_type": "By appointment", "notes": "Ring first"},
    )
    assert rows == [
        (0, NINE, NOON, False, ""),
        (1, None, None, True, "Ring first"),
        (2, NINE, NOON, False, ""),
        (4, NINE, NOON, False, ""),
    ]
    assert (found.other_times, found.notes) == ([], [])


def test_dates_still_to_come_go_in_the_note_and_an_ended_schedule_is_left_out():
    rows, found = sessions(
        {
            "freq": "WEEKLY",
            "byday": "SA",
            "opens_at": "09:00",
            "closes_at": "12:00",
            "valid_from": "2027-01-09",
            "valid_to": "2027-03-27",
            "notes": "Term time",
        },
        {
            "freq": "WEEKLY",
            "byday": "SU",
            "opens_at": "09:00",
            "closes_at": "12:00",
            "valid_to": "2026-11-30",
            "description": "Sundays in November",
        },
    )
    assert rows == [(5, NINE, NOON, False, "Term time; from 9 January 2027; until 27 March 2027")]
    assert found.other_times == []
    assert found.notes == [
        "a schedule that ended on 30 November 2026 was left out ('Sundays in November')."
    ]


@pytest.mark.parametrize(
    "schedule, text, why",
    [
        (
            {"freq": "MONTHLY", "byday": "1TU", "opens_at": "10:00", "closes_at": "12:00"},
            "Every month on the first Tuesday, 10:00 to 12:00",
            "as it is monthly",
        ),
        (
            {"freq": "MONTHLY", "bymonthday": "-1", "description": "Last day of the month"},
            "Last day of the month",
            "as it is monthly",
        ),
        (
            {"freq": "WEEKLY", "interval": 2, "byday": "MO", "opens_at": "09:00"},
            "Every 2 weeks on Monday",
            "as it is every 2 weeks",
        ),
        (
            {"dtstart": "2027-01-05", "byday": "TU", "opens_at": "10:00", "closes_at": "12:00"},
            "On 5 January 2027, 10:00 to 12:00",
            "as it is on a date, not every week",
        ),
        (
            {"freq": "WEEKLY", "byday": "TH", "description": "Thursdays, <b>ask</b> at the desk"},
            "Thursdays, ask at the desk",
            "as it gives no opening and closing times",
        ),
        (
            {"freq": "WEEKLY", "byday": "TH", "opens_at": "17:00", "closes_at": "09:00"},
            "Every week on Thursday, 17:00 to 09:00",
            "as it closes before it opens",
        ),
    ],
)
def test_what_sessions_cannot_hold_is_kept_as_text_and_logged(schedule, text, why):
    rows, found = sessions(schedule)
    assert rows == []
    assert found.other_times == [text]
    assert found.notes == [f"opening times kept as text on the listing, {why}: {text!r}."]


def test_the_listing_shows_other_times_and_the_log_says_so(feed, feed_server, client_for, client):
    service = uk_service("Repair cafe")
    service["schedules"].append(
        {
            "id": "5a2f6f0e-8f5e-4a57-9a8c-6f1f3c1b2d11",
            "freq": "MONTHLY",
            "byday": "1TU",
            "description": "First Tuesday of the month, 10am to noon",
        }
    )
    feed_server.services([service])

    run = run_import(feed, client_for(feed))

    page = AccessPointPage.objects.get(source_id=service["id"])
    assert [row.weekday for row in page.hours_list] == [3, 4]  # the weekly Thursday, Friday
    assert "<p>Other times: First Tuesday of the month, 10am to noon</p>" in page.description
    assert (
        "Other times: First Tuesday of the month, 10am to noon"
        in client.get(page.url).content.decode()
    )
    assert run.entries == [
        {
            "service": service["id"],
            "problem": "opening times kept as text on the listing, as it is monthly: "
            "'First Tuesday of the month, 10am to noon'.",
        }
    ]
    again = run_import(feed, client_for(feed))
    assert (again.unchanged, again.entries) == (1, [])  # said once, when written
