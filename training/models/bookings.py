"""Bookings: a person's place (or place in the queue) on one session.

A booking is a private record with personal data, never a page. It is kept
apart from the session, which is edited inline on the course page and
restored from revisions, so that publishing an old revision can never
change who has a place."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Booking(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    session = models.ForeignKey(
        "training.Session", on_delete=models.PROTECT, related_name="bookings"
    )
    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    contact_key = models.CharField(
        max_length=254,
        editable=False,
        help_text="The email address, or else the phone number's digits: one person.",
    )
    accessibility_needs = models.TextField(blank=True, max_length=1000)
    consent_text = models.TextField(
        editable=False, help_text="The privacy wording the person agreed to."
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    # Texts, only when the person chose them: the mobile number (E.164,
    # website/mobile_numbers.py) and the wording they agreed to.
    texts_to = models.CharField("texts to", max_length=16, blank=True, editable=False)
    texts_consent_text = models.TextField(blank=True, editable=False)
    texts_consented_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the day-before reminder was sent (training/reminders.py): set in
    # the same statement that claims it, so it goes once.
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    attended = models.BooleanField(default=False)
    completed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # One person holds one place or queue position per session: the
            # database refuses a second, however close together they arrive.
            models.UniqueConstraint(
                fields=["session", "contact_key"],
                condition=~Q(status="cancelled"),
                name="one_live_booking_per_person",
            )
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.get_status_display().lower()}"

    @property
    def is_live(self):
        return self.status != self.Status.CANCELLED


def contact_key(email, phone):
    """Who a booking is for, as one comparable string."""
    if email:
        return email.strip().lower()
    return "tel:" + "".join(ch for ch in phone if ch.isdigit())
