"""From a published id back to what it names. Ids are name-based UUIDs
(ids.py), which cannot be reversed, so the ids of everything published are
indexed: for services and service_at_locations the index is worked out
from the published listings once per cache generation and day (caching.py;
at 12,000 listings about 0.2 s and 0.6 s on a busy two-core machine, after
the search itself); organisations and taxonomies are few enough to index on
each request."""

from wagtail.models import Page

from directory.models import OrganisationPage
from openreferral import caching, ids, listings, taxonomies
from openreferral.errors import ApiError, not_found
from openreferral.kinds import KINDS


def checked_id(text, name):
    """The canonical UUID, or a 400 when the text is not one."""
    value = ids.parse(text)
    if value is None:
        raise ApiError(400, f"{text!r} is not a {name} id: ids are UUIDs.")
    return value


def _service_index(context):
    return {ids.service(hit.source, hit.pk): hit for hit in listings.every_published(context.now)}


def _service_at_location_index(context):
    hits = listings.every_published(context.now)
    index = {}
    for source, kind in KINDS.items():
        mine = {hit.pk: hit for hit in hits if hit.source == source}
        for pk, location_ids in kind.location_ids(list(mine), context).items():
            service_id = ids.service(source, pk)
            for location_id in location_ids:
                index[ids.service_at_location(service_id, location_id)] = (mine[pk], location_id)
    return index


def service_hit(text, context):
    service_id = checked_id(text, "service")
    index = caching.remembered("services", lambda: _service_index(context))
    hit = index.get(service_id)
    if hit is None:
        raise not_found(f"No published service has the id {service_id}.")
    return hit


def service_at_location(text, context):
    """(the service's hit, the location id) of a service_at_location id."""
    sal_id = checked_id(text, "service_at_location")
    index = caching.remembered("service_at_locations", lambda: _service_at_location_index(context))
    found = index.get(sal_id)
    if found is None:
        raise not_found(f"No published service_at_location has the id {sal_id}.")
    return found


def published_organisations():
    """Live organisations, less those whose listings were imported from a
    feed we may not republish (docs/federation.md)."""
    withheld = set().union(*(kind.withheld() for kind in KINDS.values()))
    withheld_paths = {
        path[: -Page.steplen]
        for path in Page.objects.filter(pk__in=withheld).values_list("path", flat=True)
    }
    organisations = OrganisationPage.objects.live().public().exclude(path__in=withheld_paths)
    return organisations.order_by("title", "pk")


def organisation(text):
    organisation_id = checked_id(text, "organization")
    pks = published_organisations().values_list("pk", flat=True)
    pk = next((pk for pk in pks if ids.organization(pk) == organisation_id), None)
    if pk is None:
        raise not_found(f"No published organization has the id {organisation_id}.")
    return OrganisationPage.objects.get(pk=pk)


def taxonomy(text):
    found = taxonomies.find_taxonomy(checked_id(text, "taxonomy"))
    if found is None:
        raise not_found(f"No taxonomy has the id {text}.")
    return found


def taxonomy_term(text):
    found = taxonomies.find_term(checked_id(text, "taxonomy_term"))
    if found is None:
        raise not_found(f"No taxonomy term has the id {text}.")
    return found
