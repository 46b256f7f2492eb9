"""Email that is never lost: stored first, sent after, retried until it goes.

EMAIL_BACKEND is OutboxEmailBackend, so every email the site sends (the
notification modules, Wagtail's own) is written to the outbox
(OutgoingEmail) and then handed to the real backend,
settings.OUTBOX_DELIVERY_BACKEND (SMTP in production). A failure marks the
email to be tried again later, with a growing wait, by
`manage.py send_queued_email`; the page the person is on never fails
because the mail server did. Sent emails hold personal data, so that
command also deletes them after OUTBOX_KEEP_SENT_DAYS.

With NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID set, the real backend is
GOV.UK Notify instead (notify_email.py): the same store, claim, retry and
give-up, plus Notify's word on whether each email arrived.

Errors are recorded by kind only (an SMTP reply can quote addresses)."""

import base64
import logging
from datetime import timedelta
from email.mime.base import MIMEBase
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from django.db import connection, transaction
from django.utils import timezone

from website import notify, notify_email
from website.database_faults import DATABASE_UNAVAILABLE
from website.models import OutgoingEmail

logger = logging.getLogger(__name__)
Status = OutgoingEmail.Status

# The command leaves a new email to the request that stored it for this
# long, so the two never send it at the same time.
FIRST_TRY_GRACE = timedelta(minutes=2)


def setting(name, default):
    return getattr(settings, name, default)


def retry_wait(attempts):
    """How long to wait after the `attempts`-th failure: 5, 10, 20 minutes…
    doubling up to six hours; ten tries cover about a day and a half."""
    first = setting("OUTBOX_RETRY_MINUTES", 5)
    return timedelta(minutes=min(first * 2 ** (attempts - 1), 6 * 60))


class OutboxEmailBackend(BaseEmailBackend):
    """Stores each message in the outbox, then tries to deliver it. Returns
    how many were accepted: stored ones count, since they will be sent. If
    the outbox itself cannot be written (the database is down), it delivers
    straight away instead, so a message is never dropped silently."""

    def send_messages(self, email_messages):
        messages = list(email_messages or [])
        if not messages:
            return 0
        try:
            with transaction.atomic():
                emails = [store(message) for message in messages]
        except DATABASE_UNAVAILABLE as error:
            logger.warning(
                "Outbox unavailable (%s): delivering %d email(s) directly",
                type(error).__name__,
                len(messages),
            )
            return delivery_connection(self.fail_silently).send_messages(messages) or 0
        deliver(emails)
        return len(emails)


def delivery_connection(fail_silently=False):
    return get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=fail_silently)


def store(message, now=None):
    """Save one EmailMessage in the outbox, with a Message-ID and Date of
    its own so a retry is the same email to the recipient's mail program."""
    now = now or timezone.now()
    headers = dict(message.extra_headers)
    headers.setdefault("Message-ID", make_msgid(domain=DNS_NAME))
    headers.setdefault("Date", formatdate(localtime=settings.EMAIL_USE_LOCALTIME))
    everyone = [*message.to, *message.cc, *message.bcc]
    return OutgoingEmail.objects.create(
        created_at=now,
        subject=str(message.subject),
        from_email=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        to=[str(a) for a in message.to],
        cc=[str(a) for a in message.cc],
        bcc=[str(a) for a in message.bcc],
        reply_to=[str(a) for a in message.reply_to],
        recipients="," + ",".join(str(a).strip().lower() for a in everyone) + ",",
        body=str(message.body or ""),
        body_subtype=message.content_subtype,
        alternatives=[[str(content), mimetype] for content, mimetype in alternatives(message)],
        attachments=[stored_attachment(item) for item in message.attachments],
        headers=headers,
        next_attempt_at=now + FIRST_TRY_GRACE,
    )


def alternatives(message):
    return [(item[0], item[1]) for item in getattr(message, "alternatives", [])]


def stored_attachment(item):
    if isinstance(item, MIMEBase):
        name, content = item.get_filename() or "", item.get_payload(decode=True)
        mimetype = item.get_content_type()
    else:
        name, content, mimetype = item[0], item[1], item[2]
    if isinstance(content, str):
        content = content.encode()
    return [name or "", base64.b64encode(content).decode("ascii"), mimetype]


def as_message(email):
    """The stored email as an EmailMessage again."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email,
        to=email.to,
        cc=email.cc,
        bcc=email.bcc,
        reply_to=email.reply_to,
        headers=email.headers,
        alternatives=[tuple(item) for item in email.alternatives],
    )
    message.content_subtype = email.body_subtype
    for name, content, mimetype in email.attachments:
        message.attach(name or None, base64.b64decode(content), mimetype)
    return message


def error_kind(error):
    code = getattr(error, "smtp_code", None)
    if code:
        return f"{type(error).__name__} {code}"
    return notify.error_kind(error)


def deliver(emails, now=None):
    """Hand each email to the real backend (or to GOV.UK Notify, when it is
    set up) and record what happened; the number sent."""
    now = now or timezone.now()
    if not emails:
        return 0
    if notify_email.configured():
        return deliver_through_notify(emails, now)
    sent = 0
    backend = delivery_connection()
    try:
        backend.open()
    except Exception as error:  # the mail server is down: every one waits
        for email in emails:
            record_failure(email, error, now)
        return 0
    try:
        for email in emails:
            try:
                accepted = backend.send_messages([as_message(email)])
            except Exception as error:  # one refused email must not stop the rest
                record_failure(email, error, now)
            else:
                if accepted:
                    record_sent(email, now)
                    sent += 1
                else:
                    record_failure(email, RuntimeError("not accepted"), now)
    finally:
        try:
            backend.close()
        except Exception:
            logger.warning("Could not close the mail connection cleanly", exc_info=True)
    return sent


def claim(email):
    """Take the email for this process: it is still waiting and its next
    try is the one this process read, checked and cleared in one UPDATE, so
    two processes (or the request and the command) never both send it."""
    return OutgoingEmail.objects.filter(
        pk=email.pk,
        status__in=[Status.WAITING, Status.FAILED],
        next_attempt_at=email.next_attempt_at,
    ).update(next_attempt_at=None)


def deliver_through_notify(emails, now):
    sent = 0
    client = notify.api_client()
    for email in emails:
        if not claim(email):
            continue  # sent, or being sent, by another process
        try:
            notify_email.send(email, client)
        except Exception as error:  # Notify down, slow or refusing: recorded, never raised
            record_failure(email, error, now, permanent=notify.permanent(error))
        else:
            record_sent(email, now)
            sent += 1
    return sent


def record_sent(email, now):
    email.status, email.sent_at, email.next_attempt_at = Status.SENT, now, None
    email.attempts += 1
    email.save(update_fields=["status", "sent_at", "next_attempt_at", "attempts"])


def record_failure(email, error, now, permanent=False):
    email.attempts += 1
    email.last_error = error_kind(error)[:200]
    if permanent or email.attempts >= setting("OUTBOX_MAX_ATTEMPTS", 10):
        email.status, email.next_attempt_at = Status.GAVE_UP, None
        logger.error("Gave up on outgoing email %s after %d tries", email.pk, email.attempts)
    else:
        email.status, email.next_attempt_at = Status.FAILED, now + retry_wait(email.attempts)
        logger.warning("Outgoing email %s not sent (%s)", email.pk, email.last_error)
    email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def due(now):
    return OutgoingEmail.objects.filter(
        status__in=[Status.WAITING, Status.FAILED], next_attempt_at__lte=now
    ).order_by("next_attempt_at", "pk")


def send_due(now=None, limit=500):
    """Send every email whose time has come; (sent, not sent). On
    PostgreSQL two runs at once share the work rather than both sending."""
    now = now or timezone.now()
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            emails = list(due(now).select_for_update(skip_locked=True)[:limit])
            sent = deliver(emails, now)
    else:
        emails = list(due(now)[:limit])
        sent = deliver(emails, now)
    return sent, len(emails) - sent


def purge(now=None):
    """Delete sent emails after OUTBOX_KEEP_SENT_DAYS and ones that could
    not be sent after OUTBOX_KEEP_UNSENT_DAYS; how many went."""
    now = now or timezone.now()
    sent_before = now - timedelta(days=setting("OUTBOX_KEEP_SENT_DAYS", 7))
    unsent_before = now - timedelta(days=setting("OUTBOX_KEEP_UNSENT_DAYS", 30))
    deleted, _ = OutgoingEmail.objects.filter(status=Status.SENT, sent_at__lt=sent_before).delete()
    gave_up, _ = OutgoingEmail.objects.filter(
        status=Status.GAVE_UP, created_at__lt=unsent_before
    ).delete()
    return deleted + gave_up


def addressed_to(email_address):
    """Emails in the outbox to one person (any of to, cc, bcc)."""
    return OutgoingEmail.objects.filter(recipients__contains=f",{email_address.lower()},")
