"""One person's booking data through the shared personal-data page: find,
download, erase, and the retention schedule; only people with the permission (coordinators) may."""

import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from directory.permissions import coordinators_group
from tests.factories.training import BookingFactory, SessionFactory
from training.models import Booking
from website.personal_data import ERASED, months_before

URL = "/admin/personal-data/"


def test_months_before_keeps_the_day_or_takes_the_months_last():
    moment = timezone.make_aware(datetime.datetime(2026, 3, 31, 9, 30))
    assert months_before(moment, 1).date() == datetime.date(2026, 2, 28)
    assert months_before(moment, 12).date() == datetime.date(2025, 3, 31)
    assert months_before(moment, 3).date() == datetime.date(2025, 12, 31)


@pytest.fixture
def booking(course):
    return BookingFactory(
        session=SessionFactory(page=course), name="Ann Person", email="ann@example.org"
    )


def login(client, group):
    user = get_user_model().objects.create_user("someone", email="someone@example.org")
    user.groups.add(group)
    client.force_login(user)


def test_coordinator_finds_downloads_and_erases_a_persons_data(client, booking):
    login(client, coordinators_group())
    found = client.post(URL, {"who": "ANN@example.org", "action": "find"}).content.decode()
    assert "Ann Person" in found and "Email for beginners" in found

    download = client.post(URL, {"who": "ann@example.org", "action": "download"})
    records = json.loads(download.content)["records"]
    assert records["Courses and bookings"][0]["name"] == "Ann Person"

    refused = client.post(URL, {"who": "ann@example.org", "action": "erase"})
    assert "Tick the box to confirm before erasing." in refused.content.decode()
    booking.refresh_from_db()
    assert booking.name == "Ann Person"

    client.post(URL, {"who": "ann@example.org", "action": "erase", "confirm": "on"})
    booking.refresh_from_db()
    assert (booking.name, booking.email, booking.status) == (ERASED, "", "confirmed")
    after = client.post(URL, {"who": "ann@example.org", "action": "find"}).content.decode()
    assert "No register holds anything for this email address or mobile number." in after


def test_a_partner_editor_cannot_use_the_personal_data_page(client, booking, organisation):
    login(client, organisation.specific.editors_group)
    assert client.get(URL).status_code in (302, 403)
    response = client.post(URL, {"who": "ann@example.org", "action": "download"})
    assert response.status_code in (302, 403)


def test_retention_erases_bookings_for_sessions_long_past_only(course):
    old_session = SessionFactory(
        page=course,
        start=timezone.now() - datetime.timedelta(days=500),
        end=timezone.now() - datetime.timedelta(days=500) + datetime.timedelta(hours=2),
    )
    old = BookingFactory(session=old_session, name="Old Booking")
    recent = BookingFactory(session=SessionFactory(page=course), name="Recent Booking")
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "Courses and bookings: 1 anonymised" in out.getvalue()
    assert Booking.objects.get(pk=old.pk).name == ERASED
    assert Booking.objects.get(pk=recent.pk).name == "Recent Booking"
