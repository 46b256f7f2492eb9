"""The reminder the day before a session, for everyone with a confirmed
place on it (courses and events alike: events book through sessions too).

`manage.py send_reminders` runs on a schedule (docs/operations.md). Each
booking is claimed by one UPDATE that sets `reminded_at` only where it is
still empty, before its email is written to the outbox, so a reminder goes
once however often the job runs and on however many servers at once. Once
claimed, the email is in the outbox, which keeps and retries it."""

import datetime
import logging

from django.utils import timezone

from training import notifications
from training.models import Booking

logger = logging.getLogger(__name__)


def due(now):
    """Confirmed bookings on sessions that start tomorrow (local time) or
    later today, not reminded yet."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    until = timezone.make_aware(
        datetime.datetime.combine(tomorrow + datetime.timedelta(days=1), datetime.time())
    )
    return Booking.objects.filter(
        status=Booking.Status.CONFIRMED,
        reminded_at__isnull=True,
        session__start__gt=now,
        session__start__lt=until,
    ).order_by("session__start", "pk")


def claim(booking_pk, now):
    """True for the one caller that marks this booking reminded."""
    return bool(
        Booking.objects.filter(pk=booking_pk, reminded_at__isnull=True).update(reminded_at=now)
    )


def send_reminders(now=None):
    """Remind everyone due; how many were reminded."""
    now = now or timezone.now()
    sent = 0
    for pk in list(due(now).values_list("pk", flat=True)):
        if not claim(pk, now):
            continue  # another run took it
        booking = Booking.objects.select_related("session").get(pk=pk)
        notifications.session_reminder(booking)
        sent += 1
    return sent
