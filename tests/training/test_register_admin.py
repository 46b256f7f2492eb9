"""The provider's register in the admin: each organisation sees and marks
only its own courses' bookings; coordinators see all."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from directory.permissions import coordinators_group
from tests.factories.directory import OrganisationPageFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory
from training.models import Booking

BOOKINGS = "/admin/training/booking/"


@pytest.fixture
def two_providers(organisation):
    other = OrganisationPageFactory(parent=organisation.get_parent(), title="Other Provider")
    mine = SessionFactory(page=CoursePageFactory(parent=organisation, title="My course"))
    theirs = SessionFactory(page=CoursePageFactory(parent=other, title="Their course"))
    return {
        "me": organisation.specific,
        "them": other,
        "my_session": mine,
        "their_session": theirs,
        "mine": BookingFactory(session=mine, name="Ann Mine"),
        "theirs": BookingFactory(session=theirs, name="Bob Theirs"),
    }


def login(client, group, name="user"):
    user = get_user_model().objects.create_user(name, email=f"{name}@example.org")
    user.groups.add(group)
    client.force_login(user)
    return user


def register_url(session):
    return f"/admin/training/sessions/{session.pk}/register/"


def test_provider_lists_only_their_own_bookings(client, two_providers):
    login(client, two_providers["me"].editors_group)
    html = client.get(BOOKINGS).content.decode()
    assert "Ann Mine" in html and "Bob Theirs" not in html


def test_the_bookings_list_says_in_words_who_attended(client, two_providers):
    mine = two_providers["mine"]
    mine.attended = True
    mine.save()
    login(client, two_providers["me"].editors_group)
    response = client.get(BOOKINGS)
    assert response.status_code == 200
    row = response.content.decode().split("Ann Mine", 1)[1].split("</tr>", 1)[0]
    assert ">Yes<" in row and ">No<" in row


def test_provider_cannot_open_another_providers_booking_or_register(client, two_providers):
    login(client, two_providers["me"].editors_group)
    theirs = two_providers["theirs"]
    assert client.get(f"{BOOKINGS}inspect/{theirs.pk}/").status_code in (302, 403, 404)
    assert client.get(register_url(two_providers["their_session"])).status_code == 404
    response = client.post(
        register_url(two_providers["their_session"]), {f"attended-{theirs.pk}": "on"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert not theirs.attended
    csv = client.get(register_url(two_providers["their_session"]) + "?format=csv")
    assert csv.status_code == 404


def test_provider_export_holds_only_their_own_bookings(client, two_providers):
    login(client, two_providers["me"].editors_group)
    response = client.get(BOOKINGS + "?export=csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    assert "Ann Mine" in text and "Bob Theirs" not in text


def test_export_cells_cannot_run_as_spreadsheet_formulas(client, two_providers):
    BookingFactory(session=two_providers["my_session"], name="=HYPERLINK(1)")
    login(client, two_providers["me"].editors_group)
    text = b"".join(client.get(BOOKINGS + "?export=csv").streaming_content).decode()
    assert "'=HYPERLINK(1)" in text
    register_csv = client.get(register_url(two_providers["my_session"]) + "?format=csv")
    assert register_csv.content.decode("utf-8").startswith("\ufeffName,")
    assert "'=HYPERLINK(1)" in register_csv.content.decode()


def test_coordinator_sees_every_booking(client, two_providers):
    login(client, coordinators_group())
    html = client.get(BOOKINGS).content.decode()
    assert "Ann Mine" in html and "Bob Theirs" in html
    assert client.get(register_url(two_providers["their_session"])).status_code == 200


def test_someone_without_an_organisation_sees_no_register(client, two_providers):
    from django.contrib.auth.models import Group

    from directory.permissions import admin_access_permission

    group = Group.objects.create(name="Admin only")
    group.permissions.add(admin_access_permission())
    login(client, group)
    assert client.get(BOOKINGS).status_code in (302, 403)
    assert client.get(register_url(two_providers["my_session"])).status_code == 404


def test_provider_marks_attended_and_completed_in_the_register(client, two_providers):
    login(client, two_providers["me"].editors_group)
    mine = two_providers["mine"]
    session = two_providers["my_session"]
    page = client.get(register_url(session)).content.decode()
    assert "Ann Mine" in page and "Bob Theirs" not in page
    client.post(register_url(session), {f"attended-{mine.pk}": "on", f"completed-{mine.pk}": "on"})
    mine.refresh_from_db()
    assert mine.attended and mine.completed


def test_provider_messages_everyone_with_a_place(client, two_providers):
    session = two_providers["my_session"]
    BookingFactory(session=session, name="Phone Only", email="", phone="07700 900982")
    BookingFactory(session=session, name="Waiting Wendy", status=Booking.Status.WAITING)
    login(client, two_providers["me"].editors_group, name="provider")
    response = client.post(
        register_url(session),
        {"action": "message", "subject": "Room change", "message": "We are upstairs."},
        follow=True,
    )
    assert [email.to for email in mail.outbox] == [[two_providers["mine"].email]]
    assert mail.outbox[0].reply_to == ["provider@example.org"]
    assert "ring them: Phone Only" in response.content.decode()
