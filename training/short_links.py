"""Short signed links to one booking, for texts: `/b/<token>/` to see it,
`/b/<token>/cancel/` to cancel it. A booking page's own signed link
(booking_links.py) is too long for two SMS fragments beside the news, so a
text carries this one, which sends the browser on to a fresh full link.

The token is the booking's number and the day the link was made (base 62)
and a 12-character signature of both and the booking's secret reference
(72 bits: too many to guess). It follows the same rules as the full links:
it works for `LINK_MAX_AGE`, and never later than `DAYS_AFTER_SESSION`
after the session starts. Anything else is a 404."""

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from training.booking_links import DAYS_AFTER_SESSION, LINK_MAX_AGE
from training.models import Booking
from website import site_address

SIGNING_SALT = "training.booking.short"
SIGNATURE_LENGTH = 12
SECONDS_A_DAY = 24 * 60 * 60


def _signature(booking, number, made):
    signer = signing.Signer(salt=SIGNING_SALT, algorithm="sha256")
    return signer.signature(f"{number}-{made}-{booking.reference.hex}")[:SIGNATURE_LENGTH]


def short_token(booking, now=None):
    number = signing.b62_encode(booking.pk)
    made = signing.b62_encode(int((now or timezone.now()).timestamp()) // SECONDS_A_DAY)
    return f"{number}-{made}-{_signature(booking, number, made)}"


def short_address(booking, cancel=False, now=None):
    """The full address of a short link: to the booking, or to cancel it."""
    name = "booking_short_cancel" if cancel else "booking_short"
    return site_address.absolute(reverse(name, args=[short_token(booking, now)]))


def booking_for(token, now=None):
    """The booking a short link opens, or None (changed, old or unknown)."""
    number, _, rest = token.partition("-")
    made, _, signature = rest.partition("-")
    if not (number.isalnum() and made.isalnum() and number.isascii() and made.isascii()):
        return None
    pk, made_day = signing.b62_decode(number), signing.b62_decode(made)
    booking = Booking.objects.select_related("session").filter(pk=pk).first()
    if booking is None or not constant_time_compare(signature, _signature(booking, number, made)):
        return None
    now = now or timezone.now()
    too_old = now.timestamp() - made_day * SECONDS_A_DAY > LINK_MAX_AGE.total_seconds()
    if too_old or now > booking.session.start + DAYS_AFTER_SESSION:
        return None
    return booking
