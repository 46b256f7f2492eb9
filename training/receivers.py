"""What training does when pages change: changed courses refresh the
directory search, and when a course is published with more places the
waiting list moves up."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from directory import search_cache
from training import booking as booking_service
from training import notifications
from training.models import CoursePage, Session, SkillArea


@receiver(post_save, sender=CoursePage)
@receiver(post_delete, sender=CoursePage)
@receiver(post_save, sender=Session)
@receiver(post_delete, sender=Session)
@receiver(post_save, sender=SkillArea)
@receiver(post_delete, sender=SkillArea)
def courses_changed(sender, **kwargs):
    """Courses and their sessions are search results too (search_cache.py)."""
    search_cache.invalidate()


@receiver(page_published, sender=CoursePage)
def offer_new_places(sender, instance, **kwargs):
    upcoming = instance.sessions.filter(start__gt=timezone.now()).values_list("pk", flat=True)
    for session_pk in list(upcoming):
        for person in booking_service.fill_places(session_pk):
            notifications.place_offered(person)
