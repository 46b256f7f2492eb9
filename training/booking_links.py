"""Signed links to one booking: the only way to see or cancel it, so that
no one can reach another person's booking without the site's secret key.
Used by the booking pages and the emails alike."""

import uuid

from django.core import signing
from django.utils.crypto import constant_time_compare

from training.models import Booking

SIGNING_SALT = "training.booking"


def booking_token(booking):
    """The booking's reference with a signature, in characters that Wagtail
    page URLs allow (letters, digits, - and _), so no one can make a link
    to another person's booking without the site's secret key."""
    reference = booking.reference.hex
    return f"{reference}-{_signer().signature(reference)}"


def _signer():
    return signing.Signer(salt=SIGNING_SALT)


def booking_from_token(course, token):
    """The booking a signed link names, on this course; None if the link
    was altered, or names a booking that no longer exists or is elsewhere."""
    reference, _, signature = token.partition("-")
    if not constant_time_compare(signature, _signer().signature(reference)):
        return None
    try:
        reference = uuid.UUID(hex=reference)
    except ValueError:
        return None
    return (
        Booking.objects.select_related("session", "session__venue")
        .filter(reference=reference, session__page=course)
        .first()
    )
