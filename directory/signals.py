"""Keeps each organisation's editors group in step with its page, however
the page is made: in the admin, by a command, a factory or a test.

The link from page to group belongs to the organisation, not to one version
of its content. Revisions store every field, so without the guard below,
publishing a revision saved before the group existed (or reverting to one)
would unlink the group.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from directory import place_rows, search_cache
from directory.models import (
    AccessibilityFeature,
    AccessPointPage,
    Area,
    Language,
    OrganisationPage,
    ServiceType,
)
from directory.permissions import setup_organisation


@receiver(pre_save, sender=OrganisationPage)
def keep_editors_group(sender, instance, raw=False, update_fields=None, **kwargs):
    """Only setup_organisation links a group: any other save of a page keeps
    the group the database has, whatever the revision being published says."""
    if raw or instance.pk is None:
        return
    if update_fields is not None and "editors_group" not in update_fields:
        return
    instance.editors_group_id = (
        OrganisationPage.objects.filter(pk=instance.pk)
        .values_list("editors_group_id", flat=True)
        .first()
    )


@receiver(post_save, sender=OrganisationPage)
def set_up_new_organisation(sender, instance, created, raw=False, **kwargs):
    """A new organisation gets its group, rights and collection in the same
    transaction as the page: setup_organisation runs in a savepoint, so if it
    fails the page is not created either."""
    if created and not raw:
        setup_organisation(instance)


@receiver(post_delete, sender=OrganisationPage)
def remove_editors_group(sender, instance, **kwargs):
    """A deleted organisation's staff lose their admin access with it; the
    collection and its images stay, as other pages may use them."""
    if instance.editors_group_id is not None:
        Group.objects.filter(pk=instance.editors_group_id).delete()


@receiver(post_save, sender=AccessPointPage)
@receiver(post_delete, sender=AccessPointPage)
@receiver(page_unpublished)
@receiver(post_save, sender=ServiceType)
@receiver(post_delete, sender=ServiceType)
@receiver(post_save, sender=AccessibilityFeature)
@receiver(post_delete, sender=AccessibilityFeature)
# The open downloads (open_data.py) also name organisations, languages and areas.
@receiver(post_save, sender=OrganisationPage)
@receiver(post_save, sender=Language)
@receiver(post_delete, sender=Language)
@receiver(post_save, sender=Area)
@receiver(post_delete, sender=Area)
def listings_changed(sender, **kwargs):
    """Cached search hits and filters, and the open downloads, go stale when
    a listing, or a list the filters offer, changes (search_cache.py)."""
    search_cache.invalidate()


@receiver(page_unpublished)
def unlisted(sender, instance, **kwargs):
    """An unpublished place leaves the search rows (directory/place_rows.py)."""
    if isinstance(instance, AccessPointPage):
        place_rows.refresh([instance.pk])


@receiver(post_page_move)
def moved(sender, instance, **kwargs):
    """Places moved, or moved with a section, may have come under a
    privacy restriction or out of one."""
    place_rows.refresh_below(instance)
    search_cache.invalidate()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """Places at or below a page made private (or public again)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        place_rows.refresh_below(page)
    search_cache.invalidate()
