"""Neighbourhoods: a set of areas (LSOA 2021, wards, postcode sectors) and
each area's shape, as loaded by `import_areas` (neighbourhoods/boundaries.py).

An area holds its outline once, simplified for the web, as GeoJSON text in
WGS84: the page sends it as it is, and the reach (reach.py) reads it with
shapely. Its centre is kept both in degrees (for the map) and on the
British National Grid (for distances in metres)."""

from django.db import models


class AreaSet(models.Model):
    """One kind of area for one place: "LSOA 2021", "Wards 2023"."""

    name = models.CharField(max_length=100, unique=True)
    source = models.CharField(max_length=300, blank=True)
    licence = models.CharField(max_length=300, blank=True)
    attribution = models.CharField(max_length=500, blank=True)
    fictional = models.BooleanField(
        default=False, help_text="Made up for the demo: every page that shows it says so."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Area(models.Model):
    area_set = models.ForeignKey(AreaSet, on_delete=models.CASCADE, related_name="areas")
    code = models.CharField(max_length=20, help_text="The publisher's code, e.g. E01012345.")
    name = models.CharField(max_length=200)
    # GeoJSON geometry (Polygon or MultiPolygon), WGS84, simplified.
    geometry = models.TextField()
    latitude = models.FloatField()
    longitude = models.FloatField()
    easting = models.FloatField()
    northing = models.FloatField()

    class Meta:
        ordering = ["area_set", "code"]
        constraints = [
            models.UniqueConstraint(fields=["area_set", "code"], name="one_area_per_code_in_a_set")
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"
