"""The kinds of listing the API publishes as services, and what a request
for them shares.

Each kind of listing that the directory search has as a source (see
directory/search.py) is published by a `ServiceKind` of the same name:
access points are one (places.py), courses another (courses.py); the
app's ready() registers both. So the API lists exactly what the search
finds.

A kind turns search hits into `Listing`s (pages loaded with their related
rows, a fixed number of queries however many) and listings into the
profile's JSON: the one-to-one fields a list shows, or the fully nested
service."""

import dataclasses
import datetime

from django.db.models import Q
from django.utils.functional import cached_property
from wagtail.models import Page

from directory.models import OrganisationPage
from openreferral import ids


@dataclasses.dataclass
class Listing:
    """One published listing, ready to serialise. `page` is the specific
    page with the related rows its kind prefetched; `hit` is the search hit
    it came from."""

    source: str
    page: Page
    organisation: OrganisationPage | None
    hit: object = None
    # What the hit points at, when the kind loads it: a course's session.
    detail: object = None

    @property
    def id(self):
        return ids.service(self.source, self.page.pk)


@dataclasses.dataclass
class Location:
    """Where a service is given: the profile's location JSON (the list
    shape and the fully nested one) under its id."""

    id: str
    summary: dict
    full: dict


class ApiContext:
    """What serialising one request needs: absolute addresses, the moment
    the request is answered at, and the routing rules behind the barriers
    taxonomy (loaded once, when first wanted)."""

    def __init__(self, request, now):
        self.request = request
        self.now = now

    def url(self, page_or_path):
        if isinstance(page_or_path, Page):
            return page_or_path.get_full_url(self.request)
        return self.request.build_absolute_uri(page_or_path)

    @cached_property
    def barriers(self):
        from openreferral.barriers import BarrierRules

        return BarrierRules.load()

    @property
    def today(self):
        return self.now.date()


class ServiceKind:
    """What every kind of listing provides. Loading methods take search
    hits and cost a fixed number of queries however many hits."""

    source: str

    def load(self, hits, context, full=False):
        """{pk: Listing} for these hits; `full` prefetches what the fully
        nested service shows."""
        raise NotImplementedError

    def summary(self, listing, context):
        """The list shape: the service's one-to-one fields and organization."""
        raise NotImplementedError

    def full(self, listing, context):
        """The fully nested service."""
        raise NotImplementedError

    def locations(self, listing, context):
        """Every Location the service is given at (needs full=True)."""
        raise NotImplementedError

    def row_location(self, listing, context):
        """The one Location a list of service_at_locations shows the hit
        at: a place's own; for a course, the session's that the search
        matched on."""
        raise NotImplementedError

    def location_ids(self, pks, context):
        """{pk: [location id, …]} of these listings, without loading them,
        for the index of service_at_location ids."""
        raise NotImplementedError

    def carrying(self, taxonomy_key, values):
        """The pks of live listings of this kind described by any of these
        terms of the taxonomy (term values: pks or slugs)."""
        return set()

    def withheld(self):
        """The pks of live listings of this kind that are not ours to
        republish (imported under a licence that does not allow it)."""
        return set()

    def modified_since(self, moment: datetime.datetime):
        """The pks of live listings of this kind published at or after `moment`."""
        raise NotImplementedError


def modified_since(model, moment):
    """Live pages of this model published at or after `moment`, and those
    whose publishing time is unknown (made live without a revision, as the
    demo content is): a client syncing changes must never miss one."""
    pages = model.objects.live().filter(
        Q(last_published_at__gte=moment) | Q(last_published_at__isnull=True)
    )
    return set(pages.values_list("pk", flat=True))


KINDS = {}


def register(kind):
    KINDS[kind.source] = kind


def kind_for(source):
    return KINDS.get(source)


def organisations_for(pages):
    """{page pk: its OrganisationPage} in one query: listings sit directly
    under their organisation, so its tree path is theirs less one step."""
    parents = {page.pk: page.path[: -Page.steplen] for page in pages}
    by_path = {
        organisation.path: organisation
        for organisation in OrganisationPage.objects.filter(path__in=set(parents.values()))
    }
    return {pk: by_path.get(path) for pk, path in parents.items()}
