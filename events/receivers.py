"""What events do when pages change: a published event's session follows
it (booking_session.py)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from events.booking_session import sync_session
from events.models import EventPage


@receiver(page_published, sender=EventPage)
def event_published(sender, instance, **kwargs):
    sync_session(instance)
