"""The email outbox: every email the site sends is stored here first, then
delivered, and retried until it goes (website/outbox.py)."""

from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    """One email as the site asked to send it, with enough to send it again
    exactly. Emails carry personal data, so sent ones are deleted after a
    few days and only coordinators see the outbox."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not sent yet: will try again"
        GAVE_UP = "gave_up", "Could not be sent"

    class Delivery(models.TextChoices):
        # GOV.UK Notify's statuses for an email (website/notify_email.py);
        # empty for one sent by SMTP, which does not say.
        UNKNOWN = "", "Not known"
        CREATED = "created", "Created"
        SENDING = "sending", "Sending"
        DELIVERED = "delivered", "Delivered"
        PERMANENT_FAILURE = "permanent-failure", "Not delivered: the address does not exist"
        TEMPORARY_FAILURE = "temporary-failure", "Not delivered: the inbox was full or refused it"
        TECHNICAL_FAILURE = "technical-failure", "Not delivered: a fault at Notify"

    FINAL = (
        Delivery.DELIVERED,
        Delivery.PERMANENT_FAILURE,
        Delivery.TEMPORARY_FAILURE,
        Delivery.TECHNICAL_FAILURE,
    )

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    subject = models.TextField()
    from_email = models.CharField(max_length=320)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    # Lower-cased ",a@x,b@y," of every recipient, to find one person's emails.
    recipients = models.TextField(editable=False)
    body = models.TextField(blank=True)
    body_subtype = models.CharField(max_length=20, default="plain")  # "html" for an HTML body
    alternatives = models.JSONField(default=list, blank=True)  # [[content, mimetype]]
    attachments = models.JSONField(default=list, blank=True)  # [[name, base64, mimetype]]
    headers = models.JSONField(default=dict, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Through GOV.UK Notify, one notification per address: {address: id}
    # (an address already handed over is not sent again on a retry) and
    # {address: status}; `delivery` sums them up, the worst first.
    notify_ids = models.JSONField(default=dict, blank=True)
    deliveries = models.JSONField(default=dict, blank=True)
    delivery = models.CharField(
        max_length=20, choices=Delivery.choices, default=Delivery.UNKNOWN, blank=True
    )
    delivery_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "outgoing email"
        ordering = ("-created_at", "-pk")
        # Read-only in the admin: the site writes it, coordinators look.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject
