"""Emails handed to GOV.UK Notify instead of a mail server, when a
partnership sets NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID (a Notify
email template whose subject is "((subject))" and whose body is
"((body))"). The outbox (outbox.py) still stores every email first, claims
it, and retries or gives up; this module only speaks to Notify.

What Notify cannot carry is said in the email itself, so nothing goes
missing silently:
- attachments: Notify sends no arbitrary files, so the body ends with a
  line naming each file left out (nothing the site sends today has one:
  calendars are links);
- Reply-To: Notify only replies to addresses set up in the service, so the
  body says where to reply;
- the sender is the Notify service's own name and address, not
  DEFAULT_FROM_EMAIL.

Notify sends one email per address, so an email to three people is three
notifications: each address's id is saved as soon as Notify takes it, and
a retry after a fault sends only to those not yet sent."""

import logging
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from website.models import OutgoingEmail
from website.notify import api_client, error_kind

logger = logging.getLogger(__name__)
Delivery = OutgoingEmail.Delivery
# The summary of several addresses' statuses: the first of these that any
# address has, so a failure is never hidden behind a delivery.
WORST_FIRST = [
    Delivery.PERMANENT_FAILURE,
    Delivery.TECHNICAL_FAILURE,
    Delivery.TEMPORARY_FAILURE,
    Delivery.CREATED,
    Delivery.SENDING,
    Delivery.DELIVERED,
]


def configured():
    return bool(getattr(settings, "NOTIFY_API_KEY", "")) and bool(
        getattr(settings, "NOTIFY_EMAIL_TEMPLATE_ID", "")
    )


def addresses(email):
    """Every address the email goes to, bare ("ann@example.org")."""
    return [parseaddr(str(address))[1] for address in [*email.to, *email.cc, *email.bcc]]


def body_for_notify(email):
    """The plain body, and what Notify cannot carry, said in words."""
    body = email.body if email.body_subtype == "plain" else strip_tags(email.body)
    notes = []
    if email.reply_to:
        notes.append(f"To reply, write to {', '.join(email.reply_to)}.")
    if email.attachments:
        names = ", ".join(name or "unnamed" for name, _content, _type in email.attachments)
        notes.append(f"This email had attachments that could not be sent with it: {names}.")
    return "\n\n".join([body.rstrip(), *notes]) if notes else body


def send(email, client=None):
    """Hand the email to Notify, one address at a time, skipping those it
    already has. Raises Notify's error (or a timeout) for the outbox to
    record; the addresses sent so far are saved first."""
    client = client or api_client()
    body = body_for_notify(email)
    for address in addresses(email):
        if address in email.notify_ids:
            continue
        answer = client.send_email_notification(
            email_address=address,
            template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation={"subject": email.subject, "body": body},
            reference=f"email-{email.pk}",
        )
        email.notify_ids[address] = str(answer.get("id", ""))[:36]
        email.deliveries[address] = Delivery.CREATED
        email.delivery = summary(email.deliveries)
        email.save(update_fields=["notify_ids", "deliveries", "delivery"])
    if email.attachments:
        logger.warning("Email %s went through Notify without its attachments", email.pk)


def summary(deliveries):
    known = set(deliveries.values())
    return next((status for status in WORST_FIRST if status in known), Delivery.UNKNOWN)


def check_deliveries(now=None, limit=500):
    """Ask Notify what became of each email it took in the last three days
    and has not settled; how many emails changed."""
    now = now or timezone.now()
    if not configured():
        return 0
    client = api_client()
    # Sent by SMTP (no status) or delivered to everyone: nothing to ask.
    pending = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENT, sent_at__gte=now - timedelta(days=3)
    ).exclude(delivery__in=[Delivery.UNKNOWN, Delivery.DELIVERED])
    changed = 0
    for email in pending.order_by("sent_at", "pk")[:limit]:
        before = dict(email.deliveries)
        for address, notification_id in email.notify_ids.items():
            if email.deliveries.get(address) in OutgoingEmail.FINAL:
                continue
            try:
                status = client.get_notification_by_id(notification_id).get("status", "")
            except Exception as error:  # asked again next run
                logger.warning(
                    "Could not ask Notify about email %s (%s)", email.pk, error_kind(error)
                )
                continue
            if status in Delivery.values:
                email.deliveries[address] = status
        if email.deliveries != before:
            email.delivery, email.delivery_checked_at = summary(email.deliveries), now
            email.save(update_fields=["deliveries", "delivery", "delivery_checked_at"])
            changed += 1
    return changed
