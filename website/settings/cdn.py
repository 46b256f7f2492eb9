"""Purging a CDN or Varnish in front of the site when pages change
(wagtail.contrib.frontend_cache). Each cache is configured from the
environment, its secrets included; with none configured, nothing is sent.
website/cdn_purge.py says what is purged when, docs/operations.md how to set
up each cache. base.py imports this at its end."""

import importlib.util
import os

from django.core.exceptions import ImproperlyConfigured

__all__ = ["WAGTAILFRONTENDCACHE"]

# Sent to a cache that can forget a whole site at once when every page has
# changed (a setting saved): Varnish turns a PURGE of it into a ban (the VCL
# in docs/operations.md); CloudFront reads it as a wildcard.
WHOLE_SITE_PATH = "/*"


def _values(environ, name):
    return [item.strip() for item in environ.get(name, "").split(",") if item.strip()]


def frontend_caches(environ):
    """WAGTAILFRONTENDCACHE from these environment variables:
    FRONTEND_CACHE_VARNISH_URL (one address or several, comma-separated),
    FRONTEND_CACHE_CLOUDFLARE_ZONEID with FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN,
    FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID (credentials: boto3's own
    AWS_* variables or the server's role)."""
    caches = {}
    varnishes = _values(environ, "FRONTEND_CACHE_VARNISH_URL")
    for number, location in enumerate(varnishes, start=1):
        if not location.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                f"FRONTEND_CACHE_VARNISH_URL: {location!r} is not an http:// or https:// "
                "address. Give the address Varnish listens on, e.g. http://varnish.internal:6081"
            )
        caches["varnish" if len(varnishes) == 1 else f"varnish{number}"] = {
            "BACKEND": "website.cdn_backend.HTTPPurgeBackend",
            "LOCATION": location,
            "WHOLE_SITE_PATH": WHOLE_SITE_PATH,
        }

    zone = environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID", "").strip()
    token = environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", "").strip()
    if zone or token:
        if not (zone and token):
            raise ImproperlyConfigured(
                "Cloudflare needs both FRONTEND_CACHE_CLOUDFLARE_ZONEID and "
                "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN (an API token allowed to purge the zone)."
            )
        # Wagtail's backend purges listed addresses only (Cloudflare's "purge
        # everything" is not in it): no WHOLE_SITE_PATH.
        caches["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }

    distribution = environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", "").strip()
    if distribution:
        if importlib.util.find_spec("boto3") is None:
            raise ImproperlyConfigured(
                "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID is set, but boto3 (which Wagtail's "
                "CloudFront backend uses) is not installed: `pip install boto3` in the site's "
                "virtualenv, or unset the variable."
            )
        caches["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": distribution,
            "WHOLE_SITE_PATH": WHOLE_SITE_PATH,
        }
    return caches


WAGTAILFRONTENDCACHE = frontend_caches(os.environ)
