"""What the partnership reaches in each area, worked out by reach.py: how
far the nearest access point is (and the nearest offering each service
type), and how many referrals, bookings and champions come from inside it.

Stored, not computed per request: it takes a point-in-polygon pass over
every postcode people gave, and the public page must stay fast. Counts of
people are exact here; the public page hides the small ones
(impact/suppression.py)."""

import json

from django.db import models


class AreaReach(models.Model):
    area = models.OneToOneField(
        "neighbourhoods.Area", primary_key=True, on_delete=models.CASCADE, related_name="reach"
    )
    nearest_place = models.ForeignKey(
        "directory.AccessPointPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nearest_metres = models.FloatField(null=True, blank=True)
    # JSON text, written by reach.py in one canonical form so that a new
    # result is compared with the stored one without decoding 35,000 of
    # them: {"<service type id>":[place page id,metres],...}
    nearest_by_service = models.TextField(default="{}", blank=True)
    referrals = models.PositiveIntegerField(default=0)
    # Bookings hold no home postcode: these are bookings for sessions held
    # at places inside the area.
    bookings = models.PositiveIntegerField(default=0)
    champions = models.PositiveIntegerField(default=0)
    # {"<barrier slug>": referrals that recorded it}
    barriers = models.JSONField(default=dict, blank=True)

    def __str__(self):
        return f"Reach of {self.area}"

    def services_nearest(self):
        """{service type id: (place page id, metres)}."""
        return {int(k): tuple(v) for k, v in json.loads(self.nearest_by_service).items()}
