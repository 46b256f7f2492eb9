"""Stable identifiers for everything the API publishes.

Open Referral wants a UUID for every object, and one that never changes:
other systems store it and come back for the same service. Ours are
derived, not stored: a version 5 UUID (a SHA-1 name-based UUID, RFC 9562)
of a name made of the object's kind and our own primary keys, e.g.
"service:place:123" or "schedule:opening:45". The same page always gets
the same id, on every server, in every run, with no migration and no
extra column; a copied page is a new page with a new pk, so it gets a new
id, as it should.

The name is hashed inside a namespace of this site's own, so that two
partnerships running this code never publish the same id for different
services (aggregators merge many publishers' feeds). The namespace comes
from ORUK_ID_NAMESPACE when set, else from the site's public address
(WAGTAILADMIN_BASE_URL). Set ORUK_ID_NAMESPACE once, before the API is
first used by others, if the site may move to another address: the ids
then survive the move.

A name-based UUID cannot be turned back into a pk, so the ids of what is
published are indexed (uuid -> key) in the cache, per search-cache
generation (see caching.py)."""

import functools
import uuid

from django.conf import settings


@functools.lru_cache(maxsize=8)
def _namespace(configured, base_url):
    if configured:
        return uuid.UUID(configured)
    return uuid.uuid5(uuid.NAMESPACE_URL, base_url.rstrip("/") + "/api/oruk/")


def namespace():
    return _namespace(
        getattr(settings, "ORUK_ID_NAMESPACE", ""), settings.WAGTAILADMIN_BASE_URL or ""
    )


def oruk_id(kind, *parts):
    """The UUID, as text, of the object of this kind named by these parts."""
    name = ":".join([kind, *(str(part) for part in parts)])
    return str(uuid.uuid5(namespace(), name))


def parse(text):
    """The canonical text of a UUID typed in any case, or None when it is not
    one (a bad id is a bad request, not an unknown one)."""
    try:
        return str(uuid.UUID(text))
    except (TypeError, ValueError):
        return None


# The ids of each kind of object, named in one place so that a list and
# its detail endpoint, and the objects that point at each other, agree.


def service(source, pk):
    return oruk_id("service", source, pk)


def organization(pk):
    return oruk_id("organization", pk)


def location(source, key):
    """A place's own location (source "place", its pk), or the virtual
    location of an online or phone course (source "course", its pk)."""
    return oruk_id("location", source, key)


def service_at_location(service_id, location_id):
    return oruk_id("service_at_location", service_id, location_id)


def taxonomy(key):
    return oruk_id("taxonomy", key)


def taxonomy_term(taxonomy_key, value):
    return oruk_id("taxonomy_term", taxonomy_key, value)


def part(kind, owner_id, *key):
    """Something that belongs to one object and has no endpoint of its own:
    an address, a schedule, a contact, a phone, a cost option, a language
    or an attribute."""
    return oruk_id(kind, owner_id, *key)
