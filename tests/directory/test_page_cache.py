"""The anonymous page cache (website/page_cache.py), as visitors see it: a
second visitor gets the same page from the cache with headers a CDN can
use; any change shows on the next anonymous request; signed-in people
and visitors with a shortlist always get their own fresh page, and
nobody sees another's."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from directory.models import AccessPointPage, ServiceType
from tests.factories.impact import ImpactPageFactory
from tests.factories.training import CoursePageFactory
from tests.shortlisting import press
from website import page_cache
from website.models import (
    BrandSettings,
    ContentPage,
    HomePage,
    NavigationSettings,
    NewsPage,
    OpenDataSettings,
)


def anonymous_get(url):
    return Client().get(url)


@pytest.fixture
def place(make_place):
    return make_place("Chorley Hub", services=["free-wifi"])


@pytest.mark.django_db
def test_a_second_visitor_gets_the_page_from_the_cache_with_cdn_headers(place):
    first = anonymous_get(place.url)
    second = anonymous_get(place.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=300"} <= control
    assert "cookie" not in second.get("Vary", "").lower()
    assert not second.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/find-help/", "/find-help/?postcode=PR7+1DP&radius=5", "/search/?q=wifi"]
)
def test_home_directory_results_and_site_search_are_cached(place, url):
    anonymous_get(url)
    assert anonymous_get(url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_every_kind_of_public_page_is_kept_with_cdn_headers(place):
    course = CoursePageFactory(parent=place.get_parent(), title="Email for beginners")
    impact = ImpactPageFactory(parent=HomePage.objects.get())
    pages = {
        "content": ContentPage.objects.live().first().url,
        "news story": NewsPage.objects.live().first().url,
        "organisation": place.get_parent().url,
        "access point": place.url,
        "course": course.url,
        "impact": impact.url,
        "open data": "/open-data/",
    }
    for kind, url in pages.items():
        first, second = anonymous_get(url), anonymous_get(url)
        control = {part.strip() for part in second["Cache-Control"].split(",")}
        assert (first.status_code, second["X-Page-Cache"]) == (200, "hit"), kind
        assert {"public", "s-maxage=300"} <= control, kind
        assert "cookie" not in second.get("Vary", "").lower() and not second.cookies, kind


@pytest.mark.django_db
def test_publishing_a_change_shows_on_the_next_anonymous_request(place):
    anonymous_get(place.url)
    anonymous_get("/find-help/")

    place.summary = "Now open on Saturdays"
    place.save_revision().publish()

    assert "Now open on Saturdays" in anonymous_get(place.url).content.decode()
    assert "Now open on Saturdays" in anonymous_get("/find-help/").content.decode()


@pytest.mark.django_db
def test_unpublishing_deleting_and_moving_a_page_show_at_once(place, organisation, directory):
    url = place.url
    anonymous_get(url)
    place.unpublish()
    assert anonymous_get(url).status_code == 404

    place.save_revision().publish()
    anonymous_get(url)
    other = organisation.add_sibling(instance=type(organisation)(title="Other", summary="Also."))
    place.move(other, pos="last-child")
    place.refresh_from_db()
    # The old address now redirects to the new one (Wagtail's automatic redirect).
    assert anonymous_get(url)["Location"] == place.url
    assert anonymous_get(place.url).status_code == 200

    place.delete()
    assert anonymous_get(place.url).status_code == 404


@pytest.mark.django_db
def test_a_brand_setting_shows_on_the_next_request(demo_site):
    anonymous_get("/")
    brand = BrandSettings.for_site(demo_site)
    brand.partnership_name = "Chorley Gets Online"
    brand.save()

    assert "Chorley Gets Online" in anonymous_get("/").content.decode()


@pytest.mark.django_db
def test_signed_in_people_always_get_a_fresh_private_page(place):
    anonymous_get(place.url)
    user = get_user_model().objects.create_user("editor", "editor@example.org", "x")
    client = Client()
    client.force_login(user)

    response = client.get(place.url)

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_one_visitors_shortlist_is_never_shown_to_another(place):
    resident = Client()
    anonymous_get(place.url)
    press(resident, place.pk, "add", place.url)

    theirs = resident.get(place.url)
    someone_else = anonymous_get(place.url)

    assert "Remove from shortlist" in theirs.content.decode()
    assert "X-Page-Cache" not in theirs
    assert "private" in theirs["Cache-Control"]
    assert "Remove from shortlist" not in someone_else.content.decode()
    assert "Add to shortlist" in someone_else.content.decode()


@pytest.mark.django_db
def test_form_pages_and_what_someone_typed_are_never_cached(place):
    start = anonymous_get("/refer/")
    assert "X-Page-Cache" not in start
    assert "no-store" in start["Cache-Control"]

    report = place.url + place.reverse_subpage("report_problem")
    client = Client()
    typed = client.post(report, {"details": "The wifi password on the wall is wrong"})
    assert "X-Page-Cache" not in typed
    assert "The wifi password on the wall is wrong" not in anonymous_get(report).content.decode()


@pytest.mark.django_db
def test_a_navigation_setting_shows_on_the_next_request(demo_site, place):
    anonymous_get("/")
    navigation = NavigationSettings.for_site(demo_site)
    navigation.main_navigation = [("link", {"label": "Winter opening times", "url": "/news/"})]
    navigation.save()

    assert "Winter opening times" in anonymous_get("/").content.decode()


@pytest.mark.django_db
def test_renaming_a_directory_list_entry_shows_on_results_and_place_pages(place):
    anonymous_get("/find-help/")
    anonymous_get(place.url)
    wifi = ServiceType.objects.get(slug="free-wifi")
    wifi.name = "Free wifi, no password needed"
    wifi.save()

    assert "Free wifi, no password needed" in anonymous_get("/find-help/").content.decode()
    assert "Free wifi, no password needed" in anonymous_get(place.url).content.decode()


@pytest.mark.django_db
def test_a_new_open_data_licence_shows_on_the_next_request(place):
    assert "X-Page-Cache" in anonymous_get("/open-data/")
    licence = OpenDataSettings.load()
    licence.licence_name = "Creative Commons Attribution 4.0"
    licence.save()

    assert "Creative Commons Attribution 4.0" in anonymous_get("/open-data/").content.decode()


@pytest.mark.django_db
def test_a_change_through_another_app_server_shows_here_at_once(place):
    """Each process answers from its own copy of a page it kept lately
    (website/recent_pages.py) only while the shared generation is the one
    it was kept in: another server's change moves that on."""
    assert anonymous_get(place.url)["X-Page-Cache"] == "miss"
    assert anonymous_get(place.url)["X-Page-Cache"] == "hit"
    AccessPointPage.objects.filter(pk=place.pk).update(summary="Changed elsewhere")
    page_cache._bump()  # as the other server's save did, in the shared cache

    answer = anonymous_get(place.url)

    assert answer["X-Page-Cache"] == "miss"
    assert "Changed elsewhere" in answer.content.decode()
