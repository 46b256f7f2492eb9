"""A booking sent while the database fails at the save is not lost: the
person sees the form again with what they typed and a clear message."""

from django.core import mail

from tests.factories.training import SessionFactory
from tests.faults import database_fails_at_the_save
from tests.training.test_booking_pages import VALID, book_url
from training.models import Booking
from website.database_faults import NOT_SAVED


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
