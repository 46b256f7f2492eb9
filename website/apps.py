from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Partnership website"

    def ready(self):
        from website import chrome, page_cache_receivers

        chrome.connect()
        page_cache_receivers.connect()

    # Data protection hooks (see website/personal_data.py): the emails and
    # texts in the outboxes addressed to the person.

    def personal_data(self, who):
        from website import data_protection

        return data_protection.personal_data(who)

    def erase_personal_data(self, who):
        from website import data_protection

        return data_protection.erase_personal_data(who)


class FrontendCacheConfig(AppConfig):
    """wagtail.contrib.frontend_cache, installed with website/cdn_purge.py's
    receivers in place of Wagtail's own. Wagtail's purge a page's address as
    soon as it is published or unpublished, inside the publishing transaction
    (a request in between could put the old page back in the CDN), at the
    address of Wagtail's Site ("http://localhost" in a fresh install, which
    the CDN does not hold). These purge once the change commits, at
    WAGTAILADMIN_BASE_URL, with the pages that show it (docs/operations.md)."""

    name = "wagtail.contrib.frontend_cache"
    label = "wagtailfrontendcache"
    verbose_name = "Wagtail frontend cache"
    # Never chosen in place of WebsiteConfig for "website" in INSTALLED_APPS.
    default = False

    def ready(self):
        from website import cdn_purge

        cdn_purge.connect()
