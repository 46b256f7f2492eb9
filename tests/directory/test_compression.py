"""What goes over the wire: pages gzipped for browsers that accept it
(cached or not, padded afresh each time against BREACH), and static files
as WhiteNoise's gzip copies."""

import gzip

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client


def fetch(url, encoding):
    return Client().get(url, HTTP_ACCEPT_ENCODING=encoding)


@pytest.fixture
def place(make_place):
    return make_place("Chorley Hub", services=["free-wifi"])


@pytest.mark.django_db
def test_a_page_is_gzipped_for_a_browser_that_accepts_it(place):
    plain = fetch(place.url, "")
    first = fetch(place.url, "gzip, deflate, br")
    second = fetch(place.url, "gzip, deflate, br")

    assert "Content-Encoding" not in plain
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert second["X-Page-Cache"] == "hit"
    assert gzip.decompress(first.content) == gzip.decompress(second.content) == plain.content
    assert len(first.content) < len(plain.content) / 3
    # Random padding (0 to 99 bytes): the same page is sent at many lengths.
    lengths = {len(fetch(place.url, "gzip").content) for _ in range(10)}
    assert len(lengths) > 1
    assert "Accept-Encoding" in second["Vary"] and "Cookie" not in second["Vary"]
    assert "public" in second["Cache-Control"]


@pytest.mark.django_db
def test_a_form_with_a_csrf_token_is_gzipped_with_a_fresh_mask_each_time(place):
    url = place.url + place.reverse_subpage("report_problem")
    pages = [gzip.decompress(fetch(url, "gzip").content).decode() for _ in range(2)]

    def token(page):
        return page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    assert token(pages[0]) != token(pages[1])


def test_static_files_come_compressed(client):
    response = client.get(staticfiles_storage.url("css/main.css"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
