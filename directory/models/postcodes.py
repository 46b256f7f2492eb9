"""UK postcodes and postcode districts with their WGS84 coordinates, held in
our own database so that no page ever calls an outside geocoding service.
Filled from OS Code-Point Open (see docs/postcodes.md)."""

from django.db import models

from directory.postcode_rules import (
    Location,
    NorthernIrelandPostcode,
    UnknownPostcode,
    is_northern_ireland,
    normalise_district,
    normalise_postcode,
)


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


def locate(text: str) -> Location:
    """The location of a typed postcode, from its own row or else its
    district's centroid. At most two queries, none for a malformed or
    Northern Ireland postcode. Raises a PostcodeError subclass."""
    postcode = normalise_postcode(text)
    if is_northern_ireland(postcode):
        raise NorthernIrelandPostcode(postcode=postcode)

    row = Postcode.objects.filter(pk=postcode).values_list("latitude", "longitude").first()
    if row is not None:
        return Location(postcode, row[0], row[1], "postcode")

    district = postcode.split(" ")[0]
    row = PostcodeDistrict.objects.filter(pk=district).values_list("latitude", "longitude").first()
    if row is not None:
        return Location(postcode, row[0], row[1], "district")
    raise UnknownPostcode(
        f"We could not find the postcode {postcode}. Check it and try again.",
        postcode=postcode,
    )


def locate_district(text: str) -> Location:
    """The centre of a postcode district ("PR7"): where a place whose exact
    address is hidden, known only by its district, is put. One query.
    Raises a PostcodeError subclass."""
    district = normalise_district(text)
    if is_northern_ireland(district):
        raise NorthernIrelandPostcode(postcode=district)
    row = PostcodeDistrict.objects.filter(pk=district).values_list("latitude", "longitude").first()
    if row is None:
        raise UnknownPostcode(
            f"We could not find the postcode district {district}. Check it and try again.",
            postcode=district,
        )
    return Location(district, row[0], row[1], "district")
