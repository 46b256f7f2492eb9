"""Telling a CDN or Varnish in front (wagtail.contrib.frontend_cache,
configured from the environment by website/settings/cdn.py) to forget the
pages a change shows on, once the change commits.

- A page published, unpublished or deleted (deleting a live page unpublishes
  it first): its addresses, its ancestors' (each lists what is under it: the
  organisation its places and courses, /find-help/ the whole directory,
  /news/ the news, the home page the latest news) and those of the other
  pages its type says show it (`pages_showing_this()`: an organisation's
  places and courses, the courses held at a place, the places a course is
  held at).
- A page moved, or given a new slug: the same, with the old parent's line,
  and the old and new addresses of the page and every page under it.
- A setting saved, or a page linked from the header, menu or footer changed:
  the whole site, where the cache can forget it at once (WHOLE_SITE_PATH:
  Varnish with the VCL in docs/operations.md, CloudFront); other caches
  are told the home page, the sections under it and site search.

Addresses are WAGTAILADMIN_BASE_URL's, as everywhere the site names itself
(website/site_address.py). Addresses with a query string (directory
results, the second page of news) cannot be listed: a CDN keeps them for at
most s-maxage (PAGE_CACHE_SECONDS), and Varnish, with the VCL in
docs/operations.md, forgets every query string of an address it is told.

Nothing is worked out when no cache is configured. What goes wrong is
logged, never raised: publishing goes on whatever the CDN does."""

import copy
import logging
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website import site_address
from website.models import BrandSettings, NavigationSettings

logger = logging.getLogger(__name__)

# The links every page's header, menu and footer show (website/chrome.py).
CHROME_LINKS = {
    BrandSettings: ("footer_links", "social_links"),
    NavigationSettings: ("main_navigation",),
}


def addresses(page, url_path=None):
    """Where a CDN may keep the page: its address (at `url_path`, where it
    was, when given) and the paths its type keeps under it
    (`get_cached_paths`: a course's calendar feeds)."""
    if url_path is not None:
        page = copy.copy(page)
        page.url_path = url_path
    parts = page.get_url_parts()
    if parts is None or parts[2] is None:  # not under any site
        return set()
    address = site_address.absolute(parts[2])
    return {address + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()}


def line_addresses(page, inclusive=True):
    """The page's addresses and its live ancestors' (the tree's root has
    none)."""
    urls = addresses(page) if inclusive else set()
    for ancestor in page.get_ancestors().filter(depth__gt=1).live().specific():
        urls |= addresses(ancestor)
    return urls


def page_addresses(page):
    """The page, the pages above it and the other pages that show it."""
    urls = line_addresses(page)
    showing = getattr(page.specific, "pages_showing_this", None)
    for other in showing() if showing else ():
        urls |= addresses(other)
    return urls


def moved_addresses(page, url_path_before):
    """Where the page and every page under it were, and are now."""
    url_path_after = page.url_path
    urls = set()
    for moved in [page, *page.get_descendants().specific()]:
        urls |= addresses(moved)
        urls |= addresses(moved, url_path_before + moved.url_path[len(url_path_after) :])
    return urls


def site_sections():
    """What a cache that cannot forget a whole site is told when every page
    has changed: the home page, the sections under it and site search."""
    urls = {site_address.absolute(reverse("search"))}
    for site in Site.objects.select_related("root_page"):
        urls |= addresses(site.root_page.specific)
        for section in site.root_page.get_children().live().specific():
            urls |= addresses(section)
    return urls


def linked_from_every_page(page):
    """Whether the header, menu or footer links to the page, so that every
    page shows its title and address."""
    for model, fields in CHROME_LINKS.items():
        for row in model.objects.only(*fields):
            for field in fields:
                if any(
                    link["value"].get("page") == page.pk for link in getattr(row, field).raw_data
                ):
                    return True
    return False


def whole_site_paths():
    """{backend name: the path that makes it forget the whole site}."""
    return {
        name: options["WHOLE_SITE_PATH"]
        for name, options in settings.WAGTAILFRONTENDCACHE.items()
        if options.get("WHOLE_SITE_PATH")
    }


def purge_after_commit(urls, whole_site=False):
    """Purge these addresses (and, with `whole_site`, the whole site) once
    the transaction commits, or now outside one. A failure is logged."""
    if whole_site:
        urls = urls | site_sections()
    urls = sorted(urls)

    def purge():
        purge_urls_from_cache(urls)
        if whole_site:
            for name, path in whole_site_paths().items():
                purge_urls_from_cache([site_address.absolute(path)], backends=[name])

    transaction.on_commit(purge, robust=True)


def when_configured(handler):
    """A receiver that does nothing unless a cache is configured and never
    raises. It works in a savepoint, so a query that fails cannot spoil the
    editor's transaction; what it puts off until the commit goes with it."""

    @wraps(handler)
    def receiver(*args, **kwargs):
        if not settings.WAGTAILFRONTENDCACHE:
            return
        try:
            with transaction.atomic():
                handler(*args, **kwargs)
        except Exception:
            logger.exception("Could not work out what to purge from the CDN")

    return receiver


@when_configured
def page_published_or_unpublished(sender, instance, **kwargs):
    purge_after_commit(page_addresses(instance), whole_site=linked_from_every_page(instance))


@when_configured
def page_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    page = instance.specific
    urls = page_addresses(page) | line_addresses(parent_page_before)
    if url_path_before != url_path_after:
        urls |= moved_addresses(page, url_path_before)
    purge_after_commit(urls, whole_site=linked_from_every_page(page))


@when_configured
def slug_changed(sender, instance, instance_before, **kwargs):
    # Sent after the commit; publishing, which changes a live page's slug,
    # has told the CDN about the page and the pages above it.
    purge_after_commit(moved_addresses(instance, instance_before.url_path))


@when_configured
def setting_changed(sender, instance, created=False, raw=False, **kwargs):
    # A settings row is made, with its defaults, the first time a page reads
    # it: nothing shown changes until someone edits it.
    if not (created or raw):
        purge_after_commit(set(), whole_site=True)


def connect():
    """Called from FrontendCacheConfig.ready (website/apps.py)."""
    from django.apps import apps

    page_published.connect(page_published_or_unpublished, dispatch_uid="cdn-published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="cdn-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cdn-moved")
    page_slug_changed.connect(slug_changed, dispatch_uid="cdn-slug")
    for model in apps.get_models():
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
            uid = model._meta.label_lower
            post_save.connect(setting_changed, sender=model, dispatch_uid=f"cdn-save-{uid}")
            post_delete.connect(setting_changed, sender=model, dispatch_uid=f"cdn-delete-{uid}")
