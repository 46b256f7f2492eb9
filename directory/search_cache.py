"""A short-lived cache of search hits (which listings match, and how far
away), so that the same search from many residents, or the next page of
results, is not worked out again. Only hits are cached: each results page
still loads its listings fresh, so places left and opening times shown are
always current.

The search form's fields, drawn with the coordinators' lists as their
choices, are cached the same way, one field at a time (cached_field_html,
used by directory/forms.py), as drawing them costs more than the search
itself.

Keys hold the query's values, today's date (the minute too for "open now"
and "starts within", whose answers change through the day) and a
generation number. Saving, publishing, unpublishing or deleting a listing,
or changing one of the lists the filters offer, moves the generation on,
so the next search works hits out again; the shared cache (REDIS_URL)
makes that hold across app servers. Without a shared cache each server
keeps its own, and another server's copy may lag by at most HITS_SECONDS."""

import dataclasses
import hashlib
import time

from django.core.cache import cache
from django.db import transaction

from website import field_cache

HITS_SECONDS = 300
GENERATION_KEY = "directory:search:generation"


def _fresh():
    """A first generation number no earlier one can have had: the clock in
    milliseconds, so a flushed or evicted cache never brings back a number
    under which other processes still keep drawn fields."""
    return int(time.time() * 1000)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh(), timeout=None)
        value = cache.get(GENERATION_KEY) or _fresh()
    return value


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value will do
        cache.add(GENERATION_KEY, _fresh(), timeout=None)


def invalidate():
    """Listings changed: forget cached hits now, and again once the change
    commits, so that a search that ran in between cannot keep stale hits."""
    _bump()
    transaction.on_commit(_bump)


def key_for(query, now, sources, upto=None):
    moment = now.strftime("%Y-%m-%d")
    if query.open_now or query.starts_within_days is not None:
        moment = now.strftime("%Y-%m-%dT%H:%M")
    parts = repr(
        (
            dataclasses.astuple(query),
            moment,
            [source.name for source in sources],
            upto,
        )
    )
    digest = hashlib.sha256(parts.encode()).hexdigest()[:32]
    return f"directory:search:hits:{generation()}:{digest}"


def cached_hits(query, now, sources, find, upto=None):
    """The hits `find()` gives, kept for HITS_SECONDS. `upto` says how many
    of them it holds (None: all), so a page further on is found afresh."""
    key = key_for(query, now, sources, upto)
    hits = cache.get(key)
    if hits is None:
        hits = find()
        cache.set(key, hits, HITS_SECONDS)
    return hits


def cached_field_html(bound_field, render):
    """One search-form field as drawn for its value and errors: the same
    value and the same lists (generation) draw the same HTML. Residents'
    searches differ in a field or two, so caching each field on its own
    spares drawing the twenty or so that are as the last search left them.
    The key names the generation, so each process keeps its own copy
    (website.field_cache.MEMO) rather than asking the shared cache per field."""
    form = bound_field.form
    if not hasattr(form, "_search_generation"):
        form._search_generation = generation()  # once per form, not per field
    text = repr((bound_field.html_name, bound_field.value(), list(bound_field.errors)))
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    key = f"directory:search:field:{form._search_generation}:{digest}"
    return field_cache.MEMO.get_or_draw(key, render)
