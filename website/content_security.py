"""The Content Security Policy on every response (django-csp), with the
admin's own looser script and style rules on /admin/ paths only (Wagtail's
admin writes some inline scripts and styles; the public site writes none),
and the map tiles' server allowed as an image source on the public site."""

import functools
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import get_urlconf, reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if is_admin_path(request.path_info):
            parts.replace = {**settings.ADMIN_CSP_REPLACE, **(parts.replace or {})}
        elif tiles := map_tiles_origin():
            parts.update = {"img-src": [tiles], **(parts.update or {})}
        return parts


def is_admin_path(path):
    return path.startswith(admin_home(get_urlconf()))


@functools.lru_cache(maxsize=8)
def admin_home(urlconf):
    """The admin's address, worked out once per URL configuration: asked
    twice on every request, reversing it each time took an eighth of the
    time a page from the page cache takes."""
    return reverse("wagtailadmin_home", urlconf=urlconf)


def map_tiles_origin():
    """Where the directory's maps load tiles from, as a CSP source."""
    if not settings.MAP_TILES_URL:
        return ""
    parts = urlsplit(settings.MAP_TILES_URL)
    # Leaflet's {s} stands for the tile server's subdomains.
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"
