"""Listings nobody has confirmed for about six months: the admin report, the
editor's warning and the reminder emails all ask this one module, so they
agree with AccessPointPage.is_stale about what "stale" means."""

import datetime

from django.utils import timezone

from directory.models import AccessPointPage
from directory.models.access_points import STALE_AFTER_DAYS


def checked_before(today=None):
    """Listings last checked before this date are stale."""
    return (today or timezone.localdate()) - datetime.timedelta(STALE_AFTER_DAYS)


def stale_listings(today=None):
    """Live listings whose details were last confirmed too long ago, the
    longest-unchecked first. Drafts are left out: nobody can visit them."""
    return (
        AccessPointPage.objects.live()
        # Imported listings are checked at their source (docs/federation.md).
        .filter(last_checked__lt=checked_before(today), source_url="")
        .order_by("last_checked", "path")
    )
