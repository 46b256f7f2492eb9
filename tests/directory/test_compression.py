"""What goes over the wire: pages the page cache keeps are compressed once
(Brotli for browsers that accept it, else gzip) and sent alike to everyone
who asks alike; pages with a CSRF token are gzipped afresh with random
padding against BREACH; static files come as WhiteNoise's Brotli or gzip
copies."""

import gzip

import brotli
import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client

from website.compression import accepted

CHROME = "gzip, deflate, br, zstd"


def fetch(url, encoding):
    return Client().get(url, HTTP_ACCEPT_ENCODING=encoding)


@pytest.fixture
def place(make_place):
    return make_place("Chorley Hub", services=["free-wifi"])


@pytest.mark.django_db
def test_a_kept_page_is_sent_as_brotli_to_a_browser_that_accepts_it(place):
    plain = fetch(place.url, "")
    first = fetch(place.url, CHROME)
    second = fetch(place.url, CHROME)

    assert "Content-Encoding" not in plain
    assert first["Content-Encoding"] == second["Content-Encoding"] == "br"
    assert second["X-Page-Cache"] == "hit"
    assert brotli.decompress(second.content) == plain.content
    assert len(second.content) < len(plain.content) / 3
    assert int(second["Content-Length"]) == len(second.content)
    assert "Accept-Encoding" in second["Vary"] and "Cookie" not in second["Vary"]
    assert "public" in second["Cache-Control"]


@pytest.mark.django_db
def test_a_kept_page_is_gzipped_for_a_browser_without_brotli(place):
    plain = fetch(place.url, "")
    brotli_first = fetch(place.url, CHROME)
    gzipped = [fetch(place.url, "gzip, deflate") for _ in range(2)]

    assert brotli_first["Content-Encoding"] == "br"
    assert [answer["Content-Encoding"] for answer in gzipped] == ["gzip", "gzip"]
    assert gzipped[1]["X-Page-Cache"] == "hit"
    assert gzip.decompress(gzipped[1].content) == plain.content
    # And one that refuses Brotli by its quality gets gzip too.
    assert fetch(place.url, "br;q=0, gzip")["Content-Encoding"] == "gzip"


def test_the_encodings_a_browser_accepts():
    assert accepted(CHROME) == {"gzip", "deflate", "br", "zstd"}
    assert accepted("gzip;q=1.0, br;q=0, identity; q=0.5") == {"gzip", "identity"}
    assert accepted("") == set()


@pytest.mark.django_db
def test_a_form_with_a_csrf_token_is_gzipped_with_a_fresh_mask_each_time(place):
    url = place.url + place.reverse_subpage("report_problem")
    answers = [fetch(url, CHROME) for _ in range(10)]
    pages = [gzip.decompress(answer.content).decode() for answer in answers]

    def token(page):
        return page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]

    # Never Brotli, never kept: gzip with a fresh mask and random padding
    # (0 to 99 bytes), so the same page is sent at many lengths.
    assert {answer["Content-Encoding"] for answer in answers} == {"gzip"}
    assert "X-Page-Cache" not in answers[1]
    assert token(pages[0]) != token(pages[1])
    assert len({len(answer.content) for answer in answers}) > 1


@pytest.mark.parametrize(("encoding", "expected"), [(CHROME, "br"), ("gzip", "gzip")])
def test_static_files_come_compressed(client, encoding, expected):
    response = client.get(staticfiles_storage.url("css/main.css"), HTTP_ACCEPT_ENCODING=encoding)
    assert response.status_code == 200
    assert response["Content-Encoding"] == expected
