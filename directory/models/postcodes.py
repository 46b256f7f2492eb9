"""UK postcodes and postcode districts with their WGS84 coordinates, held in
our own database so that no page ever calls an outside geocoding service.
Filled from OS Code-Point Open (see docs/postcodes.md)."""

from django.db import models


class Postcode(models.Model):
    """One full postcode, stored normalised ("PR7 1DP")."""

    postcode = models.CharField(max_length=8, primary_key=True)
    district = models.CharField(max_length=4, db_index=True, help_text="Outward code, e.g. PR7")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return self.postcode


class PostcodeDistrict(models.Model):
    """The centroid of a postcode district (outward code): the fallback when
    a full postcode is not known."""

    district = models.CharField(max_length=4, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        ordering = ["district"]

    def __str__(self):
        return self.district
