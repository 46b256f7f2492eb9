"""Text messages that are never lost, sent through GOV.UK Notify.

Like the email outbox (outbox.py), every text is stored first and sent
after: `send_text` writes an OutgoingText in the caller's transaction and
hands it to Notify once that transaction commits, so a booking that rolls
back sends nothing, and a Notify that is down or answers an error never
fails the page. `manage.py send_queued_texts` tries again with a growing
wait, asks Notify what became of each text sent (delivered, or why not),
and reads replies for STOP.

Settings (README, Configure): NOTIFY_API_KEY, NOTIFY_SMS_TEMPLATE_ID (a
Notify text template whose whole content is "((body))"), and
NOTIFY_BASE_URL (Notify's own API unless a test points it elsewhere).
Without a key, texts are stored and wait, so nothing is lost while a
partnership sets Notify up; coordinators see them in the admin."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from website.mobile_numbers import normalised
from website.models import BrandSettings, OutgoingText, TextOptOut
from website.notify import api_client, error_kind, permanent
from website.outbox import retry_wait, setting

logger = logging.getLogger(__name__)
Status = OutgoingText.Status
Delivery = OutgoingText.Delivery

# Replies that ask for no more texts, as the mobile networks use them.
STOP_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit"}


class TextsNotConfigured(Exception):
    """NOTIFY_API_KEY or NOTIFY_SMS_TEMPLATE_ID is not set."""


def configured():
    return bool(getattr(settings, "NOTIFY_API_KEY", "")) and bool(
        getattr(settings, "NOTIFY_SMS_TEMPLATE_ID", "")
    )


def client():
    if not configured():
        raise TextsNotConfigured("Set NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID to send texts.")
    return api_client()


def sender_name():
    """Who a text says it is from: the partnership's name (brand settings)."""
    site = Site.objects.filter(is_default_site=True).first()
    return BrandSettings.for_site(site).partnership_name if site else settings.WAGTAIL_SITE_NAME


def opted_out(number):
    return TextOptOut.objects.filter(number=number).exists()


def send_text(number, body, purpose, now=None):
    """Store a text to `number` (E.164, website/mobile_numbers.py) and send
    it once the current transaction commits. A number that asked for no
    more texts is recorded as such and sent nothing. The OutgoingText."""
    now = now or timezone.now()
    if opted_out(number):
        return OutgoingText.objects.create(
            created_at=now, purpose=purpose, to=number, body=body, status=Status.OPTED_OUT
        )
    text = OutgoingText.objects.create(
        created_at=now, purpose=purpose, to=number, body=body, next_attempt_at=now
    )
    transaction.on_commit(lambda: deliver([text.pk]))
    return text


def deliver(pks, now=None):
    """Hand these waiting texts to Notify and record what happened; how
    many went. Each is sent at most once: it is claimed (its next attempt
    cleared) in the same statement that checks it is still due."""
    now = now or timezone.now()
    if not configured():
        return 0
    notify = client()
    sent = 0
    for pk in pks:
        claimed = OutgoingText.objects.filter(
            pk=pk, status__in=[Status.WAITING, Status.FAILED], next_attempt_at__lte=now
        ).update(next_attempt_at=None)
        if not claimed:
            continue  # sent or being sent by another process
        text = OutgoingText.objects.get(pk=pk)
        if opted_out(text.to):
            text.status = Status.OPTED_OUT
            text.save(update_fields=["status"])
            continue
        try:
            answer = notify.send_sms_notification(
                text.to,
                settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": text.body},
                reference=f"text-{text.pk}",
            )
        except Exception as error:  # Notify down, slow or refusing: recorded, never raised
            record_failure(text, error, now)
        else:
            text.status, text.sent_at = Status.SENT, now
            text.attempts += 1
            text.notify_id = str(answer.get("id", ""))[:36]
            text.delivery = Delivery.CREATED
            text.save(update_fields=["status", "sent_at", "attempts", "notify_id", "delivery"])
            sent += 1
    return sent


def record_failure(text, error, now):
    text.attempts += 1
    text.last_error = error_kind(error)[:200]
    if permanent(error) or text.attempts >= setting("OUTBOX_MAX_ATTEMPTS", 10):
        text.status, text.next_attempt_at = Status.GAVE_UP, None
        logger.error("Gave up on text %s after %d tries (%s)", text.pk, text.attempts, error)
    else:
        text.status, text.next_attempt_at = Status.FAILED, now + retry_wait(text.attempts)
        logger.warning("Text %s not sent yet (%s)", text.pk, text.last_error)
    text.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def send_due(now=None, limit=500):
    """Send every text whose time has come: (sent, not sent)."""
    now = now or timezone.now()
    due = OutgoingText.objects.filter(
        status__in=[Status.WAITING, Status.FAILED], next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")
    pks = list(due.values_list("pk", flat=True)[:limit])
    sent = deliver(pks, now)
    return sent, len(pks) - sent


def check_deliveries(now=None, limit=500):
    """Ask Notify what became of each text sent in the last three days and
    not yet settled; how many were updated."""
    now = now or timezone.now()
    if not configured():
        return 0
    notify = client()
    pending = OutgoingText.objects.filter(
        status=Status.SENT, sent_at__gte=now - timedelta(days=3)
    ).exclude(delivery__in=OutgoingText.FINAL)
    updated = 0
    for text in pending.exclude(notify_id="")[:limit]:
        try:
            answer = notify.get_notification_by_id(text.notify_id)
        except Exception as error:  # asked again next run
            logger.warning("Could not ask Notify about text %s (%s)", text.pk, error_kind(error))
            continue
        status = answer.get("status", "")
        if status in Delivery.values and status != text.delivery:
            text.delivery, text.delivery_checked_at = status, now
            text.save(update_fields=["delivery", "delivery_checked_at"])
            updated += 1
    return updated


def read_replies(now=None):
    """Record an opt-out for each number that replied STOP (or the like);
    how many numbers were added."""
    now = now or timezone.now()
    if not configured():
        return 0
    added = 0
    for reply in client().get_received_texts_iterator():
        words = (reply.get("content") or "").strip().lower().split()
        number = normalised(reply.get("user_number", ""))
        if number and words and words[0].strip(".!") in STOP_WORDS:
            _, created = TextOptOut.objects.get_or_create(
                number=number, defaults={"created_at": now, "how": "Replied STOP to a text"}
            )
            added += created
    return added


def purge(now=None):
    """Delete texts handed to Notify after OUTBOX_KEEP_SENT_DAYS, and the
    rest after OUTBOX_KEEP_UNSENT_DAYS; how many went."""
    now = now or timezone.now()
    sent_before = now - timedelta(days=setting("OUTBOX_KEEP_SENT_DAYS", 7))
    unsent_before = now - timedelta(days=setting("OUTBOX_KEEP_UNSENT_DAYS", 30))
    sent, _ = OutgoingText.objects.filter(status=Status.SENT, sent_at__lt=sent_before).delete()
    other, _ = (
        OutgoingText.objects.exclude(status__in=[Status.SENT, Status.WAITING, Status.FAILED])
        .filter(created_at__lt=unsent_before)
        .delete()
    )
    return sent + other


def to_number(number):
    """Texts kept for one mobile number (the per-person export and erasure)."""
    return OutgoingText.objects.filter(to=number)
