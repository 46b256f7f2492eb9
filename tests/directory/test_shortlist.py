"""A shortlist kept for the session, to print or email: no account needed."""

import pytest
from django.core import mail
from django.core.cache import cache

from tests.shortlisting import press


@pytest.fixture(autouse=True)
def _fresh_flood_counters():
    cache.clear()


@pytest.fixture
def two_places(make_place):
    return make_place(
        "Chorley Hub", phone="01632 960001", hours=[(0, (9, 0), (12, 0))]
    ), make_place("Leyland Hub")


@pytest.mark.django_db
def test_add_remove_and_list(client, directory, two_places):
    first, second = two_places
    url = directory.shortlist_url
    press(client, first.pk, "add", "/find-help/")
    press(client, second.pk, "add")
    html = client.get(url).content.decode()
    assert html.index("Chorley Hub") < html.index("Leyland Hub")
    assert "Your shortlist (2)" in client.get("/find-help/").content.decode()
    press(client, first.pk, "remove")
    html = client.get(url).content.decode()
    assert "Chorley Hub" not in html and "Leyland Hub" in html


@pytest.mark.django_db
def test_next_must_stay_on_this_site(client, directory, two_places):
    response = press(client, two_places[0].pk, "add", "https://evil.example/")
    assert response["Location"] == directory.shortlist_url


@pytest.mark.django_db
def test_email_the_list_without_keeping_the_address(client, directory, two_places):
    press(client, two_places[0].pk, "add")
    response = client.post(
        directory.shortlist_url, {"action": "email", "email": "adviser@example.org"}
    )
    assert "We have emailed the list to adviser@example.org" in response.content.decode()
    assert mail.outbox[0].to == ["adviser@example.org"]
    assert "Chorley Hub" in mail.outbox[0].body
    assert "Monday: 9am to 12 noon" in mail.outbox[0].body
    assert "01632 960001" in mail.outbox[0].body


@pytest.mark.django_db
def test_bad_email_is_explained(client, directory, two_places):
    press(client, two_places[0].pk, "add")
    response = client.post(directory.shortlist_url, {"action": "email", "email": "nope"})
    html = response.content.decode()
    assert "There is a problem" in html and "Enter an email address like" in html
    assert 'value="nope"' in html
    assert not mail.outbox


@pytest.mark.django_db
def test_unpublished_listing_drops_out_of_the_shortlist(client, directory, two_places):
    first, _ = two_places
    press(client, first.pk, "add")
    first.unpublish()
    assert "Chorley Hub" not in client.get(directory.shortlist_url).content.decode()


@pytest.mark.django_db
def test_back_to_search_phone_links_and_printed_addresses(client, directory, two_places):
    """Back to search returns to the search the place was added from; the
    phone number can be tapped; the printed list gives full addresses."""
    first, _ = two_places
    url = directory.shortlist_url
    search = "/find-help/?postcode=PR7+1DP&service=free-wifi&page=2"
    press(client, first.pk, "add", search)
    html = client.get(url).content.decode()
    assert f'<a href="{search.replace("&", "&amp;")}" class="govuk-back-link' in html
    assert '<a class="govuk-link" href="tel:01632960001">01632 960001</a>' in html
    assert f'<p class="govuk-body app-print-only">http://testserver{first.url}</p>' in html


@pytest.mark.django_db
def test_back_to_search_never_leaves_the_directory(client, directory, two_places):
    first, _ = two_places
    url = directory.shortlist_url
    press(client, first.pk, "add", "/news/")
    html = client.get(url).content.decode()
    assert '<a href="/find-help/" class="govuk-back-link' in html
    # Added from a place's own page: that page is not a search.
    press(client, first.pk, "add", first.url)
    html = client.get(url).content.decode()
    assert '<a href="/find-help/" class="govuk-back-link' in html


@pytest.mark.django_db
def test_a_change_from_another_site_or_from_nowhere_is_refused(client, directory, two_places):
    first, _ = two_places
    for origin in ("https://evil.example", None):
        response = press(client, first.pk, "add", "/find-help/", origin=origin)
        assert response.status_code == 403
        assert "did not come from this website" in response.content.decode()
    assert "Chorley Hub" not in client.get(directory.shortlist_url).content.decode()


@pytest.mark.django_db
def test_the_button_needs_no_token_so_pages_with_it_set_no_cookie(client, directory, two_places):
    first, _ = two_places
    response = client.get(first.url)
    assert 'action="/shortlist/change/"' in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
