"""Indicators: one published figure per area (the DERI score, % of adults
never online, % of premises without decent broadband), loaded by
`import_indicator` (neighbourhoods/indicator_file.py) with where it comes
from and under what licence, so every page can credit it."""

from django.db import models


class Indicator(models.Model):
    area_set = models.ForeignKey(
        "neighbourhoods.AreaSet", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=300, help_text="Who publishes it, and where.")
    licence = models.CharField(max_length=300, help_text="e.g. Open Government Licence v3.0")
    year = models.CharField(max_length=20, help_text="The year or period the figures are for.")
    higher_is_worse = models.BooleanField(
        default=True, help_text="Whether a higher figure means more need (a risk score)."
    )
    fictional = models.BooleanField(
        default=False, help_text="Made up for the demo: every page that shows it says so."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area_set", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area_set", "name"], name="one_indicator_name_per_set")
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(
        "neighbourhoods.Area", on_delete=models.CASCADE, related_name="indicator_values"
    )
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area"], name="one_value_per_area")
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.value}"
