"""The full-page cache for anonymous visitors, on Django's cache framework
(docs/performance.md says why this and not wagtail-cache).

A public GET from a visitor who carries no session, no CSRF and no
messages cookie is answered from the cache when the same page has been
worked out for another such visitor; everyone else (editors, partners,
coordinators, a resident with a shortlist or a form half filled) gets a
fresh page. A response is kept only when it is the same for every such
visitor: a 200 that sets no cookie (so no CSRF token and no session was
made for it) and that its view did not mark private or uncacheable
(`never_cache` on every form and personal page).

Kept responses go out with `Cache-Control: public, max-age=0, s-maxage=…`
and without `Vary: Cookie`, so a CDN or Varnish in front can keep them too
(it must pass requests that carry the session cookie; docs/operations.md).
Responses that are not kept and say nothing about caching go out
`private, no-cache`.

The cache is emptied by moving a generation number on (content_changed),
which every kept page is stored with (and today's date is in every key):
a visitor's request reads the generation and the page in one round trip
to the cache, and a page of an older generation is worked out again. Any
saved or deleted content,
published page, setting or list clears every page at once, on every app
server sharing the cache (REDIS_URL)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control

from website import compression, generation_watch
from website.content_security import is_admin_path
from website.recent_pages import RECENT, as_response

GENERATION_KEY = "page-cache:generation"
# Cookies that make a page someone's own: a request with any of them is
# never answered from the cache.
PERSONAL_COOKIES = ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME")
MESSAGES_COOKIE = "messages"
NOT_CACHED_PREFIXES = ("/django-admin/", "/documents/")
UNCACHEABLE = ("private", "no-store", "no-cache")


def seconds():
    return settings.PAGE_CACHE_SECONDS


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
        value = cache.get(GENERATION_KEY) or int(time.time() * 1000)
    return value


def _bump():
    WATCH.forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet, or evicted: any new number will do
        cache.add(GENERATION_KEY, int(time.time() * 1000), timeout=None)
    generation_watch.announce()


# The generation as this process last heard it (website/generation_watch.py).
WATCH = generation_watch.GenerationWatch(read_generation=generation)


def content_changed():
    """Forget every cached page now, and again once the change commits, so
    a page worked out in between cannot keep what was there before."""
    _bump()
    transaction.on_commit(_bump)


def page_key(request):
    """One key per address (host and query included), day and encoding the
    browser gets (website/compression.py): the only things a kept page
    varies on, since a page that varies on anything else is not kept."""
    address = request.build_absolute_uri().encode()
    digest = hashlib.md5(address, usedforsecurity=False).hexdigest()
    encoding = compression.choose(request) or "identity"
    return f"page:{timezone.localdate().isoformat()}:{digest}:{encoding}"


def lookup(request):
    """(generation, key, kept response or None), in one round trip to the
    shared cache: a kept page is stored with the generation it was worked
    out in, and is stale once the generation has moved on. A page this
    process kept lately is taken from its own memory (website/recent_pages.py)
    when it is of the current generation: as announced to this process
    (website/generation_watch.py), else as Redis says when asked."""
    key = page_key(request)
    held = RECENT.get(key)
    if held is not None:
        known = WATCH.current()
        if held[0] == known:  # announced changes only: no round trip
            return known, key, as_response(held[1])
    found = cache.get_many([GENERATION_KEY] if held else [GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    if current is None:
        current = generation()
    if held is not None:
        if held[0] == current:
            return current, key, as_response(held[1])
        found[key] = cache.get(key)  # this process's copy is stale
    kept = found.get(key)
    if kept is not None and kept[0] == current:
        RECENT.put(key, current, kept[1], seconds())
        return current, key, kept[1]
    return current, key, None


def personal_cookies(request):
    names = [getattr(settings, name) for name in PERSONAL_COOKIES] + [MESSAGES_COOKIE]
    return [name for name in names if request.COOKIES.get(name)]


def cacheable_request(request):
    return (
        seconds() > 0
        and request.method in ("GET", "HEAD")
        and not is_admin_path(request.path_info)
        and not request.path_info.startswith(NOT_CACHED_PREFIXES)
        and "HTTP_AUTHORIZATION" not in request.META
        and not personal_cookies(request)
    )


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if getattr(request, "_csp_nonce", None):  # a nonce is for one visitor only
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in UNCACHEABLE):
        return False
    return get_max_age(response) != 0


def without_cookie_vary(response):
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]


def varies_only_on_encoding(response):
    names = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return names <= {"accept-encoding"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control") and not is_admin_path(request.path_info):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        current, key, cached = lookup(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(request, response):
            without_cookie_vary(response)
            if get_max_age(response) is None:
                # Browsers ask again each time; shared caches keep it.
                patch_cache_control(response, public=True, max_age=0, s_maxage=seconds())
            else:  # the view's own lifetime (a versioned stylesheet) stands
                patch_cache_control(response, public=True)
            # Compressed once for all who ask alike (website/compression.py).
            compression.encode(request, response)
            if request.method == "GET" and varies_only_on_encoding(response):
                cache.set(key, (current, response), seconds())
                RECENT.put(key, current, response, seconds())
            response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
