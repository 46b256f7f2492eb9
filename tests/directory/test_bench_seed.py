"""`seed_bench --listings N`: the synthetic directory is made of real pages,
as an editor would have made them, and running it again never duplicates."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from directory import geo
from directory.models import AccessPointPage, OrganisationPage
from tests.directory.conftest import CHORLEY


def seed_bench(listings):
    out = StringIO()
    call_command("seed_bench", news=0, pages=0, listings=listings, stdout=out)
    return out.getvalue()


@pytest.fixture
def bench_pages(directory):
    seed_bench(30)
    return list(AccessPointPage.objects.live().order_by("path"))


@pytest.mark.django_db
def test_listings_are_live_published_pages_under_organisations(bench_pages):
    assert len(bench_pages) == 30
    assert OrganisationPage.objects.count() == 1
    page = bench_pages[0]
    assert page.get_parent().specific_class is OrganisationPage
    assert page.live_revision_id == page.latest_revision_id is not None
    assert page.first_published_at is not None
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 1
    assert page.services_list and page.hours_list


@pytest.mark.django_db
def test_every_listing_page_renders(client, bench_pages):
    for page in bench_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


@pytest.mark.django_db
def test_text_search_finds_listings(client, bench_pages):
    with_wifi = {
        page.pk
        for page in bench_pages
        if "wifi" in page.summary.lower() or any(s.slug == "free-wifi" for s in page.services_list)
    }
    response = client.get("/find-help/", {"q": "wifi", "type": "places"})
    assert response.status_code == 200
    assert response.context["result_count"] == len(with_wifi) > 0

    page = bench_pages[7]
    response = client.get("/find-help/", {"q": page.title})
    assert page.pk in {result.page.pk for result in response.context["results"]}


@pytest.mark.django_db
def test_postcode_search_finds_listings_within_the_radius(client, bench_pages):
    _postcode, latitude, longitude = CHORLEY
    near = [
        page
        for page in bench_pages
        if geo.distance_miles(latitude, longitude, page.latitude, page.longitude) <= 3
    ]
    response = client.get("/find-help/", {"postcode": "PR7 1DP", "radius": "3", "type": "places"})
    assert response.status_code == 200
    assert response.context["result_count"] == len(near) > 0


@pytest.mark.django_db
def test_running_again_tops_up_and_never_duplicates(bench_pages):
    seed_bench(30)
    assert AccessPointPage.objects.count() == 30
    assert Revision.objects.filter(content_type__model="accesspointpage").count() == 30
    seed_bench(35)
    assert AccessPointPage.objects.count() == 35
    assert len(set(AccessPointPage.objects.values_list("url_path", flat=True))) == 35
    assert all(not problems for problems in Page.find_problems())
    out = StringIO()
    call_command("fixtree", "--noinput", stdout=out)
    assert out.getvalue().count("No problems found.") == 2


@pytest.mark.django_db
def test_indexes_hold_what_a_normal_save_would_write(bench_pages):
    """Re-indexing a page the ordinary way changes nothing."""
    page = bench_pages[3]

    def stored():
        references = ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list()
        entries = IndexEntry.objects.filter(object_id=str(page.pk)).values_list(
            "content_type", "title", "body", "autocomplete"
        )
        return set(references), list(entries)

    before = stored()
    ReferenceIndex.create_or_update_for_object(page)
    get_search_backend().add(page)
    assert stored() == before
    assert len(before[0]) == 1 and len(before[1]) == 1
