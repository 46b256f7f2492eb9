"""Answers are cached and forgotten the moment a listing changes; a page
costs the same number of queries however long it is; ids never change;
no personal data is ever published."""

import uuid

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import ServiceType
from openreferral import ids
from referrals.models import RoutingRule
from tests.factories.referrals import ReferralFactory
from tests.factories.training import BookingFactory, CoursePageFactory, SessionFactory


def queries_for(client, path):
    cache.clear()  # worked out afresh: search hits, indexes and answers
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def test_a_page_costs_the_same_queries_at_10_and_50_per_page(
    lists, organisation, make_place, client
):
    """Places and courses interleaved (by title; by distance), so that both
    kinds are on both pages; with hidden addresses, opening hours, several
    services, courses at places and online."""
    for number in range(60):
        place = make_place(
            f"Listing {number:02d} place",
            # Further from PR7 1DP as the number grows: nearest first, the
            # courses held at a place come straight after it.
            postcode=("PR7 1DP", 53.653 + number * 0.001, -2.632),
            services=["free-wifi", "drop-in"],
            access=["step-free"],
            hours=[(0, (9, 0), (12, 0)), (3, (13, 0), (16, 0))],
            hide_address=number % 7 == 0,
        )
        if number % 3 == 0:
            # Seven courses at places and thirteen online: fewer in reach
            # than either page holds, so both pages read the online courses
            # too (two queries a search makes only when they could show).
            course = CoursePageFactory(parent=organisation, title=f"Listing {number:02d} course")
            SessionFactory(page=course, venue=place if number % 9 == 0 else None)
    for path in ("services", "service_at_locations?postcode=PR7+1DP&proximity=20000"):
        separator = "&" if "?" in path else "?"
        few, small = queries_for(client, f"/api/oruk/{path}{separator}per_page=10")
        many, large = queries_for(client, f"/api/oruk/{path}{separator}per_page=50")
        assert (small["size"], large["size"]) == (10, 50)
        assert {row.get("service", row).get("id") for row in large["contents"]} > {
            row.get("service", row).get("id") for row in small["contents"]
        }
        assert many == few, f"{path}: {few} queries for 10, {many} for 50"
        print(f"{path}: {few} queries a page")  # reported, not asserted


def test_the_same_request_again_is_answered_from_the_cache(lists, make_place, client, api_ok):
    make_place("Chorley Library", services=["free-wifi"])
    first = api_ok("services", per_page=10, page=1)
    with CaptureQueriesContext(connection) as queries:
        assert api_ok("services", per_page=10, page=1) == first
        # Parameters no endpoint reads, and another order, share the answer.
        assert api_ok("services", page=1, per_page=10, utm_source="newsletter") == first
    assert len(queries) == 0


def test_a_change_is_published_at_once(lists, make_place, organisation, api_ok):
    library = make_place("Chorley Library", services=["free-wifi"])
    service_id = ids.service("place", library.pk)
    assert [s["name"] for s in api_ok("services")["contents"]] == ["Chorley Library"]
    detail = api_ok(f"services/{service_id}")

    library.title = "Astley Library"
    library.save_revision().publish()
    assert [s["name"] for s in api_ok("services")["contents"]] == ["Astley Library"]
    assert api_ok(f"services/{service_id}")["id"] == detail["id"]

    organisation.title = "Renamed Partner"
    organisation.save_revision().publish()
    assert api_ok(f"services/{service_id}")["organization"]["name"] == "Renamed Partner"

    def barriers():
        data = api_ok(f"services/{service_id}")
        return {
            a["taxonomy_term"]["code"] for a in data["attributes"] if a["link_type"] == "barriers"
        }

    assert "cannot_afford_data" in barriers()
    rule = RoutingRule.objects.get(trigger="cannot_afford_data")
    rule.services.remove(ServiceType.objects.get(slug="free-wifi"))
    assert "cannot_afford_data" not in barriers()

    library.unpublish()
    assert api_ok("services")["contents"] == []


def test_ids_are_the_same_on_every_request_and_differ_between_sites(
    lists, make_place, api_ok, settings
):
    library = make_place("Chorley Library")
    first = api_ok("services")["contents"][0]["id"]
    cache.clear()
    assert api_ok("services")["contents"][0]["id"] == first
    assert first == ids.service("place", library.pk)
    assert str(uuid.UUID(first)) == first and uuid.UUID(first).version == 5

    settings.WAGTAILADMIN_BASE_URL = "https://another-partnership.example.org"
    assert ids.service("place", library.pk) != first
    fixed = "6f0e3c9e-51a4-4d3b-9a53-0c1d2e3f4a5b"
    settings.ORUK_ID_NAMESPACE = fixed
    moved = ids.service("place", library.pk)
    settings.WAGTAILADMIN_BASE_URL = "https://moved.example.org"
    assert ids.service("place", library.pk) == moved  # the namespace keeps them


def test_no_personal_data_is_published(lists, organisation, make_place, client):
    library = make_place("Chorley Library")
    course = CoursePageFactory(parent=organisation, title="Email basics")
    session = SessionFactory(page=course, venue=library)
    booking = BookingFactory(
        session=session, name="Priya Testperson", email="priya@example.net", phone="07700900123"
    )
    referral = ReferralFactory(resident_name="Tomasz Testperson", resident_email="t@example.net")
    bodies = []
    for path in ("services", "service_at_locations", "organizations"):
        page = client.get(f"/api/oruk/{path}").json()
        bodies.append(str(page))
        for row in page["contents"]:
            bodies.append(client.get(f"/api/oruk/{path}/{row['id']}").content.decode())
    published = "\n".join(bodies)
    assert "Email basics" in published
    for secret in (
        booking.name,
        booking.email,
        booking.phone,
        referral.resident_name,
        referral.resident_email,
        referral.referrer_name,
        referral.reference,
    ):
        assert secret not in published


def test_a_namespace_that_is_not_a_uuid_stops_the_site(settings):
    from openreferral.checks import id_namespace_is_a_uuid

    settings.ORUK_ID_NAMESPACE = "not-a-uuid"
    [error] = id_namespace_is_a_uuid(None)
    assert error.id == "directory.E001"
    settings.ORUK_ID_NAMESPACE = "6f0e3c9e-51a4-4d3b-9a53-0c1d2e3f4a5b"
    assert id_namespace_is_a_uuid(None) == []
