"""/api/oruk/: the Open Referral UK 3.0 API (see docs/oruk-api.md)."""

from django.urls import path, re_path

from openreferral import views

app_name = "oruk"

urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:service_id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<str:sal_id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:organization_id>", views.organization_detail, name="organization"),
    path("taxonomies", views.taxonomy_list, name="taxonomies"),
    path("taxonomies/<str:taxonomy_id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="taxonomy_terms"),
    path("taxonomy_terms/<str:term_id>", views.taxonomy_term_detail, name="taxonomy_term"),
    # Anything else under /api/oruk/ is a JSON 404, not the site's HTML one.
    re_path(r"^(?P<rest>.*)$", views.unknown),
]
