"""Listening to other apps: completing a course marked as champion training
moves the champion with the same email address to "trained"."""

from django.utils import timezone

from .models import Champion
from .pipeline import record_training


def champion_training_completed(sender, booking, user=None, **kwargs):
    course = booking.session.booked_through  # a course, or an event (never champion training)
    if not getattr(course, "is_champion_training", False) or not booking.email:
        return
    champion = Champion.objects.filter(email=booking.email.strip().lower()).first()
    if champion is not None:
        record_training(champion, timezone.localdate(booking.session.start), by=user)
