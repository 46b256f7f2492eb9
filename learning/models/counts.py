"""What the skills check leaves behind: one row per finished check, with the
day and the areas that came out weakest. Nothing about who: no answers, no
postcode, no time of day, no session. The impact dashboard counts these
with its usual small-count suppression."""

from django.db import models


class FinishedCheck(models.Model):
    finished_on = models.DateField(db_index=True)
    weakest_areas = models.JSONField(
        default=list, blank=True, help_text="Slugs of the weakest skill areas."
    )

    class Meta:
        verbose_name = "finished skills check"

    def __str__(self):
        return f"Skills check finished on {self.finished_on:%d %B %Y}"
