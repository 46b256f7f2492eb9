"""Emails to people who booked. Each is sent after the booking is saved;
if the mail server fails the booking still stands (the confirmation page
shows the same details and the cancel link), and the failure is logged."""

import logging

from django.core import mail

from training import text_messages
from training.booking_links import booking_token
from training.short_links import short_address
from website import site_address

logger = logging.getLogger(__name__)


def booking_link(booking, name="booking"):
    page = booking.session.booked_through
    path = page.reverse_subpage(name, kwargs={"token": booking_token(booking)})
    return site_address.page_address(page).rstrip("/") + "/" + path


def _where(session):
    if session.venue_id:
        return ", ".join([session.venue.title, *session.venue.public_address])
    return session.booked_through.where_without_venue


def _details(booking):
    session = booking.session
    page = session.booked_through
    return (
        f"{page.booking_noun.capitalize()}: {page.title}\n"
        f"When: {session.when}\n"
        f"Where: {_where(session)}\n"
        + (f"Note: {session.note}\n" if session.note else "")
        + page.details_for_booked(booking)
        + f"\nSee your booking: {booking_link(booking)}\n"
        f"If you cannot come, cancel so someone else can have the place:\n"
        f"{booking_link(booking, 'cancel_booking')}\n"
    )


def _send(booking, subject, body):
    if not booking.email:
        return 0
    try:
        return mail.send_mail(subject, body, None, [booking.email])
    except Exception:  # the booking is saved; a mail fault must not undo it
        logger.exception("Could not send the booking email for booking %s", booking.pk)
        return 0


def booking_received(booking):
    title = booking.session.booked_through.title
    if booking.status == booking.Status.CONFIRMED:
        subject = f"You are booked on {title}"
        opening = f"Hello {booking.name},\n\nYou have a place on {title}.\n\n"
    else:
        subject = f"You are on the waiting list for {title}"
        opening = (
            f"Hello {booking.name},\n\nThe session is full, so you are on the waiting list. "
            "If a place comes up we will give it to you and email you straight away.\n\n"
        )
    text_messages.booking_received(booking, _where(booking.session), short_address(booking))
    return _send(booking, subject, opening + _details(booking))


def booking_link_again(booking):
    """Someone filled in the booking form again with this booking's contact
    details: a fresh link, to the address the booking was made with."""
    title = booking.session.booked_through.title
    return _send(
        booking,
        f"Your booking on {title}",
        f"Hello {booking.name},\n\nSomeone (we hope you) asked to book {title} again with "
        "your contact details. You already have this booking, so nothing has changed. "
        "If it was not you, you can ignore this email.\n\n" + _details(booking),
    )


def booking_cancelled(booking):
    """The booking is cancelled: said once, with where to book again."""
    session = booking.session
    page = session.booked_through
    title = page.title
    text_messages.cancelled(booking)
    return _send(
        booking,
        f"Your booking on {title} is cancelled",
        f"Hello {booking.name},\n\nYour place on {title} ({session.when}) is cancelled, "
        "and offered to the next person waiting if anyone is.\n\n"
        f"To book again: {site_address.page_address(page)}\n\n"
        f"If you did not cancel it, book again or contact the {page.booking_noun}'s organiser.\n",
    )


def place_offered(booking):
    title = booking.session.booked_through.title
    text_messages.place_offered(booking, _where(booking.session), short_address(booking))
    return _send(
        booking,
        f"A place has come up: you are booked on {title}",
        f"Hello {booking.name},\n\nSomeone cancelled, so you now have a place on {title}.\n\n"
        + _details(booking),
    )


def message_everyone_booked(session, subject, body, reply_to=""):
    """The provider's message to everyone with a place, one email each so
    no one sees another's address. Returns (sent, [names without email])."""
    bookings = list(session.bookings.filter(status="confirmed").order_by("name"))
    messages = [
        mail.EmailMessage(subject, body, None, [b.email], reply_to=[reply_to] if reply_to else None)
        for b in bookings
        if b.email
    ]
    with mail.get_connection() as connection:
        sent = connection.send_messages(messages) or 0
    return sent, [b.name for b in bookings if not b.email]


def session_reminder(booking):
    """The day before: when and where, and how to cancel."""
    title = booking.session.booked_through.title
    text_messages.reminder(booking, _where(booking.session), short_address(booking, cancel=True))
    return _send(
        booking,
        f"Reminder: {title} is tomorrow",
        f"Hello {booking.name},\n\nThis is a reminder that you have a place on {title}.\n\n"
        + _details(booking),
    )
