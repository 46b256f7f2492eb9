"""Signed links to one referral's printable next-steps sheet, for the text
the resident gets: they open it on their phone without signing in, and
nobody can guess another person's sheet or reach it once the link is old.

A link holds the reference, the day it was made and a signature of both
(Django's signer, under the site's secret key, cut to 16 characters: 96
bits, too many to guess, short enough for a text). It opens the sheet for
`LINK_MAX_AGE`, never once the referral has been anonymised. Anything
else, a changed letter or an old link, is a 404."""

from datetime import timedelta

from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from .models import Referral

SIGNING_SALT = "referrals.sheet"
LINK_MAX_AGE = timedelta(days=30)
SIGNATURE_LENGTH = 16
SECONDS_A_DAY = 24 * 60 * 60


def _signature(reference, made):
    signer = signing.Signer(salt=SIGNING_SALT, algorithm="sha256")
    return signer.signature(f"{reference}-{made}")[:SIGNATURE_LENGTH]


def sheet_token(referral, now=None):
    """'ABC234-k3-<signature>': the reference without its 'REF-', the day
    the link was made (base 62) and the signature, in characters a URL
    path keeps as they are."""
    reference = referral.reference.removeprefix("REF-")
    made = signing.b62_encode(int((now or timezone.now()).timestamp()) // SECONDS_A_DAY)
    return f"{reference}-{made}-{_signature(reference, made)}"


def referral_for(token, now=None):
    """The referral whose sheet this link opens, or None."""
    reference, _, rest = token.partition("-")
    made, _, signature = rest.partition("-")
    if not constant_time_compare(signature, _signature(reference, made)):
        return None
    if not (made.isalnum() and made.isascii()):
        return None
    made_at = signing.b62_decode(made) * SECONDS_A_DAY
    now = now or timezone.now()
    if now.timestamp() - made_at > LINK_MAX_AGE.total_seconds():
        return None
    return (
        Referral.objects.select_related("organisation")
        .filter(reference=f"REF-{reference}", anonymised_at__isnull=True)
        .first()
    )
