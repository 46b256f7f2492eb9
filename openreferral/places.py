"""Access points as services: each is one service at one location (the
place itself), with its weekly opening hours as schedules."""

from django.db.models import Prefetch

from directory.models import AccessPointPage, OpeningHours
from openreferral import ids
from openreferral.kinds import (
    Listing,
    ServiceKind,
    modified_since,
    organisations_for,
    register,
)
from openreferral.serialisers.common import date_text, paragraphs, plain_text
from openreferral.serialisers.locations import place_location
from openreferral.serialisers.schedules import opening_schedule
from openreferral.serialisers.services import (
    contacts,
    cost_options,
    languages,
    service_at_location,
    service_fields,
)
from openreferral.serialisers.taxonomies import attribute_json
from openreferral.taxonomies import TAXONOMIES
from referrals.choices import BARRIERS

BARRIER_LABELS = dict(BARRIERS)


class PlaceKind(ServiceKind):
    source = "place"

    def load(self, hits, context, full=False):
        pages = AccessPointPage.objects.filter(pk__in=[hit.pk for hit in hits]).select_related(
            "area", "area__parent"
        )
        if full:
            pages = pages.prefetch_related(
                "services",
                "accessibility",
                "languages",
                Prefetch("opening_hours", OpeningHours.objects.order_by("weekday", "opens")),
            )
        pages = list(pages)
        organisations = organisations_for(pages)
        by_hit = {hit.pk: hit for hit in hits}
        return {
            page.pk: Listing(self.source, page, organisations[page.pk], by_hit.get(page.pk))
            for page in pages
        }

    def summary(self, listing, context):
        page = listing.page
        closed = page.temporarily_closed
        return service_fields(
            listing,
            context,
            description=paragraphs(page.summary, plain_text(page.description)),
            status="temporarily closed" if closed else "active",
            alert=(page.closed_message or "Temporarily closed.") if closed else None,
            assured_date=date_text(page.last_checked),
        )

    def full(self, listing, context):
        page = listing.page
        service_id = listing.id
        location = place_location(page)
        at_location = service_at_location(service_id, location)
        return {
            **self.summary(listing, context),
            "schedules": [
                opening_schedule(
                    row, service_id, at_location["id"], page.show_from, page.show_until
                )
                for row in page.opening_hours.all()
            ],
            "service_areas": [],
            "service_at_locations": [at_location],
            "languages": languages(service_id, page.languages.all()),
            "funding": [],
            "cost_options": cost_options(
                service_id, page.cost == AccessPointPage.Cost.FREE, page.get_cost_display()
            ),
            "contacts": contacts(service_id, page.title, page.email, page.phone),
            "attributes": self.attributes(listing, context),
        }

    def attributes(self, listing, context):
        service_id = listing.id
        services = list(listing.page.services.all())
        service_types = TAXONOMIES["service-types"]
        barriers = TAXONOMIES["barriers"]
        terms = [service_types.term_for(service) for service in services]
        terms += [
            barriers.term(slug, BARRIER_LABELS[slug], BARRIER_LABELS[slug], slug)
            for slug in context.barriers.for_services(service.pk for service in services)
        ]
        return [attribute_json(service_id, term) for term in terms]

    def locations(self, listing, context):
        return [place_location(listing.page)]

    def row_location(self, listing, context):
        return place_location(listing.page, full=False)

    def location_ids(self, pks, context):
        return {pk: [ids.location(self.source, pk)] for pk in pks}

    def carrying(self, taxonomy_key, values):
        live = AccessPointPage.objects.live().public()
        if taxonomy_key == "service-types":
            through = AccessPointPage.services.through.objects
            return set(
                through.filter(servicetype_id__in=values, accesspointpage__in=live).values_list(
                    "accesspointpage_id", flat=True
                )
            )
        if taxonomy_key == "accessibility-features":
            through = AccessPointPage.accessibility.through.objects
            return set(
                through.filter(
                    accessibilityfeature_id__in=values, accesspointpage__in=live
                ).values_list("accesspointpage_id", flat=True)
            )
        if taxonomy_key == "barriers":
            from openreferral.barriers import BarrierRules

            return self.carrying("service-types", BarrierRules.load().service_pks(values))
        return set()

    def modified_since(self, moment):
        return modified_since(AccessPointPage, moment)

    def withheld(self):
        """Places imported from another publisher's feed whose licence does
        not let us republish them (docs/federation.md)."""
        pages = AccessPointPage.objects.filter(source_allows_reuse=False)
        return set(pages.values_list("pk", flat=True))


register(PlaceKind())
