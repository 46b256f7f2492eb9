"""Listings nobody has confirmed for about six months: the admin report, the
editor's warning and the reminder emails all ask this one module, so they
agree with AccessPointPage.is_stale about what "stale" means.

Other things coordinators keep with a "last checked" date (learning at
home's resources) join the coordinators' reminders: their app registers a
source here from its AppConfig.ready() (`register`), as listing sources do
in search.py, so the directory imports none of them."""

import dataclasses
import datetime

from django.utils import timezone

from directory.models import AccessPointPage
from directory.models.access_points import STALE_AFTER_DAYS

OTHER_SOURCES = []


@dataclasses.dataclass(frozen=True)
class StaleEntry:
    """Something other than a listing that needs checking, for the
    coordinators' reminder."""

    title: str
    last_checked: datetime.date
    edit_path: str  # in the admin, e.g. /admin/snippets/…/edit/3/


@dataclasses.dataclass(frozen=True)
class OtherStale:
    """One registered kind of thing ("learning resource") and its entries."""

    singular: str
    entries: list

    @property
    def counted(self):
        """ "1 learning resource", "3 learning resources"."""
        count = len(self.entries)
        return f"{count} {self.singular}{'' if count == 1 else 's'}"


def checked_before(today=None):
    """Listings last checked before this date are stale."""
    return (today or timezone.localdate()) - datetime.timedelta(STALE_AFTER_DAYS)


def stale_listings(today=None):
    """Live listings whose details were last confirmed too long ago, the
    longest-unchecked first. Drafts are left out: nobody can visit them."""
    return (
        AccessPointPage.objects.live()
        .filter(last_checked__lt=checked_before(today))
        .order_by("last_checked", "path")
    )


def register(singular, entries_checked_before):
    """`singular`: what one is called ("learning resource");
    `entries_checked_before(date)` gives StaleEntry rows last checked
    before that date, the longest-unchecked first."""
    OTHER_SOURCES.append((singular, entries_checked_before))


def other_stale(today=None):
    """Each registered kind with entries to check (kinds with none left out)."""
    before = checked_before(today)
    found = [OtherStale(singular, list(source(before))) for singular, source in OTHER_SOURCES]
    return [kind for kind in found if kind.entries]
