"""What people tell us about listings: problems reported by the public and
coordinators' internal notes. Plain models, not pages: they are private and
are shown only in the admin, to the people entitled to see them."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ProblemReport(models.Model):
    """A member of the public says a listing is wrong. No account needed;
    an email address is optional and only used to reply."""

    class Kind(models.TextChoices):
        OUT_OF_DATE = "out_of_date", "Something is out of date or wrong"
        CLOSED = "closed", "This place has closed"
        EXTRA = "extra", "I have extra information"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    listing = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="problem_reports"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    details = models.TextField(max_length=2000)
    reply_email = models.EmailField(
        blank=True, help_text="Given by the reporter if they want a reply; deleted when resolved."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "problem report"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.listing.title}"

    def save(self, *args, **kwargs):
        if self.status == self.Status.RESOLVED:
            # Keep no personal data longer than needed to reply.
            self.reply_email = ""
            self.resolved_at = self.resolved_at or timezone.now()
        super().save(*args, **kwargs)


class ListingNote(models.Model):
    """A coordinator's internal note on a listing, never shown publicly or to
    the organisation's editors."""

    listing = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=4000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "internal note"

    def __str__(self):
        return f"Note on {self.listing.title}"
