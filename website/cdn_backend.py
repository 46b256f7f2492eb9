"""Purging Varnish (or any cache that takes HTTP PURGE requests) from
wagtail.contrib.frontend_cache, with a time limit.

Wagtail's own HTTPBackend sends the same requests but waits as long as the
connection does, and purges run inside the editor's request: a cache that
drops packets (a firewall, a server gone) would hold a publish for minutes.
This one gives each request TIMEOUT seconds and, once one fails, skips the
rest of the batch; either way it logs and never raises, so publishing goes on
whatever the cache does. Configured by FRONTEND_CACHE_VARNISH_URL
(website/settings/cdn.py); docs/operations.md has the Varnish side."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")

TIMEOUT = 3


class HTTPPurgeBackend(HTTPBackend):
    """Sends `PURGE <path>` to the cache's own address (LOCATION) with the
    site's host name in the Host header, as Wagtail's HTTPBackend does."""

    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", TIMEOUT)
        super().__init__(params)

    def purge(self, url):
        """Purge one address; False when the cache could not be told."""
        parsed = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit(
                (self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, parsed.fragment)
            ),
            headers={
                "Host": parsed.netloc,
                "User-Agent": f"Wagtail-frontendcache/{wagtail_version}",
            },
        )
        try:
            # The scheme is the configured LOCATION's, checked to be http(s).
            with urlopen(request, timeout=self.timeout):  # noqa: S310
                return True
        except HTTPError as error:
            logger.error("Couldn't purge '%s' from HTTP cache. HTTPError: %d", url, error.code)
        except (URLError, OSError) as error:  # refused, unreachable, timed out
            reason = getattr(error, "reason", error)
            logger.error("Couldn't purge '%s' from HTTP cache: %s", url, reason)
        return False

    def purge_batch(self, urls):
        urls = list(urls)
        for done, url in enumerate(urls):
            if not self.purge(url):
                if rest := len(urls) - done - 1:
                    logger.error(
                        "Skipped purging %d more addresses from %s", rest, self.cache_netloc
                    )
                return
