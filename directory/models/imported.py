"""Where an imported listing came from (docs/federation.md): another
publisher's Open Referral UK feed. Imported places (AccessPointPage) and
imported courses (training.CoursePage) carry the same fields, blank for
partners' own listings, kept on the page itself so that the search, the
cards and the open data can tell imported listings apart with no join."""

from django.db import models


class ImportedFromFeed(models.Model):
    source_name = models.CharField(max_length=120, blank=True, editable=False)
    source_id = models.CharField(max_length=100, blank=True, editable=False, db_index=True)
    source_url = models.URLField(max_length=500, blank=True, editable=False)
    source_updated = models.DateField(null=True, blank=True, editable=False)
    source_allows_reuse = models.BooleanField(
        default=True,
        editable=False,
        help_text="Whether the feed's licence lets us republish it in our API and open data.",
    )

    class Meta:
        abstract = True

    @property
    def is_imported(self):
        """Copied from another publisher's feed: read-only here (and an
        imported course is booked with its provider, not through us)."""
        return bool(self.source_url)

    @property
    def credit_line(self):
        """'From: Lancashire County Council, updated 3 December 2026'."""
        if not self.is_imported:
            return ""
        updated = self.source_updated
        when = f", updated {updated.day} {updated:%B %Y}" if updated else ""
        return f"From: {self.source_name}{when}"
