from django.db import models
from django.utils import timezone


class OutgoingText(models.Model):
    """One text message as the site asked to send it: stored first, sent
    after, tried again with a growing wait (website/texts.py), and Notify's
    word on whether it reached the phone recorded. Texts carry personal
    data, so sent ones are deleted after OUTBOX_KEEP_SENT_DAYS, like emails,
    and only coordinators see them."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to be sent"
        SENT = "sent", "Handed to Notify"
        FAILED = "failed", "Not sent yet: will try again"
        GAVE_UP = "gave_up", "Could not be sent"
        OPTED_OUT = "opted_out", "Not sent: the number asked for no more texts"

    class Delivery(models.TextChoices):
        # GOV.UK Notify's statuses for a text.
        UNKNOWN = "", "Not known yet"
        CREATED = "created", "Created"
        SENDING = "sending", "Sending"
        PENDING = "pending", "Waiting for the phone network"
        SENT = "sent", "Sent abroad"
        DELIVERED = "delivered", "Delivered"
        PERMANENT_FAILURE = "permanent-failure", "Not delivered: the number does not exist"
        TEMPORARY_FAILURE = "temporary-failure", "Not delivered: the phone was off or full"
        TECHNICAL_FAILURE = "technical-failure", "Not delivered: a fault at Notify"

    FINAL = (
        Delivery.DELIVERED,
        Delivery.SENT,
        Delivery.PERMANENT_FAILURE,
        Delivery.TEMPORARY_FAILURE,
        Delivery.TECHNICAL_FAILURE,
    )

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # What the text is for ("booking-confirmed"), so coordinators can tell
    # texts apart without reading them.
    purpose = models.CharField(max_length=40)
    to = models.CharField(max_length=16, db_index=True)  # E.164: "+447911123456"
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    notify_id = models.CharField(max_length=36, blank=True, db_index=True)
    delivery = models.CharField(
        max_length=20, choices=Delivery.choices, default=Delivery.UNKNOWN, blank=True
    )
    delivery_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "outgoing text message"
        ordering = ("-created_at", "-pk")
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["status", "delivery"]),
        ]

    def __str__(self):
        return f"{self.purpose} to {self.to}"


class TextOptOut(models.Model):
    """A mobile number that asked for no more texts (a reply of STOP, or a
    coordinator on the person's behalf): no text is sent to it again."""

    number = models.CharField(max_length=16, unique=True)  # E.164
    created_at = models.DateTimeField(default=timezone.now)
    how = models.CharField(max_length=100)

    class Meta:
        verbose_name = "text opt-out"
        default_permissions = ("view", "add", "delete")

    def __str__(self):
        return self.number
