"""A booking sent while the database fails at the save is not lost: the
person sees the form again with what they typed and a clear message."""

from django.core import mail

from tests.factories.training import SessionFactory
from tests.faults import database_fails_at_the_save
from tests.training.test_booking_pages import VALID, book_url
from training.models import Booking
from training.notifications import message_everyone_booked
from website.database_faults import NOT_SAVED
from website.models import OutgoingEmail


def test_a_booking_that_cannot_be_saved_keeps_what_was_typed(client, course):
    session = SessionFactory(page=course, capacity=3)

    with database_fails_at_the_save():
        response = client.post(book_url(course, session), VALID)

    assert response.status_code == 503
    page = response.content.decode()
    assert NOT_SAVED in page
    assert 'value="Ann Example"' in page
    assert 'value="ann@example.org"' in page
    assert "I use a wheelchair." in page
    assert not Booking.objects.exists()
    assert mail.outbox == []

    assert client.post(book_url(course, session), VALID).status_code == 302
    assert Booking.objects.get().name == "Ann Example"


def test_a_booking_while_the_mail_server_refuses_stands_and_its_emails_wait(
    client, course, smtp_refusing
):
    session = SessionFactory(page=course, capacity=3)

    response = client.post(book_url(course, session), VALID, follow=True)

    assert "You are booked" in response.content.decode()
    assert Booking.objects.get().status == "confirmed"
    (waiting,) = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
    assert waiting.to == ["ann@example.org"]

    sent, _ = message_everyone_booked(session, "Room change", "We are in room 2.")
    assert sent == 1  # accepted into the outbox
    assert OutgoingEmail.objects.filter(subject="Room change", status="failed").count() == 1
