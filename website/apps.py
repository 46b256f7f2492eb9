from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = "Partnership website"

    def ready(self):
        from website import chrome, page_cache_receivers

        chrome.connect()
        page_cache_receivers.connect()

    # Data protection hooks (see website/personal_data.py): the emails in the
    # outbox addressed to the person.

    def personal_data(self, email):
        from website import outbox

        return [
            {
                "record": "Email",
                "subject": message.subject,
                "status": message.get_status_display(),
                "created": message.created_at,
                "sent": message.sent_at or "",
            }
            for message in outbox.addressed_to(email)
        ]

    def erase_personal_data(self, email):
        from website import outbox

        deleted, _ = outbox.addressed_to(email).delete()
        return deleted


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
