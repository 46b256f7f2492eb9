"""What else changes the API's answers, beyond what already moves the
search cache's generation on (directory/signals.py, training/receivers.py):
an organisation's details, the languages list, areas, and the routing
rules behind the barriers taxonomy."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from directory import search_cache
from directory.models import Area, Language, OrganisationPage
from referrals.models import RoutingRule


@receiver(post_save, sender=OrganisationPage)
@receiver(post_delete, sender=OrganisationPage)
@receiver(post_save, sender=Language)
@receiver(post_delete, sender=Language)
@receiver(post_save, sender=Area)
@receiver(post_delete, sender=Area)
@receiver(post_save, sender=RoutingRule)
@receiver(post_delete, sender=RoutingRule)
@receiver(m2m_changed, sender=RoutingRule.services.through)
def published_details_changed(sender, **kwargs):
    search_cache.invalidate()
