"""What happens to a champion over time: each status change and each spell
of helping. These stay when a champion's personal details are erased, so
the partnership can still count how many it trained and how many people
they helped."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .champions import Status


class StatusChange(models.Model):
    """One move along the pipeline: from what, to what, when, by whom."""

    class Source(models.TextChoices):
        SIGN_UP = "sign_up", "Sign-up"
        ADMIN = "admin", "Admin"
        BULK = "bulk", "Bulk change"
        COURSE = "course", "Course completion"
        ERASURE = "erasure", "Erasure"

    champion = models.ForeignKey(
        "champions.Champion", on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ADMIN)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = "status change"

    def __str__(self):
        return f"{self.get_from_status_display() or 'New'} → {self.get_to_status_display()}"

    @property
    def who(self):
        """Who made the change, as the register shows it."""
        if self.changed_by_id:
            return self.changed_by.get_full_name() or self.changed_by.get_username()
        return "the system" if self.source != self.Source.SIGN_UP else "the volunteer"


class Activity(models.Model):
    """A spell of helping residents, logged by the champion's host."""

    champion = models.ForeignKey(
        "champions.Champion", on_delete=models.CASCADE, related_name="activities"
    )
    date = models.DateField()
    hours = models.DecimalField(max_digits=5, decimal_places=2)
    people_helped = models.PositiveIntegerField()
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "activity"
        verbose_name_plural = "activities"

    def __str__(self):
        return f"{self.date:%d %b %Y}: {self.hours_text} hours, {self.people_helped} people"

    @property
    def hours_text(self):
        return hours_text(self.hours)


def hours_text(hours):
    """Hours as people write them: 2, 2.5, 2.25 (not 2.00 or 2.50)."""
    return format(hours.normalize(), "f") if hours else "0"
