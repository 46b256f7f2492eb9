"""Feeds the coordinators import, the log of each import, and what each
imported service became (a listing of ours, or a link to a partner's
listing of the same place)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Feed(models.Model):
    """Another publisher's Open Referral UK 3.0 API, imported on a schedule
    into listings under an organisation page of its own."""

    class Licence(models.TextChoices):
        OGL = "OGL-UK-3.0", "Open Government Licence v3.0"
        CC_BY = "CC-BY-4.0", "Creative Commons Attribution 4.0"
        CC_BY_SA = "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0"
        ODBL = "ODbL-1.0", "Open Database Licence 1.0"
        NONE = "none", "No open licence: show on our pages only"

    # Licences that let anyone republish the data with a credit.
    REUSABLE = frozenset({Licence.OGL, Licence.CC_BY, Licence.CC_BY_SA, Licence.ODBL})

    class Schedule(models.TextChoices):
        DAILY = "daily", "Every night"
        WEEKLY = "weekly", "Every Monday night"
        MANUAL = "manual", "Only when a coordinator runs it"

    name = models.CharField(
        max_length=120,
        unique=True,
        help_text="Who publishes it, as the credit line names them: "
        '"From: Lancashire County Council, updated …".',
    )
    base_url = models.URLField(
        "base address",
        max_length=300,
        unique=True,
        help_text="The address its /services list is under, e.g. https://api.example.gov.uk/oruk",
    )
    about_url = models.URLField(
        "publisher's page", max_length=300, blank=True, help_text="Where people read about it."
    )
    licence = models.CharField(max_length=20, choices=Licence.choices, default=Licence.NONE)
    take_terms = models.TextField(
        "take only services with these terms",
        blank=True,
        help_text="One taxonomy term a line (its id, code or name, e.g. 'Digital inclusion'). "
        "Blank takes every service.",
    )
    schedule = models.CharField(max_length=10, choices=Schedule.choices, default=Schedule.DAILY)
    requests_per_second = models.FloatField(
        default=2.0,
        help_text="A polite rate: how many requests a second we make to the publisher.",
    )
    organisation = models.OneToOneField(
        "directory.OrganisationPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="feed",
        help_text="The read-only organisation page its listings live under.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def allows_reuse(self):
        return self.licence in self.REUSABLE

    def wanted_terms(self):
        """The terms asked for, lower case; empty: every service."""
        return {line.strip().casefold() for line in self.take_terms.splitlines() if line.strip()}

    def service_url(self, source_id):
        return f"{self.base_url.rstrip('/')}/services/{source_id}"


class FeedImport(models.Model):
    """One run of an import: when, how it ended, what it did, and a line
    for every service skipped or problem met (the feed's import log)."""

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        DONE_WITH_PROBLEMS = "problems", "Finished, some services skipped"
        FAILED = "failed", "Stopped: nothing withdrawn"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="imports")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    listed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    linked = models.PositiveIntegerField("linked to a partner's listing", default=0)
    withdrawn = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    # [{"service": id or "", "problem": text}, …]
    entries = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"

    def __str__(self):
        return f"{self.feed} at {timezone.localtime(self.started_at):%d %b %Y %H:%M}"

    def note(self, problem, service=""):
        self.entries.append({"service": service, "problem": problem})

    @property
    def log_text(self):
        return "\n".join(
            f"{entry['service']}: {entry['problem']}" if entry["service"] else entry["problem"]
            for entry in self.entries
        )


class ImportedService(models.Model):
    """One service of a feed and what it became: a listing of ours under
    the feed's organisation, or, when it is a place a partner already lists,
    a link to the partner's listing (the partner's wins). A coordinator may
    override a match either way; the import keeps that decision."""

    class Decision(models.TextChoices):
        AUTOMATIC = "automatic", "As matched automatically"
        SAME = "same", "The same place: show only the partner's listing"
        DIFFERENT = "different", "Different places: show both"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="services")
    source_id = models.CharField(max_length=100)
    name = models.CharField(max_length=255)
    postcode = models.CharField(max_length=8, blank=True)
    uprn = models.CharField("UPRN", max_length=12, blank=True)
    page = models.OneToOneField(
        "directory.AccessPointPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_from",
    )
    course = models.OneToOneField(
        "training.CoursePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_from",
        help_text="The course it became, when it is a course (docs/federation.md).",
    )
    duplicate_of = models.ForeignKey(
        "directory.AccessPointPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_duplicates",
        help_text="The partner's listing of the same place.",
    )
    match_reason = models.CharField(max_length=120, blank=True)
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.AUTOMATIC)
    fingerprint = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True, help_text="The service as last validated.")
    # When the service last changed in the feed (or was matched anew).
    changed_at = models.DateTimeField(default=timezone.now)
    withdrawn = models.BooleanField(default=False)

    class Meta:
        ordering = ["feed", "name"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "source_id"], name="one_row_per_feed_service")
        ]

    def __str__(self):
        return f"{self.name} ({self.feed})"

    def clean(self):
        super().clean()
        if self.decision == self.Decision.SAME and self.duplicate_of_id is None:
            raise ValidationError(
                {"duplicate_of": "Choose the partner's listing of the same place."}
            )
        if self.duplicate_of_id is not None and self.duplicate_of.is_imported:
            raise ValidationError(
                {"duplicate_of": "Choose a partner's own listing, not an imported one."}
            )

    @property
    def shown_as_duplicate(self):
        """Left out in favour of the partner's listing."""
        if self.decision == self.Decision.DIFFERENT:
            return False
        return self.duplicate_of_id is not None
