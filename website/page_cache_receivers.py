"""What empties the anonymous page cache (website/page_cache.py): any saved
or deleted row, or changed many-to-many list, of the content the public
pages show. That is every model of the site's own apps and of Wagtail's
pages, sites, images, documents and redirects, less the rows that never
reach a public page or are written on every visit (outgoing email, the
skills check's and learning at home's counts, Wagtail's revisions, logs and
workflow states, image renditions made while a page is drawn). So
publishing, unpublishing, moving or deleting a page, a booking that
changes the places left, a setting, a list or a routing rule each clear
the pages that show them (and all others: one change, one clear)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

from website import page_cache

CONTENT_APPS = {
    "website",
    "directory",
    "referrals",
    "training",
    "learning",
    "events",
    "champions",
    "neighbourhoods",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "wagtailsearchpromotions",
    "taggit",
}
NOT_SHOWN = {
    "website.outgoingemail",
    # Counts of skills checks finished and resources started: written on
    # residents' visits, shown only on the impact page.
    "learning.finishedcheck",
    "learning.resourcestartday",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
}


def shown_in_public(model):
    meta = model._meta
    return meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_SHOWN


def row_changed(sender, raw=False, created=False, **kwargs):
    # A settings row is made, with its defaults, the first time a page reads
    # it: nothing shown changes until someone edits it.
    if created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        return
    if not raw and shown_in_public(sender):
        page_cache.content_changed()


def list_changed(sender, action, **kwargs):
    if action.startswith("post_") and shown_in_public(sender):
        page_cache.content_changed()


def connect():
    """Called from WebsiteConfig.ready."""
    post_save.connect(row_changed, dispatch_uid="page-cache-save")
    post_delete.connect(row_changed, dispatch_uid="page-cache-delete")
    m2m_changed.connect(list_changed, dispatch_uid="page-cache-lists")
