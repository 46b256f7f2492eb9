"""The link that lets a volunteer change their own details: signed with the
site's secret key, naming the record and its email address, and working for
`LINK_MAX_AGE`. It is only ever emailed to the address on the record."""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from .models import Champion

SALT = "champions.update-details"
LINK_MAX_AGE = timedelta(days=7)


class LinkExpired(Exception):
    pass


def update_details_path(champion):
    token = signing.dumps([champion.pk, champion.email], salt=SALT)
    return reverse("champions:update_details", args=[token])


def champion_from_token(token):
    """The champion the link names; None for a link that was altered or
    whose record or address has changed; LinkExpired once it is too old."""
    try:
        pk, email = signing.loads(token, salt=SALT, max_age=LINK_MAX_AGE)
    except signing.SignatureExpired as expired:
        raise LinkExpired from expired
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return Champion.objects.filter(pk=pk, email=email).first()
