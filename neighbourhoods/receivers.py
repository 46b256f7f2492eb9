"""Keeping the distances to the nearest access point up to date: when a
place is saved (published, changed), deleted, unpublished or moved, or a
privacy restriction changes, the nearest places are worked out again once
the change is committed (reach.refresh_nearest, for the services those
places offer; its time at 35,000 areas is in docs/exclusion-data.md).

Many changes in one transaction (the demo seed, a bulk move) queue one
refresh, not one each. Counts of people are worked out by
`manage.py refresh_reach`, run daily."""

import threading
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from directory.models import AccessPointPage
from neighbourhoods import reach
from neighbourhoods.models import Area

# Each thread (each request's connection) numbers the refreshes it queues
# and gathers the places that changed; at commit only the last one queued
# does the work, once, for all of them (None: a move or a restriction,
# which may touch any place below a page).
QUEUED = threading.local()


def refresh_after_commit(number):
    if number != getattr(QUEUED, "last", None):
        return
    place_ids, QUEUED.places = QUEUED.places, set()
    if Area.objects.exists():
        reach.refresh_nearest(place_ids)


def place_changed(sender, raw=False, instance=None, **kwargs):
    if raw:
        return
    places = getattr(QUEUED, "places", set())
    if places is not None:
        if isinstance(instance, AccessPointPage):
            places.add(instance.pk)
        else:
            places = None
    QUEUED.places = places
    QUEUED.last = getattr(QUEUED, "last", 0) + 1
    transaction.on_commit(partial(refresh_after_commit, QUEUED.last))


def page_event(sender, instance=None, **kwargs):
    if isinstance(instance, AccessPointPage):
        place_changed(sender, instance=instance, **kwargs)


def below_changed(sender, **kwargs):
    """A move or a privacy restriction: any place below may have changed."""
    place_changed(sender, raw=kwargs.get("raw", False))


def connect():
    """Called from NeighbourhoodsConfig.ready."""
    for signal in (post_save, post_delete):
        signal.connect(place_changed, sender=AccessPointPage, dispatch_uid=f"reach-{signal}")
        signal.connect(
            below_changed, sender=PageViewRestriction, dispatch_uid=f"reach-restriction-{signal}"
        )
    page_unpublished.connect(page_event, dispatch_uid="reach-unpublished")
    post_page_move.connect(below_changed, dispatch_uid="reach-moved")
