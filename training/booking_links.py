"""Signed links to one booking: the only way to see or cancel it, so that
no one can reach another person's booking without the site's secret key.
Used by the booking pages and the emails alike.

A link carries the time it was made, signed with the reference. It works
for `LINK_MAX_AGE` from then, and never later than `DAYS_AFTER_SESSION`
after the session starts: a link left in a forwarded email or a shared
computer's history stops opening the booking. Booking the session again
with the same contact details emails a fresh link to the address the
booking was made with (never shows it on screen)."""

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from training.models import Booking, sessions_booked_through

SIGNING_SALT = "training.booking"
LINK_MAX_AGE = timedelta(days=90)
DAYS_AFTER_SESSION = timedelta(days=7)


@dataclasses.dataclass(frozen=True)
class LinkCheck:
    booking: Booking | None  # set only when the link works
    expired: bool = False  # the signature is good but the link is too old


def booking_token(booking, now=None):
    """The booking's reference, when the link was made, and a signature of
    both, in characters that Wagtail page URLs allow (letters, digits, -
    and _)."""
    made = signing.b62_encode(int((now or timezone.now()).timestamp()))
    signed = f"{booking.reference.hex}-{made}"
    return f"{signed}-{_signer().signature(signed)}"


def _signer():
    return signing.Signer(salt=SIGNING_SALT)


def check_token(page, token, now=None):
    """Whether a signed link opens a booking made on this page (a course,
    or an event), and which."""
    reference, _, rest = token.partition("-")
    made, _, signature = rest.partition("-")
    if not constant_time_compare(signature, _signer().signature(f"{reference}-{made}")):
        return LinkCheck(None)
    try:
        reference = uuid.UUID(hex=reference)
        made = datetime.fromtimestamp(signing.b62_decode(made), tz=UTC)
    except ValueError:
        return LinkCheck(None)
    booking = (
        Booking.objects.select_related("session", "session__venue")
        .filter(reference=reference, session__in=sessions_booked_through(page))
        .first()
    )
    if booking is None:
        return LinkCheck(None)
    now = now or timezone.now()
    if now - made > LINK_MAX_AGE or now > booking.session.start + DAYS_AFTER_SESSION:
        return LinkCheck(None, expired=True)
    return LinkCheck(booking)
