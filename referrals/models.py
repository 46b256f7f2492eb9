"""The referral register: private records holding personal data, so plain
models (never pages), shown only in the admin and always filtered by who is
asking (see admin.py). Every view and change is a ReferralEvent, which is
the audit trail."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from . import choices

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read out by phone


def new_reference():
    return "REF-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class Referral(models.Model):
    """One person referred for help. Lists of answers (barriers, goals…)
    are stored as lists of the slugs in choices.py: they are fixed by the
    form, so a join table would add queries and nothing else."""

    class Mode(models.TextChoices):
        REFERRER = "referrer", "Referred by someone who works with them"
        SELF = "self", "Referred themselves"

    class Contact(models.TextChoices):
        PHONE = "phone", "Phone"
        EMAIL = "email", "Email"
        POST = "post", "Post"
        REFERRER = "referrer", "Through the referrer"

    class AgeBand(models.TextChoices):
        UNDER_18 = "under_18", "Under 18"
        FROM_18 = "18_to_64", "18 to 64"
        FROM_65 = "65_plus", "65 or over"
        NOT_SAID = "", "Prefer not to say"

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        CONTACTED = "contacted", "Contacted"
        SUPPORTED = "supported", "Supported"
        CLOSED = "closed", "Closed"

    class Outcome(models.TextChoices):
        NONE = "", "Not yet known"
        ONLINE = "got_online", "Got online"
        DEVICE = "device_provided", "Device provided"
        COURSE = "course_booked", "Course booked"
        ONGOING = "ongoing_support", "Ongoing support"
        NO_CONTACT = "could_not_contact", "Could not contact"
        DECLINED = "declined", "Declined"

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.REFERRER)

    referrer_name = models.CharField(max_length=120, blank=True)
    referrer_organisation = models.CharField(max_length=120, blank=True)
    referrer_role = models.CharField(max_length=120, blank=True)
    referrer_kind = models.CharField(
        "kind of organisation", max_length=20, choices=choices.REFERRER_KINDS, blank=True
    )
    referrer_email = models.EmailField(blank=True)
    referrer_phone = models.CharField(max_length=30, blank=True)

    resident_name = models.CharField(max_length=120)
    contact_method = models.CharField(max_length=10, choices=Contact.choices)
    resident_phone = models.CharField(max_length=30, blank=True)
    resident_email = models.EmailField(blank=True)
    resident_address = models.TextField(max_length=500, blank=True)
    postcode = models.CharField(max_length=8)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)

    barriers = models.JSONField(default=list, blank=True)
    goals = models.JSONField(default=list, blank=True)
    preferred_support = models.JSONField(default=list, blank=True)
    available_days = models.JSONField(default=list, blank=True)
    available_times = models.JSONField(default=list, blank=True)
    accessibility_needs = models.ManyToManyField(
        "directory.AccessibilityFeature", blank=True, related_name="+"
    )
    language = models.ForeignKey(
        "directory.Language", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    other_needs = models.TextField(
        "anything else", max_length=2000, blank=True, help_text="Other barriers, goals or needs."
    )

    consent_text = models.TextField()
    consented_at = models.DateTimeField()
    # The next steps by text, only when chosen: the resident's mobile
    # (E.164, website/mobile_numbers.py), the wording agreed to and when.
    texts_to = models.CharField("texts to", max_length=16, blank=True, editable=False)
    texts_consent_text = models.TextField(blank=True, editable=False)
    texts_consented_at = models.DateTimeField(null=True, blank=True, editable=False)

    skills_check = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Where the resident is in each skills area, from a skills check run in the "
            "referral: the area and the words, not the answers."
        ),
    )

    requested_listing = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The place the referrer chose, when they started from its page.",
    )
    matches = models.JSONField(
        default=list,
        blank=True,
        help_text="The suggestions shown at submission, with their reasons, as they were then.",
    )
    eligibility = models.JSONField(default=list, blank=True)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
        help_text="The receiving partner; empty means the partnership coordinators.",
    )

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    contacted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    panels = [FieldPanel("status"), FieldPanel("outcome")]

    class Meta:
        # The tables keep the names they had when referrals lived in the
        # directory app (migrations/0001_initial.py moved only the state).
        db_table = "directory_referral"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.reference

    # The stored lists in words, for the admin and exports.

    @property
    def barrier_list(self):
        return ", ".join(choices.labels(choices.BARRIERS, self.barriers))

    @property
    def skills_check_list(self):
        return "; ".join(f"{row['area']}: {row['standing']}" for row in self.skills_check)

    @property
    def goal_list(self):
        return ", ".join(choices.labels(choices.GOALS, self.goals))

    @property
    def support_list(self):
        return ", ".join(choices.labels(choices.SUPPORT, self.preferred_support))

    @property
    def availability(self):
        days = choices.labels(choices.WEEKDAYS, self.available_days) or ["Any day"]
        times = choices.labels(choices.TIMES_OF_DAY, self.available_times)
        return ", ".join(days) + (f"; {', '.join(times).lower()}" if times else "")

    @property
    def receiver_name(self):
        return self.organisation.title if self.organisation_id else "The partnership coordinators"


class ReferralEvent(models.Model):
    """One line of a referral's audit trail: who did what, and when. Kept
    when the referral is anonymised (the text of notes is emptied)."""

    class Kind(models.TextChoices):
        CREATED = "created", "Referral received"
        VIEWED = "viewed", "Viewed"
        STATUS = "status", "Status changed"
        NOTE = "note", "Note"
        REROUTED = "rerouted", "Sent to another partner"
        EXPORTED = "exported", "Exported"
        ANONYMISED = "anonymised", "Anonymised"

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    organisation = models.ForeignKey(
        "directory.OrganisationPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where a re-routed referral went (empty: the coordinators).",
    )
    text = models.TextField(max_length=2000, blank=True)

    class Meta:
        db_table = "directory_referralevent"
        ordering = ["created_at", "pk"]
        verbose_name = "referral event"

    def __str__(self):
        return f"{self.referral.reference}: {self.get_kind_display()}"


class RoutingRule(models.Model):
    """Which services and which course level suit a barrier or a goal.
    Coordinators keep these in the admin; routing.py reads them, so how
    residents are matched is data, not code."""

    trigger = models.CharField(
        "barrier or goal",
        max_length=30,
        choices=choices.TRIGGERS,
        help_text="The barrier or goal this rule is about.",
    )
    services = models.ManyToManyField(
        "directory.ServiceType",
        blank=True,
        related_name="+",
        help_text="Places offering any of these suit the resident.",
    )
    course_level = models.CharField(
        max_length=20,
        choices=choices.COURSE_LEVELS,
        blank=True,
        help_text="A course at this level suits the resident (empty: no course).",
    )

    panels = [
        FieldPanel("trigger"),
        FieldPanel("services"),
        FieldPanel("course_level"),
    ]

    class Meta:
        db_table = "directory_routingrule"
        ordering = ["trigger", "pk"]
        verbose_name = "routing rule"

    def __str__(self):
        return f"{self.get_trigger_display()} → {self.get_course_level_display() or 'places'}"
