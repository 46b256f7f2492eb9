"""A digital champion: a volunteer who helps residents get online. A private
record with personal data, never a page: it lives in the admin, where each
host organisation sees only the champions assigned to it."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Status(models.TextChoices):
    """The pipeline, in order. Coordinators take someone from applying to
    being introduced to a host; the host screens, trains and supervises."""

    APPLIED = "applied", "Applied"
    CONTACTED = "contacted", "Contacted"
    SCREENING = "screening", "Screening with host"
    TRAINING_BOOKED = "training_booked", "Training booked"
    TRAINED = "trained", "Trained"
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    LEFT = "left", "Left"


AVAILABLE_DAYS = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
]
AVAILABLE_TIMES = [
    ("morning", "Mornings"),
    ("afternoon", "Afternoons"),
    ("evening", "Evenings"),
]
HEARD_ABOUT = [
    ("friend", "A friend or family member"),
    ("partner", "A partner organisation"),
    ("social_media", "Social media"),
    ("local_news", "Local newspaper or radio"),
    ("website", "This website"),
    ("other", "Somewhere else"),
]


class Champion(models.Model):
    name = models.CharField(max_length=100)
    # Stored lower-case, so that signing up again finds the same record. An
    # erased record has no email, so the constraint skips it.
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    area = models.ForeignKey(
        "directory.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Worked out from the postcode where we can.",
    )
    available_days = models.JSONField(default=list, blank=True)
    available_times = models.JSONField(default=list, blank=True)
    availability_notes = models.CharField("other notes on availability", max_length=500, blank=True)
    skills = models.ManyToManyField(
        "champions.Skill", blank=True, related_name="champions", verbose_name="can help with"
    )
    languages = models.ManyToManyField("directory.Language", blank=True, related_name="+")
    preferred_host = models.ForeignKey(
        "directory.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation the volunteer would like to help at.",
    )
    host = models.ForeignKey(
        "directory.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="champions",
        help_text="The organisation that screens, trains and supervises them.",
    )
    experience = models.TextField("relevant experience", max_length=2000, blank=True)
    heard_about = models.CharField(
        "how they heard about us", max_length=20, choices=HEARD_ABOUT, blank=True
    )
    consent_text = models.TextField(
        editable=False, help_text="The privacy wording the volunteer agreed to."
    )
    consented_at = models.DateTimeField(null=True, editable=False)
    # Texts, only when the volunteer chose them: the mobile number (E.164,
    # website/mobile_numbers.py) and the wording they agreed to.
    texts_to = models.CharField("texts to", max_length=16, blank=True, editable=False)
    texts_consent_text = models.TextField(blank=True, editable=False)
    texts_consented_at = models.DateTimeField(null=True, editable=False)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.APPLIED)
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    trained_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField("signed up", default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the personal details were erased."
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = "digital champion"
        constraints = [
            models.UniqueConstraint(
                fields=["email"], condition=~Q(email=""), name="one_champion_per_email"
            )
        ]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def availability_text(self):
        days = dict(AVAILABLE_DAYS)
        times = dict(AVAILABLE_TIMES)
        parts = [
            ", ".join(days[day] for day in self.available_days if day in days),
            ", ".join(times[time].lower() for time in self.available_times if time in times),
        ]
        return "; ".join(part for part in parts if part)
