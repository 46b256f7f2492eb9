"""The API's endpoints: thin views that parse the parameters, find the
listings with the directory's search, and hand back the profile's JSON.
`endpoint` gives every one of them the same answers to what is not theirs:
JSON errors, CORS, caching, and GET only."""

import functools
import json

from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from openreferral import caching, ids, listings, lookup, openapi, taxonomies
from openreferral.errors import ApiError, not_found
from openreferral.kinds import KINDS, ApiContext
from openreferral.pagination import page_of, with_contents
from openreferral.params import LocationParams, PageParams, ServiceParams, TaxonomyParams
from openreferral.serialisers.organisations import organisation_full, organisation_summary
from openreferral.serialisers.services import service_at_location
from openreferral.serialisers.taxonomies import taxonomy_json, term_json

JSON = "application/json"


def json_response(data, status=200):
    return HttpResponse(json.dumps(data, ensure_ascii=False), content_type=JSON, status=status)


def with_cors(response):
    """Anyone may read the API from anywhere: it is open data, with no key."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def endpoint(view):
    """Answers OPTIONS (CORS preflight), refuses anything but GET and HEAD,
    turns ApiError into a JSON error, and caches successful bodies. Exempt
    from CSRF checks, which would answer a POST with an HTML 403: nothing
    here changes anything, and a POST gets the JSON 405."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "*"
            response["Access-Control-Max-Age"] = "86400"
            return with_cors(response)
        if request.method not in ("GET", "HEAD"):
            response = json_response(ApiError(405, "The API is read-only: use GET.").as_json(), 405)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return with_cors(response)
        key = caching.response_key(request)
        body = cache.get(key)
        if body is None:
            context = ApiContext(request, timezone.localtime())
            try:
                data = view(request, context, *args, **kwargs)
            except ApiError as error:
                return with_cors(json_response(error.as_json(), error.status))
            body = json.dumps(data, ensure_ascii=False)
            cache.set(key, body, caching.RESPONSE_SECONDS)
        return with_cors(HttpResponse(body, content_type=JSON))

    return wrapped


@endpoint
def root(request, context):
    return {
        "version": openapi.VERSION,
        "profile": openapi.PROFILE_URL,
        "openapi_url": context.url(reverse("oruk:openapi")),
    }


@endpoint
def openapi_document(request, context):
    return openapi.document_for(context.url(reverse("oruk:root")).rstrip("/"))


def summaries(hits, context):
    return [
        KINDS[listing.source].summary(listing, context) for listing in listings.load(hits, context)
    ]


@endpoint
def services(request, context):
    params = ServiceParams(request.GET).checked()
    hits = listings.find(params, context.now, upto=params["page"] * params["per_page"])
    shown, envelope = page_of(hits, params["page"], params["per_page"])
    return with_contents(envelope, summaries(shown, context))


@endpoint
def service_detail(request, context, service_id):
    hit = lookup.service_hit(service_id, context)
    found = listings.load([hit], context, full=True)
    if not found:
        raise not_found(f"No published service has the id {service_id}.")
    return KINDS[hit.source].full(found[0], context)


@endpoint
def service_at_locations(request, context):
    params = LocationParams(request.GET).checked()
    hits = listings.find(params, context.now, upto=params["page"] * params["per_page"])
    shown, envelope = page_of(hits, params["page"], params["per_page"])
    rows = []
    for listing in listings.load(shown, context):
        kind = KINDS[listing.source]
        row = {"service": kind.summary(listing, context)}
        location = kind.row_location(listing, context)
        if location is not None:
            row = {**service_at_location(listing.id, location, full=False), **row}
        else:  # the session the hit matched on went after the hits were found
            row = {"id": ids.service_at_location(listing.id, ""), "service_id": listing.id, **row}
        rows.append(row)
    return with_contents(envelope, rows)


@endpoint
def service_at_location_detail(request, context, sal_id):
    hit, location_id = lookup.service_at_location(sal_id, context)
    found = listings.load([hit], context, full=True)
    if not found:
        raise not_found(f"No published service_at_location has the id {sal_id}.")
    listing = found[0]
    kind = KINDS[hit.source]
    location = next(
        (place for place in kind.locations(listing, context) if place.id == location_id), None
    )
    if location is None:
        raise not_found(f"No published service_at_location has the id {sal_id}.")
    row = service_at_location(listing.id, location)
    service = kind.full(listing, context)
    service.pop("service_at_locations")
    service["schedules"] = [
        schedule
        for schedule in service["schedules"]
        if schedule.get("service_at_location_id") == row["id"]
    ]
    return {**row, "service": service}


@endpoint
def organizations(request, context):
    params = PageParams(request.GET).checked()
    shown, envelope = page_of(
        list(lookup.published_organisations()), params["page"], params["per_page"]
    )
    return with_contents(envelope, [organisation_summary(org, context) for org in shown])


@endpoint
def organization_detail(request, context, organization_id):
    organisation = lookup.organisation(organization_id)
    children = set(Page.objects.child_of(organisation).values_list("pk", flat=True))
    hits = [hit for hit in listings.every_published(context.now) if hit.pk in children]
    services = []
    for summary in summaries(hits, context):
        summary.pop("organization", None)
        services.append(summary)
    return organisation_full(organisation, services, context)


@endpoint
def taxonomy_list(request, context):
    params = PageParams(request.GET).checked()
    shown, envelope = page_of(
        list(taxonomies.TAXONOMIES.values()), params["page"], params["per_page"]
    )
    return with_contents(envelope, [taxonomy_json(taxonomy, context) for taxonomy in shown])


@endpoint
def taxonomy_detail(request, context, taxonomy_id):
    taxonomy = lookup.taxonomy(taxonomy_id)
    return taxonomy_json(taxonomy, context, terms=taxonomy.terms())


@endpoint
def taxonomy_term_list(request, context):
    params = TaxonomyParams(request.GET).checked()
    chosen = params.get("taxonomy_id")
    terms = chosen.terms() if chosen else taxonomies.all_terms()
    shown, envelope = page_of(terms, params["page"], params["per_page"])
    return with_contents(envelope, [term_json(term) for term in shown])


@endpoint
def taxonomy_term_detail(request, context, term_id):
    return term_json(lookup.taxonomy_term(term_id))


@endpoint
def unknown(request, context, rest=""):
    raise not_found()
