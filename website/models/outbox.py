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

    class Meta:
        verbose_name = "outgoing email"
        ordering = ("-created_at", "-pk")
        # Read-only in the admin: the site writes it, coordinators look.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject
