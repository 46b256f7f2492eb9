"""Cached API answers, forgotten whenever a listing changes.

The API reuses the directory search's cache generation (search_cache.py):
saving, publishing, unpublishing or deleting a listing, or changing a list
the listings are described with, moves the generation on, and every key
here holds it, so the next request works its answer out again; with the
shared cache (REDIS_URL) that holds across app servers. Keys also hold
today's date (a listing's "show from / until" dates) and the full address
asked for (host included: answers hold absolute links; only the parameters
the API reads). Upcoming sessions
pass with time, not with a change, so answers are kept for at most
RESPONSE_SECONDS.

Two things are cached: whole response bodies (successful ones only), and
the indexes from published ids to listings (see lookup.py)."""

import hashlib

from django.core.cache import cache
from django.utils import timezone

from directory import search_cache
from openreferral.params import LocationParams

# Every parameter any endpoint reads (LocationParams has them all).
PARAMETERS = frozenset(LocationParams.base_fields)

RESPONSE_SECONDS = search_cache.HITS_SECONDS


def key(kind, text=""):
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    today = timezone.localdate().isoformat()
    return f"directory:oruk:{kind}:{search_cache.generation()}:{today}:{digest}"


def response_key(request):
    """The address without the parameters no endpoint reads, in a fixed
    order: unknown parameters never make a second copy of an answer."""
    known = sorted((name, request.GET.getlist(name)) for name in request.GET if name in PARAMETERS)
    return key("response", repr((request.build_absolute_uri(request.path), known)))


def remembered(kind, build, text=""):
    """The cached value of `build()` for this generation and day."""
    cache_key = key(kind, text)
    value = cache.get(cache_key)
    if value is None:
        value = build()
        cache.set(cache_key, value, RESPONSE_SECONDS)
    return value
